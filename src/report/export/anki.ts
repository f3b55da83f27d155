// Anki's "Notes in Plain Text" import file, with the file headers Anki 2.1.55+ reads: tab-separated,
// HTML fields, the Basic note type, the guid in column 1 (the stable `bank/id`, so importing the file
// again updates the same notes rather than adding copies) and the tags in column 4.

import { letterOf } from "../../core/question.js";
import type { Bank } from "../../core/question.js";
import { paperLines } from "./paper-text.js";
import { withoutControls, type ExportResult, type Question } from "./export-result.js";

export const ANKI_HEADERS = ["#separator:tab", "#html:true", "#notetype:Basic", "#columns:GUID\tFront\tBack\tTags", "#guid column:1", "#tags column:4"];

/** Text as one HTML field: escaped, line breaks as <br>, and no tab to end the field early. */
export function ankiField(text: string): string {
  return withoutControls(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, " ")
    .replace(/\n/g, "<br>");
}

function front(question: Question): string {
  const stem = paperLines(question).map(ankiField).join("<br>");
  const options = question.options.map((option, index) => `(${letterOf(index)}) ${ankiField(option)}`).join("<br>");
  return `${stem}<br><br>${options}`;
}

function back(question: Question): string {
  const answers = question.answer.map((index) => `(${letterOf(index)}) ${ankiField(question.options[index] ?? "")}`).join("<br>");
  const parts = [`<b>Answer:</b> ${answers}`];
  if (question.explanation !== undefined) parts.push(ankiField(question.explanation));
  if (question.source !== undefined) parts.push(`<i>Source: ${ankiField(question.source)}</i>`);
  return parts.join("<br><br>");
}

/** Anki tags cannot hold spaces; bank tags are slugs already, and the bank id is one more tag. */
function tags(question: Question): string {
  return [...new Set([question.bank, ...question.tags])].map((tag) => withoutControls(tag).replace(/\s+/g, "_")).join(" ");
}

export function renderAnki(banks: readonly Bank[]): ExportResult {
  const rows = banks.flatMap((bank) => bank.questions.map((question) => [ankiField(question.key), front(question), back(question), tags(question)].join("\t")));
  return { text: [...ANKI_HEADERS, ...rows, ""].join("\n"), skipped: [] };
}
