// A question as the learner sees it: header, stem, numbered statements (1. or I.), pairs and List-I /
// List-II as two columns under their headings, Statement-I/II, and options labelled a, b, c in the
// order shown. Pure functions from data to text; every string from a
// bank goes through sanitize here.

import { reasonName } from "../core/assertion-options.js";
import { numeral } from "../core/generated-options.js";
import { listOneLabel } from "../core/match-codes.js";
import { letterOf } from "../core/question.js";
import type { Headings, MatchQuestion, Numbering, Pair, Question } from "../core/question.js";
import type { PresentedQuestion } from "../core/session.js";
import { sanitize } from "../core/sanitize.js";
import type { Style } from "../core/style.js";

/** Text from a bank is wrapped to the terminal and bounded, so a 50 KB question cannot flood the screen. */
const MAX_LINES_PER_TEXT = 30;

export function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  for (const paragraph of sanitize(text).split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && (indent + line + " " + word).length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
      // One unbroken "word" longer than the line is cut rather than overflowing.
      while ((indent + line).length > width && line.length > 1) {
        const room = Math.max(1, width - indent.length);
        lines.push(indent + line.slice(0, room));
        line = line.slice(room);
      }
    }
    lines.push(indent + line);
  }
  if (lines.length > MAX_LINES_PER_TEXT) return [...lines.slice(0, MAX_LINES_PER_TEXT - 1), `${indent}… (${lines.length - MAX_LINES_PER_TEXT + 1} more lines)`];
  return lines;
}

export function questionHeader(position: number, total: number, question: Question, style: Style): string {
  const parts = [`Question ${position} of ${total}`];
  const topic = question.tags[question.tags.length - 1];
  if (topic) parts.push(sanitize(topic));
  if (question.difficulty) parts.push(question.difficulty);
  return style.dim(parts.join(" · "));
}

/** The stem with its statements, pairs or lists, without the options. */
export function questionBody(question: Question, width: number, style: Style): string {
  const lines = wrap(question.question, width).map((line) => style.bold(line));
  const prompt = (text: string) => lines.push(...wrap(text, width).map((line) => style.bold(line)));
  switch (question.kind) {
    case "statements": {
      const labels = itemLabels(question.statements.length, question.numbering);
      question.statements.forEach((statement, index) => lines.push(...hangingIndent(labels[index] ?? "", statement.text, width)));
      prompt(question.prompt);
      break;
    }
    case "pairs":
      lines.push(...pairsTable(question.pairs, itemLabels(question.pairs.length, question.numbering), question.headings, width, style));
      prompt(question.prompt);
      break;
    case "assertion":
      // As the paper prints them: each label on its own line, its statement under it.
      for (const [label, text] of [["Statement-I", question.claim.text], ...question.reasons.map((reason, index) => [reasonName(index), reason.text])] as const) {
        lines.push(`  ${label}:`, ...wrap(text, width, "    "));
      }
      prompt(question.prompt);
      break;
    case "match":
      lines.push(...matchTable(question, width, style));
      prompt(question.prompt);
      break;
    case "true-false":
      // The stem says it all; options are True / False.
      break;
    case "choice":
      if (question.answer.length > 1 || question.multiple) lines.push(style.dim("Select every right answer."));
  }
  return lines.join("\n");
}

/** "1. ", "2. " or "I.   ", "II.  ", "III. ": padded to one width so the items' text lines up. */
function itemLabels(count: number, numbering: Numbering): string[] {
  const labels = Array.from({ length: count }, (_, index) => `${numeral(index + 1, numbering)}. `);
  const longest = Math.max(...labels.map((label) => label.length));
  return labels.map((label) => label.padEnd(longest));
}

function hangingIndent(label: string, text: string, width: number): string[] {
  const pad = " ".repeat(label.length + 2);
  const wrapped = wrap(text, width, pad);
  const first = wrapped[0] ?? "";
  return [`  ${label}${first.slice(pad.length)}`, ...wrapped.slice(1)];
}

/** Text of one line from a bank, as one line: the width of a column is measured on this. */
function oneLine(text: string): string {
  return sanitize(text).replace(/\s+/g, " ").trim();
}

/** A cell's text wrapped to its column, the label on the first line and hanging under it after. */
function labelledCell(label: string, text: string, width: number): string[] {
  const wrapped = wrap(text, Math.max(1, width - label.length));
  return wrapped.map((line, index) => (index === 0 ? label : " ".repeat(label.length)) + line);
}

/**
 * Two columns side by side, each cell already wrapped: `joiner` sits between them on a row's first
 * line (the pairs' dash), spaces of its width on the lines after, so a wrapped line never reads as a
 * row of its own.
 */
