// Aiken for Moodle: single-answer questions only, each on its own lines (the question on one line,
// options "A) …", "ANSWER: X"). A question with several right answers cannot be written and is named.

import type { Bank } from "../../core/question.js";
import { paperLines } from "./paper-text.js";
import { withoutControls, type ExportResult, type Question } from "./export-result.js";

function line(text: string): string {
  return withoutControls(text).replace(/\s*\n\s*/g, " ").replace(/\t/g, " ").trim();
}

function questionText(question: Question): string {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const [answer] = question.answer;
  return [line(paperLines(question).join("\n")), ...question.options.map((option, index) => `${letters[index]}) ${line(option)}`), `ANSWER: ${letters[answer ?? 0]}`].join("\n");
}

export function renderAiken(banks: readonly Bank[]): ExportResult {
  const skipped: { key: string; reason: string }[] = [];
  const written: string[] = [];
  for (const question of banks.flatMap((bank) => bank.questions)) {
    if (question.answer.length !== 1 || (question.kind === "choice" && question.multiple)) skipped.push({ key: question.key, reason: "Aiken has one right answer per question; this one has several" });
    else written.push(questionText(question));
  }
  return { text: written.length === 0 ? "" : `${written.join("\n\n")}\n`, skipped };
}
