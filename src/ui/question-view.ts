// A question as the learner sees it: header, stem, numbered statements or a two-column list of pairs,
// and options labelled a, b, c in the order shown. Pure functions from data to text; every string from a
// bank goes through sanitize here.

import { letterOf } from "../core/question.js";
import type { Question } from "../core/question.js";
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

/** The stem with its statements or pairs, without the options. */
export function questionBody(question: Question, width: number, style: Style): string {
  const lines = wrap(question.question, width).map((line) => style.bold(line));
  if (question.kind === "statements") {
    question.statements.forEach((statement, index) => lines.push(...hangingIndent(`${index + 1}. `, statement.text, width)));
    lines.push(...wrap(question.prompt, width).map((line) => style.bold(line)));
  } else if (question.kind === "pairs") {
    lines.push(...pairsTable(question.pairs, width));
    lines.push(...wrap(question.prompt, width).map((line) => style.bold(line)));
  } else if (question.kind === "true-false") {
    // The stem says it all; options are True / False.
  } else if (question.answer.length > 1 || question.multiple) {
    lines.push(style.dim("Select every right answer."));
  }
  return lines.join("\n");
}

function hangingIndent(label: string, text: string, width: number): string[] {
  const pad = " ".repeat(label.length + 2);
  const wrapped = wrap(text, width, pad);
  const first = wrapped[0] ?? "";
  return [`  ${label}${first.slice(pad.length)}`, ...wrapped.slice(1)];
}

function pairsTable(pairs: readonly { left: string; right: string }[], width: number): string[] {
  const lefts = pairs.map((pair) => sanitize(pair.left).replace(/\s+/g, " "));
  const leftWidth = Math.min(Math.max(...lefts.map((left) => left.length)), Math.floor(width / 2) - 6);
  return pairs.flatMap((pair, index) => {
    const label = `${index + 1}. `;
    const left = wrap(pair.left, leftWidth);
    const right = wrap(pair.right, Math.max(10, width - leftWidth - label.length - 7));
    const rows = Math.max(left.length, right.length);
    const lines: string[] = [];
    for (let row = 0; row < rows; row++) {
      const prefix = row === 0 ? label : " ".repeat(label.length);
      const dash = row === 0 ? "—" : " ";
      lines.push(`  ${prefix}${(left[row] ?? "").padEnd(leftWidth)}  ${dash}  ${right[row] ?? ""}`.trimEnd());
    }
    return lines;
  });
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

export function feedback(presented: PresentedQuestion, correct: boolean, width: number, style: Style): string {
  const { question } = presented;
  const lines = [correct ? style.green("✔ Correct") : `${style.red("✘ Wrong.")} The answer is ${style.bold(rightAnswerText(presented))}`];
  if (question.explanation) lines.push(...wrap(question.explanation, width, "  "));
  if (question.source) lines.push(...wrap(`Source: ${question.source}`, width, "  ").map((line) => style.dim(line)));
  return lines.join("\n");
}
