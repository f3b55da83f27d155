// An imported file as the text of a bank: pure, the store writes it. Every string is a YAML
// double-quoted scalar written by JSON.stringify (JSON strings are YAML), with controls and line
// separators escaped, so no text from the imported file can become YAML syntax, a tag or an alias.
// What could not be carried over is a comment above the question it belongs to.

import type { DraftQuestion, ImportResult } from "../bank/import/draft.js";
import { stableIds } from "../bank/import/draft.js";
import { letterOf } from "../core/question.js";
import { sanitizeLine, terminalSafeJson } from "../core/sanitize.js";

export interface BankYamlHeader {
  readonly id: string;
  readonly title: string;
  /** The `$schema` path for the editor line, relative to the bank file. */
  readonly schema: string;
  /** Where the questions came from, for the first comment. */
  readonly from: string;
}

function quoted(text: string): string {
  return terminalSafeJson(text);
}

function comment(text: string, indent: string): string {
  return `${indent}# ${sanitizeLine(text).replace(/\^[JI]/g, " ")}`;
}

function answerText(question: DraftQuestion): string {
  if (question.kind === "true-false") return String(question.answer);
  const letters = question.answer.map(letterOf);
  return question.multiple ? `[${letters.join(", ")}]` : (letters[0] ?? "a");
}

function questionLines(question: DraftQuestion, id: string): string[] {
  const lines = [
    ...question.notes.map((note) => comment(`${question.line === undefined ? "" : `line ${question.line}: `}${note}`, "  ")),
    `  - id: ${id}`,
    `    question: ${quoted(question.question)}`,
  ];
  if (question.kind === "choice") lines.push("    options:", ...question.options.map((option) => `      - ${quoted(option)}`));
  lines.push(`    answer: ${answerText(question)}`);
  if (question.explanation !== undefined) lines.push(`    explanation: ${quoted(question.explanation)}`);
  if (question.source !== undefined) lines.push(`    source: ${quoted(question.source)}`);
  if (question.tags !== undefined && question.tags.length > 0) lines.push(`    tags: [${question.tags.join(", ")}]`);
  if (question.difficulty !== undefined) lines.push(`    difficulty: ${question.difficulty}`);
  return lines;
}

export function renderBankYaml(result: ImportResult, header: BankYamlHeader): string {
  const ids = stableIds(result.questions.map((question) => question.question));
  const lines = [
    `# yaml-language-server: $schema=${header.schema}`,
    comment(`Imported by prelim from ${header.from}.`, ""),
    ...result.notes.map((note) => comment(note, "")),
    ...result.skipped.map((skip) => comment(`Left out${skip.line === undefined ? "" : ` (line ${skip.line})`}: ${skip.reason}`, "")),
    `id: ${header.id}`,
    `title: ${quoted(header.title)}`,
    result.questions.length === 0 ? "questions: []" : "questions:",
    ...result.questions.flatMap((question, index) => questionLines(question, ids[index] ?? `q${index + 1}`)),
    "",
  ];
  return lines.join("\n");
}
