// The rules a schema cannot express (which kind a question is, answers in range, duplicate options…),
// and the step from a checked question's data to the Question the core works with. Each rule reports
// every problem it finds; a question with an error is not built.

import { defaultPrompt, generatedOptions } from "../core/generated-options.js";
import { indexOfLetter, letterOf, questionKey } from "../core/question.js";
import type { Ask, Difficulty, Question, QuestionKind } from "../core/question.js";
import type { DataPath, Locator } from "./locate.js";
import type { Position, Severity } from "./problem.js";

export interface RuleIssue {
  readonly at: Position;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

type Raw = Record<string, unknown>;

const KIND_FIELDS = ["options", "statements", "pairs"] as const;
/** Fields that belong to some kinds only. */
const FIELDS_FOR_KIND: Record<string, readonly QuestionKind[]> = {
  options: ["choice"],
  shuffle: ["choice"],
  answer: ["choice", "true-false"],
  statements: ["statements"],
  pairs: ["pairs"],
  ask: ["statements", "pairs"],
  prompt: ["statements", "pairs"],
};

export interface QuestionContext {
  readonly bankId: string;
  readonly bankTags: readonly string[];
  readonly path: DataPath;
  readonly locate: Locator;
}

export function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function checkQuestion(raw: Raw, context: QuestionContext): { issues: RuleIssue[]; question?: Question } {
  const issues: RuleIssue[] = [];
  const { path, locate } = context;
  const error = (field: DataPath, rule: string, message: string, on: "key" | "value" = "value") =>
    issues.push({ at: on === "key" ? locate.key([...path, ...field]) : locate.value([...path, ...field]), severity: "error", rule, message });

  checkBlankText(raw, path, locate, issues);
  checkRecommendedFields(raw, path, locate, issues);
  const kind = detectKind(raw, error);
  if (kind === undefined) return { issues };

  for (const [field, kinds] of Object.entries(FIELDS_FOR_KIND)) {
    if (field in raw && !kinds.includes(kind) && !(KIND_FIELDS as readonly string[]).includes(field)) {
      error([field], "field-not-for-kind", fieldNotForKindMessage(field, kind), "key");
    }
  }

  let built: { options: readonly string[]; answer: readonly number[] } | undefined;
  if (kind === "choice") built = checkChoice(raw, error);
  else if (kind === "true-false") built = checkTrueFalse(raw, error);
  else built = checkItems(raw, kind, error);

  if (built === undefined || issues.some((issue) => issue.severity === "error")) return { issues };
  return { issues, question: buildQuestion(raw, kind, built, context) };
}

type ReportError = (field: DataPath, rule: string, message: string, on?: "key" | "value") => void;

function detectKind(raw: Raw, error: ReportError): QuestionKind | undefined {
  const present = KIND_FIELDS.filter((field) => field in raw);
  const declared = typeof raw.type === "string" ? (raw.type as QuestionKind) : undefined;
  if (present.length > 1) {
    error([present[1] as string], "mixed-kind", `a question has options, statements or pairs, not several; this one has ${present.join(" and ")}`, "key");
    return undefined;
  }
  let kind: QuestionKind | undefined;
  if (present[0] === "options") kind = "choice";
  else if (present[0] === "statements") kind = "statements";
  else if (present[0] === "pairs") kind = "pairs";
  else if (typeof raw.answer === "boolean" || declared === "true-false") kind = "true-false";

  if (kind === undefined) {
    if (typeof raw.answer === "string" && /^(true|false|yes|no)$/i.test(raw.answer)) {
      error(["answer"], "true-false-answer", `a true-false answer is true or false without quotes, not "${raw.answer}"`);
    } else if (Array.isArray(raw.answer) && raw.answer.length > 0 && raw.answer.every((item) => typeof item === "boolean")) {
      error(["answer"], "true-false-answer", "a true-false answer is true or false on its own, not a list");
    } else if ("answer" in raw) {
      error(["answer"], "no-kind", "an answer letter needs options: add options: with 2 to 26 choices");
    } else {
      error([], "no-kind", "the question has no answer: add options: and answer:, answer: true|false, statements: or pairs:");
    }
    return undefined;
  }
  if (declared !== undefined && declared !== kind) {
    error(["type"], "kind-mismatch", `type: ${declared} does not fit a question written with ${present[0] ?? "answer: true|false"} (that is ${kind})`);
    return undefined;
  }
  return kind;
}

function checkChoice(raw: Raw, error: ReportError): { options: readonly string[]; answer: readonly number[] } | undefined {
  const options = Array.isArray(raw.options) && raw.options.every((option) => typeof option === "string") ? (raw.options as string[]) : undefined;
  if (options) {
    const seen = new Map<string, number>();
    options.forEach((option, index) => {
      const normal = option.toLowerCase().replace(/\s+/g, " ").trim();
      const first = seen.get(normal);
      if (first !== undefined) error(["options", index], "duplicate-option", `option ${letterOf(index)} repeats option ${letterOf(first)}`);
      else seen.set(normal, index);
    });
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

function checkTrueFalse(raw: Raw, error: ReportError): { options: readonly string[]; answer: readonly number[] } | undefined {
  if (typeof raw.answer !== "boolean") {
    const what = Array.isArray(raw.answer) ? "a list" : raw.answer === undefined ? "missing" : JSON.stringify(raw.answer);
    error(raw.answer === undefined ? [] : ["answer"], "true-false-answer", `a true-false answer is true or false without quotes; it is ${what}`);
    return undefined;
  }
  return { options: ["True", "False"], answer: [raw.answer ? 0 : 1] };
}

function checkItems(raw: Raw, kind: "statements" | "pairs", error: ReportError): { options: readonly string[]; answer: readonly number[] } | undefined {
  const items = raw[kind];
  if (!Array.isArray(items) || !items.every((item) => isRecord(item) && typeof item.correct === "boolean")) return undefined;
  if (items.length < 2 || items.length > 5) return undefined;
  const texts = items.map((item: Raw) => (kind === "statements" ? String(item.text) : `${String(item.left)} — ${String(item.right)}`));
  const seen = new Map<string, number>();
  texts.forEach((text, index) => {
    const normal = text.toLowerCase().replace(/\s+/g, " ").trim();
    const first = seen.get(normal);
    if (first !== undefined) error([kind, index], "duplicate-option", `${kind === "statements" ? "statement" : "pair"} ${index + 1} repeats ${first + 1}`);
    else seen.set(normal, index);
  });
  const correct = items.map((item: Raw) => item.correct as boolean);
  const ask = askOf(raw);
  if (ask === "which-correct" && items.length > 2 && !correct.includes(true)) {
    error([kind], "none-correct", `with ask: which-correct and ${items.length} ${kind}, at least one must be correct; use ask: how-many for "None"`);
    return undefined;
  }
  const generated = generatedOptions(String(raw.id), ask, correct, kind === "statements" ? "statement" : "pair");
  return { options: generated.options, answer: [generated.answer] };
}

function askOf(raw: Raw): Ask {
  return raw.ask === "how-many" ? "how-many" : "which-correct";
}

function fieldNotForKindMessage(field: string, kind: QuestionKind): string {
  if (field === "answer") return `a ${kind} question takes its answer from each item's 'correct'; remove 'answer'`;
  if (field === "shuffle") return `'shuffle' is for questions with options; a ${kind} question's options keep a fixed order`;
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
  const visit = (value: unknown, at: DataPath): void => {
    if (typeof value === "string") {
      if (value.length > 0 && value.trim() === "") {
        issues.push({ at: locate.value([...path, ...at]), severity: "error", rule: "empty-text", message: `'${String(at[0])}' is blank; write the text or remove the key` });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...at, index]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
  };
  for (const [key, value] of Object.entries(raw)) visit(value, [key]);
}

function buildQuestion(
  raw: Raw,
  kind: QuestionKind,
  built: { options: readonly string[]; answer: readonly number[] },
  context: QuestionContext,
): Question {
  const id = raw.id as string;
  const ownTags = Array.isArray(raw.tags) ? (raw.tags as string[]) : [];
  const common = {
    bank: context.bankId,
    id,
    key: questionKey(context.bankId, id),
    question: raw.question as string,
    options: built.options,
    answer: built.answer,
    shuffle: kind === "choice" ? raw.shuffle !== false : false,
    tags: [...new Set([...context.bankTags, ...ownTags])],
    ...(typeof raw.explanation === "string" && { explanation: raw.explanation }),
    ...(typeof raw.source === "string" && { source: raw.source }),
    ...(typeof raw.difficulty === "string" && { difficulty: raw.difficulty as Difficulty }),
  };
  switch (kind) {
    case "choice":
      return { ...common, kind, multiple: Array.isArray(raw.answer) };
    case "true-false":
      return { ...common, kind, truth: raw.answer as boolean };
    case "statements":
    case "pairs": {
      const ask = askOf(raw);
      const prompt = typeof raw.prompt === "string" ? raw.prompt : defaultPrompt(ask, kind === "statements" ? "statement" : "pair");
      return kind === "statements"
        ? { ...common, kind, ask, prompt, statements: (raw.statements as Raw[]).map((item) => ({ text: item.text as string, correct: item.correct as boolean })) }
        : { ...common, kind, ask, prompt, pairs: (raw.pairs as Raw[]).map((item) => ({ left: item.left as string, right: item.right as string, correct: item.correct as boolean })) };
    }
  }
}
