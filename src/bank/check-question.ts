// The rules a schema cannot express (which kind a question is, answers in range, duplicate options…),
// and the step from a checked question's data to the Question the core works with. Each rule reports
// every problem it finds; a question with an error is not built.

import { QUESTION_KINDS, indexOfLetter, letterOf } from "../core/question.js";
import type { Question, QuestionKind } from "../core/question.js";
import { buildQuestion } from "./build-question.js";
import { checkAssertion } from "./check-assertion.js";
import { checkItems } from "./check-items.js";
import { checkMatch } from "./check-match.js";
import type { DataPath, Locator } from "./locate.js";
import type { Position, Severity } from "./problem.js";
import type { BuiltOptions, Raw, ReportError } from "./rule-report.js";
import { isRecord, normalText, repeats } from "./rule-report.js";

export interface RuleIssue {
  readonly at: Position;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

/**
 * The fields that say which kind a question is; two kinds' fields in one question is an error. A Map,
 * not an object: a bank's `__proto__` or `constructor` key must not find Object.prototype's.
 */
const KIND_OF_FIELD: ReadonlyMap<string, QuestionKind> = new Map([
  ["options", "choice"],
  ["statements", "statements"],
  ["pairs", "pairs"],
  ["claim", "assertion"],
  ["reasons", "assertion"],
  ["list1", "match"],
  ["list2", "match"],
  ["matches", "match"],
]);
/** Fields that belong to some kinds only. */
const FIELDS_FOR_KIND: Record<string, readonly QuestionKind[]> = {
  shuffle: ["choice"],
  answer: ["choice", "true-false"],
  ask: ["statements", "pairs"],
  numbering: ["statements", "pairs"],
  codes: ["statements", "pairs", "match"],
  headings: ["pairs", "match"],
  prompt: ["statements", "pairs", "assertion", "match"],
};

export interface QuestionContext {
  readonly bankId: string;
  readonly bankTags: readonly string[];
  readonly path: DataPath;
  readonly locate: Locator;
}

export { isRecord };

export function checkQuestion(raw: Raw, context: QuestionContext): { issues: RuleIssue[]; question?: Question } {
  const issues: RuleIssue[] = [];
  const { path, locate } = context;
  const error: ReportError = (field, rule, message, on = "value") =>
    issues.push({ at: on === "key" ? locate.key([...path, ...field]) : locate.value([...path, ...field]), severity: "error", rule, message });

  checkBlankText(raw, path, locate, issues);
  checkRecommendedFields(raw, path, locate, issues);
  const kind = detectKind(raw, error);
  if (kind === undefined) return { issues };

  for (const [field, kinds] of Object.entries(FIELDS_FOR_KIND)) {
    if (field in raw && !kinds.includes(kind)) error([field], "field-not-for-kind", fieldNotForKindMessage(field, kind), "key");
  }
  if (kind !== "assertion" && typeof raw.question !== "string") return { issues }; // the schema reports it

  const built = buildOptions(raw, kind, error);
  if (built === undefined || issues.some((issue) => issue.severity === "error")) return { issues };
  return { issues, question: buildQuestion(raw, kind, built, context) };
}

function buildOptions(raw: Raw, kind: QuestionKind, error: ReportError): BuiltOptions | undefined {
  switch (kind) {
    case "choice":
      return checkChoice(raw, error);
    case "true-false":
      return checkTrueFalse(raw, error);
    case "statements":
    case "pairs":
      return checkItems(raw, kind, error);
    case "assertion":
      return checkAssertion(raw, error);
    case "match":
      return checkMatch(raw, error);
  }
}

/** The kinds whose fields the question has, each with the first of its fields as written. */
function kindsPresent(raw: Raw): { kind: QuestionKind; field: string }[] {
  const found: { kind: QuestionKind; field: string }[] = [];
  for (const field of Object.keys(raw)) {
    const kind = KIND_OF_FIELD.get(field);
    if (kind !== undefined && !found.some((entry) => entry.kind === kind)) found.push({ kind, field });
  }
  return found;
}

function detectKind(raw: Raw, error: ReportError): QuestionKind | undefined {
  const present = kindsPresent(raw);
  // An unknown type is also an enum error from the schema; kind-mismatch still names it (as v1 did).
  const declared = typeof raw.type === "string" ? (raw.type as QuestionKind) : undefined;
  if (present.length > 1) {
    const second = present[1] as { field: string };
    const fields = present.map((entry) => entry.field).join(" and ");
    error([second.field], "mixed-kind", `a question is one kind: options, statements, pairs, claim and reasons, or list1 and list2; this one has ${fields}`, "key");
    return undefined;
  }
  let kind = present[0]?.kind;
  if (kind === undefined && (typeof raw.answer === "boolean" || declared === "true-false")) kind = "true-false";

  if (kind === undefined) {
    reportNoKind(raw, declared, error);
    return undefined;
  }
  if (declared !== undefined && declared !== kind) {
    error(["type"], "kind-mismatch", `type: ${declared} does not fit a question written with ${present[0]?.field ?? "answer: true|false"} (that is ${kind})`);
    return undefined;
  }
  return kind;
}

/** Fields a `type:` needs, for the message when none of them is written. */
const FIELDS_OF_KIND: Readonly<Record<QuestionKind, string>> = {
  choice: "options: and answer:",
  "true-false": "answer: true|false",
  statements: "statements:",
  pairs: "pairs:",
  assertion: "claim: and reasons:",
  match: "list1:, list2: and matches:",
};

function reportNoKind(raw: Raw, declared: QuestionKind | undefined, error: ReportError): void {
  if (typeof raw.answer === "string" && /^(true|false|yes|no)$/i.test(raw.answer)) {
    error(["answer"], "true-false-answer", `a true-false answer is true or false without quotes, not "${raw.answer}"`);
  } else if (Array.isArray(raw.answer) && raw.answer.length > 0 && raw.answer.every((item) => typeof item === "boolean")) {
    error(["answer"], "true-false-answer", "a true-false answer is true or false on its own, not a list");
  } else if ("answer" in raw) {
    error(["answer"], "no-kind", "an answer letter needs options: add options: with 2 to 26 choices");
  } else if (declared !== undefined && QUESTION_KINDS.includes(declared)) {
    error([], "no-kind", `a ${declared} question needs ${FIELDS_OF_KIND[declared]}`);
  } else {
    error([], "no-kind", "the question has no answer: add options: and answer:, answer: true|false, statements:, pairs:, claim: and reasons:, or list1:, list2: and matches:");
  }
}

function checkChoice(raw: Raw, error: ReportError): BuiltOptions | undefined {
  const options = Array.isArray(raw.options) && raw.options.every((option) => typeof option === "string") ? (raw.options as string[]) : undefined;
  if (options) {
    for (const { index, first } of repeats(options, normalText)) error(["options", index], "duplicate-option", `option ${letterOf(index)} repeats option ${letterOf(first)}`);
  }
  const answer = raw.answer;
  if (answer === undefined) {
    error([], "required", "the question is missing 'answer': the letter of the right option, e.g. answer: b");
    return undefined;
  }
  if (typeof answer === "boolean") {
    error(["answer"], "answer-format", "a question with options takes a letter as its answer; true/false answers take no options");
    return undefined;
  }
  const letters = typeof answer === "string" ? [answer] : Array.isArray(answer) ? answer : [];
  if (Array.isArray(answer) && answer.length === 0) error(["answer"], "answer-format", "the answer list is empty; give at least one letter");
  const indexes: number[] = [];
  letters.forEach((letter, position) => {
    const at: DataPath = Array.isArray(answer) ? ["answer", position] : ["answer"];
    if (typeof letter !== "string") return;
    const index = indexOfLetter(letter);
    if (index === undefined) {
      error(at, "answer-format", `'${letter}' is not an option letter; answers name options as a, b, c…`);
    } else if (options && index >= options.length) {
      error(at, "answer-range", `answer '${letter}' is beyond the ${options.length} options (a–${letterOf(options.length - 1)})`);
    } else if (indexes.includes(index)) {
      error(at, "duplicate-answer", `answer '${letter}' is listed twice`);
    } else {
      indexes.push(index);
    }
  });
  return options ? { options, answer: indexes.sort((a, b) => a - b) } : undefined;
}

function checkTrueFalse(raw: Raw, error: ReportError): BuiltOptions | undefined {
  if (typeof raw.answer !== "boolean") {
    const what = Array.isArray(raw.answer) ? "a list" : raw.answer === undefined ? "missing" : JSON.stringify(raw.answer);
    error(raw.answer === undefined ? [] : ["answer"], "true-false-answer", `a true-false answer is true or false without quotes; it is ${what}`);
    return undefined;
  }
  return { options: ["True", "False"], answer: [raw.answer ? 0 : 1] };
}

function fieldNotForKindMessage(field: string, kind: QuestionKind): string {
  if (field === "answer" && kind === "match") return "a match question takes its answer from 'matches'; remove 'answer'";
  if (field === "answer") return `a ${kind} question takes its answer from each item's 'correct'; remove 'answer'`;
  if (field === "shuffle") return `'shuffle' is for questions with options; a ${kind} question's options keep a fixed order`;
  if (field === "prompt") return "'prompt' replaces the generated line after statements, pairs or lists; a choice or true-false question asks in its own words";
  return `'${field}' is for ${FIELDS_FOR_KIND[field]?.join(" and ")} questions, not ${kind}`;
}

function checkRecommendedFields(raw: Raw, path: DataPath, locate: Locator, issues: RuleIssue[]): void {
  for (const [field, rule, message] of [
    ["explanation", "no-explanation", "no explanation; say why the answer is right, so learners learn from a miss"],
    ["source", "no-source", "no source; name the article and section the fact comes from"],
    ["difficulty", "no-difficulty", "no difficulty; add difficulty: easy, medium or hard"],
  ] as const) {
    if (!(field in raw)) issues.push({ at: locate.value(path), severity: "warning", rule, message });
  }
}

/** Whitespace-only text passes the schema's minLength; it is as empty to a reader. */
function checkBlankText(raw: Raw, path: DataPath, locate: Locator, issues: RuleIssue[]): void {
  // One path, grown and cut back as the walk goes, copied only for a blank found: a path per value
  // was a few hundred thousand arrays for a bank of 10,000 questions.
  const at: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      // A visible ASCII first character settles it for nearly every string, without trimming.
      const first = value.charCodeAt(0);
      if (first > 0x20 && first < 0x7f) return;
      if (value.length > 0 && value.trim() === "") {
        issues.push({ at: locate.value([...path, ...at]), severity: "error", rule: "empty-text", message: `'${String(at[0])}' is blank; write the text or remove the key` });
      }
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        at.push(index);
        visit(value[index]);
        at.pop();
      }
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        at.push(key);
        visit(value[key]);
        at.pop();
      }
    }
  };
  visit(raw);
}
