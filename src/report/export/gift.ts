// GIFT for Moodle: choice questions (several right answers as weights that add up to 100), true-false,
// and the paper's styles written out as the paper prints them, as the single-answer choice they are.

import type { Bank } from "../../core/question.js";
import { paperLines } from "./paper-text.js";
import { withoutControls, type ExportResult, type Question } from "./export-result.js";

/** GIFT's special characters escaped, and line breaks as \n, so a text is never syntax. */
export function giftText(text: string): string {
  return withoutControls(text).replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\n/g, "\\n");
}

function weight(value: number): string {
  return String(Math.round(value * 100000) / 100000);
}

function answers(question: Question): string {
  if (question.kind === "true-false") return question.truth ? "TRUE" : "FALSE";
  const right = new Set(question.answer);
  const several = question.kind === "choice" && question.multiple;
  return question.options
    .map((option, index) => {
      if (!several) return `${right.has(index) ? "=" : "~"}${giftText(option)}`;
      return `~%${right.has(index) ? weight(100 / right.size) : "-100"}%${giftText(option)}`;
    })
    .join("\n  ");
}

function questionText(question: Question): string {
  const general = question.explanation === undefined ? "" : `\n  ####${giftText(question.explanation)}`;
  return [`// ${giftText(question.key)}`, `::${giftText(question.id)}::${giftText(paperLines(question).join("\n"))} {`, `  ${answers(question)}${general}`, "}"].join("\n");
}

export function renderGift(banks: readonly Bank[]): ExportResult {
  const parts = banks.flatMap((bank) => [`$CATEGORY: $course$/${giftText(bank.id)}`, ...bank.questions.map(questionText)]);
  return { text: `${parts.join("\n\n")}\n`, skipped: [] };
}