function sideBySide(left: readonly string[], right: readonly string[], leftWidth: number, joiner: string, indent: string): string[] {
  const lines: string[] = [];
  for (let row = 0; row < Math.max(left.length, right.length); row++) {
    const between = row === 0 ? joiner : " ".repeat(joiner.length);
    lines.push(`${indent}${(left[row] ?? "").padEnd(leftWidth)}${between}${right[row] ?? ""}`.trimEnd());
  }
  return lines;
}

const DASH = "  —  ";

function pairsTable(pairs: readonly Pair[], labels: readonly string[], headings: Headings | undefined, width: number, style: Style): string[] {
  const labelWidth = labels[0]?.length ?? 3;
  const widest = Math.max(...pairs.map((pair) => oneLine(pair.left).length), headings ? oneLine(headings[0]).length : 0);
  const leftWidth = Math.max(4, Math.min(widest, Math.floor(width / 2) - 6));
  const rightWidth = Math.max(4, width - 2 - labelWidth - leftWidth - DASH.length);
  const lines: string[] = [];
  if (headings) {
    const head = sideBySide(wrap(headings[0], leftWidth), wrap(headings[1], rightWidth), leftWidth, " ".repeat(DASH.length), " ".repeat(2 + labelWidth));
    lines.push(...head.map((line) => style.bold(line)));
  }
  pairs.forEach((pair, index) => {
    const rows = sideBySide(wrap(pair.left, leftWidth), wrap(pair.right, rightWidth), leftWidth, DASH, "");
    rows.forEach((row, line) => lines.push(`  ${line === 0 ? (labels[index] ?? "") : " ".repeat(labelWidth)}${row}`.trimEnd()));
  });
  return lines;
}

const COLUMN_GAP = "   ";

/** List-I (A, B, C…) beside List-II (1, 2, 3…), under "List-I (heading)" and "List-II (heading)". */
function matchTable(question: MatchQuestion, width: number, style: Style): string[] {
  const [leftHeading, rightHeading] = question.headings ? [`List-I (${question.headings[0]})`, `List-II (${question.headings[1]})`] : ["List-I", "List-II"];
  const lefts = question.list1.map((text, index) => ({ label: `${listOneLabel(index)}. `, text }));
  const rights = question.list2.map((text, index) => ({ label: `${(index + 1).toString()}. `.padEnd(question.list2.length > 9 ? 4 : 3), text }));
  const widest = Math.max(oneLine(leftHeading).length, ...lefts.map((cell) => cell.label.length + oneLine(cell.text).length));
  const room = width - 2 - COLUMN_GAP.length;
  const leftWidth = Math.max(6, Math.min(widest, Math.floor(room / 2)));
  const rightWidth = Math.max(6, room - leftWidth);
  const lines = sideBySide(wrap(leftHeading, leftWidth), wrap(rightHeading, rightWidth), leftWidth, COLUMN_GAP, "  ").map((line) => style.bold(line));
  for (let row = 0; row < Math.max(lefts.length, rights.length); row++) {
    const left = lefts[row];
    const right = rights[row];
    lines.push(...sideBySide(left ? labelledCell(left.label, left.text, leftWidth) : [], right ? labelledCell(right.label, right.text, rightWidth) : [], leftWidth, COLUMN_GAP, "  "));
  }
  return lines;
}

/** The options in display order, labelled by their position on screen. */
export function optionLabels(presented: PresentedQuestion): string[] {
  return presented.order.map((canonical, position) => `${letterOf(position)}) ${sanitize(presented.question.options[canonical] ?? "").replace(/\s+/g, " ")}`);
}

/** "(c) Both 1 and 2": the right answer, named by the label the learner saw. */
export function rightAnswerText(presented: PresentedQuestion): string {
  return presented.question.answer
    .map((canonical) => {
      const position = presented.order.indexOf(canonical);
      return `(${letterOf(position)}) ${sanitize(presented.question.options[canonical] ?? "")}`;
    })
    .join(", ");
}

/** `next`: when the question comes back ("in 4 days, Sat 5 Dec"), from the scheduler call that recorded it. */
export function feedback(presented: PresentedQuestion, correct: boolean, width: number, style: Style, next?: string): string {
  const { question } = presented;
  // Both verdicts read the same way: the mark, one word, and the right answer as the learner saw it.
  const lines = wrap(`${correct ? "✔ Correct." : "✘ Wrong."} The answer is ${rightAnswerText(presented)}`, width).map((line, index) =>
    index === 0 ? line.replace(/^(✔ Correct\.|✘ Wrong\.)/, (verdict) => (correct ? style.green(verdict) : style.red(verdict))) : line,
  );
  if (question.explanation) lines.push(...wrap(question.explanation, width, "  "));
  if (question.source) lines.push(...wrap(`Source: ${question.source}`, width, "  ").map((line) => style.dim(line)));
  if (next !== undefined) lines.push(style.dim(`  Next: ${next}`));
  return lines.join("\n");
}
