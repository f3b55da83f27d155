// Text helpers shared by the reporters. Everything from a bank or an answer file goes through safeText on
// its way into a report (RELIABILITY.md rows 11–12).

import type { Question } from "../core/question.js";
import { sanitize } from "../core/sanitize.js";
import { safeLetterOf } from "../core/answer.js";

// sanitize shows controls and bidi marks; lone surrogates and U+FFFE/U+FFFF pass it, yet they are illegal
// in XML 1.0 and cannot be encoded as UTF-8, so they are shown the same way here.
const NOT_TEXT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

export function safeText(text: string): string {
  return sanitize(text).replace(NOT_TEXT, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Safe text on one line: runs of whitespace, line breaks included, become one space. */
export function oneLine(text: string): string {
  return safeText(text.replace(/\s+/g, " ").trim());
}

/** At most `max` characters (code points, so a pair is never split), with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** `bank/id` and the start of the question, for test names and descriptions. */
export function questionLabel(question: Question, max = 60): string {
  return `${oneLine(question.key)} ${truncate(oneLine(question.question), max)}`;
}

export function letters(indexes: readonly number[] | undefined): string[] {
  return (indexes ?? []).map(safeLetterOf);
}

/** "b", "a, c", or "nothing" for an unanswered question. */
export function lettersText(indexes: readonly number[] | undefined): string {
  const list = letters(indexes);
  return list.length === 0 ? "nothing" : list.join(", ");
}

/** "(b) Option text", or a note when the letter is past the options. */
export function optionText(question: Question, index: number): string {
  const option = question.options[index];
  return `(${safeLetterOf(index)}) ${option === undefined ? "not an option" : oneLine(option)}`;
}

/** Marks are already rounded to hundredths, so the shortest form is exact: "-1.32", "120". */
export function marksText(marks: number): string {
  return String(marks);
}

/**
 * Lines longer than `width` wrapped at spaces, each continuation indented two more than its line, so a
 * report reads the same at 40 columns as at 100. Colour codes count nothing toward the width.
 */
export function fitLines(lines: readonly string[], width: number): string[] {
  const visible = (text: string) => Array.from(text.replace(/\u001b\[[0-9;]*m/g, "")).length;
  return lines.flatMap((line) => {
    if (visible(line) <= width) return [line];
    const lead = /^ */.exec(line)?.[0] ?? "";
    const indent = `${lead}  `;
    const out: string[] = [];
    // The line's own indent is kept: split only what follows it into words.
    let current = lead;
    for (const word of line.slice(lead.length).split(" ")) {
      const next = current.trim() === "" ? `${current}${word}` : `${current} ${word}`;
      if (current.trim() !== "" && visible(next) > width) {
        out.push(current);
        current = `${indent}${word}`;
      } else current = next;
    }
    out.push(current);
    return out;
  });
}

export function signedMarks(marks: number): string {
  return marks > 0 ? `+${marks}` : String(marks);
}
