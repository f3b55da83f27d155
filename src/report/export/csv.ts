// CSV with the header prelim import reads (question,a,b,c,d,answer,explanation,source,tags,difficulty),
// more option columns when a question has more than four options, so an export imports back.

import { letterOf } from "../../core/question.js";
import { guardCell } from "../../core/spreadsheet-cell.js";
import type { Bank } from "../../core/question.js";
import { paperLines } from "./paper-text.js";
import { withoutControls, type ExportResult, type Question } from "./export-result.js";

export function csvCell(text: string): string {
  const clean = guardCell(withoutControls(text));
  return /[",\n\r]|^\s|\s$/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function row(question: Question, optionCount: number): string[] {
  const trueFalse = question.kind === "true-false";
  const options = Array.from({ length: optionCount }, (_unused, index) => (trueFalse ? "" : (question.options[index] ?? "")));
  const answer = trueFalse ? String(question.truth) : question.answer.map(letterOf).join(";");
  return [paperLines(question).join("\n"), ...options, answer, question.explanation ?? "", question.source ?? "", question.tags.join(";"), question.difficulty ?? ""];
}

export function renderCsv(banks: readonly Bank[]): ExportResult {
  const questions = banks.flatMap((bank) => bank.questions);
  const optionCount = Math.max(4, ...questions.map((question) => question.options.length));
  const header = ["question", ...Array.from({ length: optionCount }, (_unused, index) => letterOf(index)), "answer", "explanation", "source", "tags", "difficulty"];
  const lines = [header, ...questions.map((question) => row(question, optionCount))].map((cells) => cells.map(csvCell).join(","));
  return { text: `${lines.join("\r\n")}\r\n`, skipped: [] };
}
