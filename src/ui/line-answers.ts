// Answers on a terminal that cannot move the cursor (TERM=dumb: Emacs shell, some IDE consoles): the
// question as plain lines, its options numbered, the answer typed and sent with Enter. No cursor
// movement, no colour, nothing redrawn; the terminal echoes what is typed. Ctrl-C arrives as SIGINT
// (the line discipline is left cooked) and aborts the session's signal like anywhere else.

import { makeAnswer, type Answer } from "../core/answer.js";
import { isMultiAnswer, letterOf } from "../core/question.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { lineReader } from "./line-reader.js";
import { questionBody, questionHeader, wrap } from "./question-view.js";

export interface LineOptions {
  readonly style: Style;
  readonly width: number;
  readonly input: NodeJS.ReadableStream;
  readonly write: (text: string) => void;
  readonly signal: AbortSignal;
  readonly now: () => Date;
}

export interface LineAnswers {
  readonly source: {
    /** The answer, or "stop" when the learner typed q (or closed the input). */
    answer(presented: PresentedQuestion, position: number, total: number): Promise<Answer | "stop">;
  };
  close(): void;
}

/** Positions (0-based, as shown) from what was typed: "2", "b", "1 3", "a,c", "t"; undefined when it names none. */
export function parseTyped(text: string, count: number, options: { multiple: boolean; trueFalse?: { t: number; f: number } }): number[] | undefined {
  const tokens = text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || (!options.multiple && tokens.length > 1)) return undefined;
  const positions: number[] = [];
  for (const token of tokens) {
    let position: number | undefined;
    if (/^\d{1,2}$/.test(token)) position = Number(token) - 1;
    else if (/^[a-z]$/.test(token)) position = token.charCodeAt(0) - 97;
    if (options.trueFalse && (token === "t" || token === "true")) position = options.trueFalse.t;
    if (options.trueFalse && (token === "f" || token === "false")) position = options.trueFalse.f;
    if (position === undefined || position < 0 || position >= count) return undefined;
    if (!positions.includes(position)) positions.push(position);
  }
  return positions.sort((a, b) => a - b);
}

/** A question as plain lines: its header and body, then its options numbered 1, 2, 3 with their letters. */
export function questionLines(presented: PresentedQuestion, position: number, total: number, view: { style: Style; width: number; header?: string }): string {
  const { question } = presented;
  const count = presented.order.length;
  const lines = ["", view.header ?? questionHeader(position, total, question, view.style), questionBody(question, view.width, view.style)];
  presented.order.forEach((canonical, index) => {
    const label = `  ${String(index + 1).padStart(String(count).length)}. (${letterOf(index)}) `;
    const text = wrap(question.options[canonical] ?? "", Math.max(10, view.width - label.length), " ".repeat(label.length));
    lines.push(`${label}${(text[0] ?? "").trimStart()}`, ...text.slice(1));
  });
  return `${lines.join("\n")}\n`;
}

export function lineAnswers(options: LineOptions): LineAnswers {
  const { style, width, write, signal } = options;
  const reader = lineReader(options.input, write, signal);
  const readLine = (prompt: string) => reader.read(prompt);

  const answer = async (presented: PresentedQuestion, position: number, total: number): Promise<Answer | "stop"> => {
    const { question } = presented;
    const count = presented.order.length;
    const multiple = isMultiAnswer(question);
    write(questionLines(presented, position, total, { style, width }));
    const trueFalse = question.kind === "true-false" ? { t: presented.order.indexOf(0), f: presented.order.indexOf(1) } : undefined;
    const range = `1–${count}`;
    const ask = trueFalse
      ? `Answer t or f (or ${range}), q to stop: `
      : multiple
        ? `Answers, such as 1 3 (${range} or letters), q to stop: `
        : `Answer ${range} (or a–${letterOf(count - 1)}), q to stop: `;
    const started = options.now().getTime();
    for (;;) {
      const typed = await readLine(ask);
      if (typed === undefined || typed.trim().toLowerCase() === "q") return "stop";
      const positions = parseTyped(typed, count, { multiple, ...(trueFalse && { trueFalse }) });
      if (positions !== undefined) {
        const ms = Math.max(0, options.now().getTime() - started);
        return makeAnswer(question, positions.map((shown) => presented.order[shown] ?? shown), { ms });
      }
      write(`"${typed.trim()}" is not an answer here: type ${multiple ? "one or more of" : "one of"} ${range}${trueFalse ? ", or t or f" : ""}.\n`);
    }
  };
  return { source: { answer }, close: () => reader.close() };
}
