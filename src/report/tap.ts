// TAP version 14 (testanything.org/tap-version-14-specification): one test point per question. An
// unanswered question is `ok … # SKIP`, as TAP requires of skips; a wrong one is `not ok` with a YAML
// block. The streaming helpers let practice and review runs print a line as each answer is recorded,
// with the plan at the end, which TAP 14 allows.

import type { Outcome, MockResult, QuestionResult } from "../core/scoring.js";
import type { Question } from "../core/question.js";
import type { Answer } from "../core/answer.js";
import { letters, marksText, oneLine, questionLabel, safeText, signedMarks } from "./text.js";

/** What a test point needs: an answer with its outcome (a mock's QuestionResult is one), and its marks in a mock. */
export interface TapEntry extends Answer {
  readonly outcome: Outcome;
  readonly marks?: number;
}

export function tapHeader(): string {
  return "TAP version 14\n";
}

export function tapPlan(count: number): string {
  return `1..${count}\n`;
}

/** `#` comment lines; every line of the text gets its own `# `. */
export function tapComment(text: string): string {
  return safeText(text)
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n")
    .concat("\n");
}

/** A description is one line in which `\` and `#` are escaped, so nothing in it reads as a directive. */
function description(question: Question): string {
  return questionLabel(question).replace(/[\\#]/g, (char) => `\\${char}`);
}

// JSON strings are YAML double-quoted scalars; safe one-line text keeps them free of line breaks.
const yamlValue = (value: unknown): string => JSON.stringify(value);

function diagnostics(entry: TapEntry): string[] {
  const fields: [string, unknown][] = [
    ["question", oneLine(entry.question.question)],
    ["kind", entry.question.kind],
    ["given", letters(entry.chosen)],
    ["answer", letters(entry.question.answer)],
  ];
  if (entry.marks !== undefined) fields.push(["marks", entry.marks]);
  return ["  ---", ...fields.map(([key, value]) => `  ${key}: ${yamlValue(value)}`), "  ..."];
}

/** One test point, with its YAML block when the answer was wrong. `n` counts from 1. */
export function tapLine(n: number, entry: TapEntry): string {
  const label = description(entry.question);
  if (entry.outcome === "correct") return `ok ${n} - ${label}\n`;
  if (entry.outcome === "unanswered") return `ok ${n} - ${label} # SKIP unanswered\n`;
  return [`not ok ${n} - ${label}`, ...diagnostics(entry), ""].join("\n");
}

function summary(result: MockResult): string[] {
  const lines = [
    `score ${marksText(result.score)} / ${marksText(result.maxScore)} (${result.percent}%)`,
    `correct ${result.correct}, wrong ${result.wrong}, unanswered ${result.unanswered}`,
  ];
  if (result.passed !== undefined) lines.push(`${result.passed ? "passed" : "failed"}: pass mark ${marksText(result.passScore ?? 0)}`);
  if (result.change !== undefined) lines.push(`change since last attempt ${signedMarks(result.change)}`);
  if (result.seed !== undefined) lines.push(`seed ${result.seed}`);
  return [...lines, ...result.warnings.map((warning) => `warning: ${oneLine(warning)}`)];
}

export function renderTap(result: MockResult): string {
  const points = result.questions.map((item: QuestionResult, index) => tapLine(index + 1, item));
  return [tapHeader(), tapPlan(result.questions.length), ...points, ...summary(result).map(tapComment)].join("");
}
