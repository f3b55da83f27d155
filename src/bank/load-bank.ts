// One bank file in, a Bank and every problem found in it out. Nothing here throws for a bad bank: a
// tutor wants the whole list, and `prelim banks` must list a broken bank beside the good ones.

import { isNode, isSeq } from "yaml";
import { MAX_ALIAS_COUNT, parseYaml } from "./parse-yaml.js";
import type { ParsedYaml } from "./parse-yaml.js";
import { readBankText } from "./read-file.js";
import { makeLocator } from "./locate.js";
import { checkAgainstSchema } from "./schema-check.js";
import { checkQuestion, isRecord } from "./check-question.js";
import { FILE_START, capProblems, compareProblems } from "./problem.js";
import { explainYamlMistakes } from "./yaml-hints.js";
import { ANSWER_FILE_MESSAGE, hasAnswerFileMark, hasAnswerFileShape, isAnswerFileName } from "./answer-file-shape.js";
import type { Position, Problem, Severity } from "./problem.js";
import type { Bank, BankSource, Marking, Question } from "../core/question.js";

export interface LoadedBank {
  readonly file: string;
  /** Present when the file has no errors (warnings allowed). */
  readonly bank?: Bank;
  /** The id written in the file, when it could be read, even if the bank has errors, and where. */
  readonly id?: string;
  readonly idAt?: Position;
  readonly questionCount: number;
  readonly problems: readonly Problem[];
}

export interface LoadOptions {
  readonly maxBytes: number;
}

export function loadBankFile(file: string, options: LoadOptions): LoadedBank {
  const read = readBankText(file, options.maxBytes);
  if (!read.ok) {
    return { file, questionCount: 0, problems: [problem(file, read.at ?? FILE_START, "error", read.rule, read.message)] };
  }
  return loadBankText(file, read.text);
}

export function loadBankText(file: string, text: string): LoadedBank {
  const parsed = parseYaml(text);
  const problems: Problem[] = parsed.issues.map((issue) => problem(file, issue.at, "error", issue.rule, issue.message));
  if (problems.length > 0) {
    const beyond = problemsBeyondYamlErrors(file, parsed);
    return { file, questionCount: 0, problems: capProblems([...explainYamlMistakes(problems, text), ...beyond]).sort(compareProblems) };
  }
  const checked = checkBankData(file, parsed, text.split(/\r?\n/, 1)[0] ?? "");
  return checked.problems.some((entry) => entry.rule === "unknown-key" || entry.rule === "type") ? { ...checked, problems: explainYamlMistakes(checked.problems, text) } : checked;
}

/**
 * After a YAML error, the problems of the questions the error does not touch: the parser goes on past
 * most mistakes, so a tutor who fixes the quote on line 12 does not find the missing answer on line
 * 80 only on the next run. Only questions whose lines hold no YAML error are checked; what the error
 * may have bent (its own question, the bank's fields) is left until the file parses.
 */
function problemsBeyondYamlErrors(file: string, parsed: ParsedYaml): Problem[] {
  const document = parsed.document;
  const list = document?.getIn(["questions"], true);
  if (document === undefined || !isSeq(list)) return [];
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return [];
  }
  if (!isRecord(data)) return [];
  const errorLines = parsed.issues.map((issue) => issue.at.line);
  // After a quote or bracket never closed, nothing the parser read can be trusted.
  const trustedUntil = Math.min(...parsed.issues.filter((issue) => issue.toEnd === true).map((issue) => issue.at.line));
  // A question runs from its first line to the line before the next one (the last, to the end of the
  // file): an error just past what the parser kept of a question, a tab-indented line say, bent it too.
  const starts = list.items.map((item) => (isNode(item) && item.range ? parsed.lineCounter.linePos(item.range[0]).line : undefined));
  const clean = starts.flatMap((first, index) => {
    if (first === undefined) return [];
    const next = starts.slice(index + 1).find((line) => line !== undefined);
    const last = next === undefined ? Number.POSITIVE_INFINITY : next - 1;
    return (Number.isFinite(trustedUntil) && last >= trustedUntil) || errorLines.some((line) => line >= first && line <= last) ? [] : [{ first, last }];
  });
  if (clean.length === 0) return [];
  const checked = checkBankData(file, { ...parsed, value: data, issues: [] }, "");
  return checked.problems.filter((entry) => clean.some((range) => entry.line >= range.first && entry.line <= range.last));
}

function checkBankData(file: string, parsed: ParsedYaml, firstLine: string): LoadedBank {
  const data = parsed.value;
  const locate = makeLocator(parsed.document, parsed.lineCounter);
  if (!isRecord(data)) {
    const found = data === null ? "nothing (null)" : Array.isArray(data) ? "a list" : `a single value (${typeof data})`;
    const message = `a bank is a mapping with id:, title: and questions:; this file holds ${found}`;
    return { file, questionCount: 0, problems: [problem(file, locate.value([]), "error", "bank-root", message)] };
  }

  // One clear problem instead of a bank's worth of "missing id" for a file that is not meant as a bank.
  if (isAnswerFileName(file) || hasAnswerFileMark(firstLine) || hasAnswerFileShape(data)) {
    return { file, questionCount: 0, problems: [problem(file, FILE_START, "error", "answer-file", ANSWER_FILE_MESSAGE)] };
  }

  const problems: Problem[] = checkAgainstSchema(data, locate).map((issue) => problem(file, issue.at, "error", issue.rule, issue.message));
  const bankId = typeof data.id === "string" ? data.id : "";
  const bankTags = Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === "string") : [];
  const rawQuestions = Array.isArray(data.questions) ? data.questions : [];

  const questions: Question[] = [];
  const firstIndexOfId = new Map<string, number>();
  rawQuestions.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const path = ["questions", index];
    if (typeof raw.id === "string") {
      const first = firstIndexOfId.get(raw.id);
      if (first !== undefined) {
        const { line } = locate.value(["questions", first, "id"]);
        problems.push(problem(file, locate.value([...path, "id"]), "error", "duplicate-id", `question id '${raw.id}' is already used at line ${line}; ids must be unique in a bank`));
      } else {
        firstIndexOfId.set(raw.id, index);
      }
    }
    const checked = checkQuestion(raw, { bankId, bankTags, path, locate });
    for (const issue of checked.issues) problems.push(problem(file, issue.at, issue.severity, issue.rule, issue.message));
    if (checked.question) questions.push(checked.question);
  });

  const hasErrors = problems.some((entry) => entry.severity === "error");
  const base = { file, questionCount: rawQuestions.length, problems: capProblems(problems), ...(bankId && { id: bankId, idAt: locate.value(["id"]) }) };
  if (hasErrors) return base;
  return { ...base, bank: buildBank(file, data, bankTags, questions) };
}

function buildBank(file: string, data: Record<string, unknown>, tags: readonly string[], questions: readonly Question[]): Bank {
  const sources = Array.isArray(data.source) ? (data.source as BankSource[]).map((source) => ({ ...source })) : [];
  const marking = isRecord(data.marking)
    ? ({ correct: data.marking.correct, wrong: data.marking.wrong, unanswered: data.marking.unanswered ?? 0 } as Marking)
    : undefined;
  return {
    id: data.id as string,
    title: data.title as string,
    file,
    sources,
    tags,
    questions,
    ...(typeof data.description === "string" && { description: data.description }),
    ...(marking && { marking }),
  };
}

function problem(file: string, at: Position, severity: Severity, rule: string, message: string): Problem {
  return { file, line: at.line, col: at.col, severity, rule, message, ...(at.end && { endLine: at.end.line, endCol: at.end.col }) };
}
