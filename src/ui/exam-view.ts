// The mock-test screen as text, laid out like the UPSC computer-based test: a header with the clock and
// the counts, the question with its options, the question palette, and the keys. A pure function of
// the exam state; every string from a bank goes through question-view's sanitizing helpers, and the
// screen never grows past the terminal's height (long text is cut with a note).

import type { ExamState, PaletteCell, QuestionState } from "../core/exam.js";
import { clockText, examCounts, paletteRows } from "../core/exam.js";
import { isMultiAnswer, letterOf } from "../core/question.js";
import { sanitizeLine } from "../core/sanitize.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { questionBody, wrap } from "./question-view.js";

export type ExamMode = "question" | "palette" | "confirm";

export interface ExamScreen {
  readonly questions: readonly PresentedQuestion[];
  readonly state: ExamState;
  readonly remainingMs: number;
  readonly mode: ExamMode;
  /** A question number being typed, to jump to with Enter. */
  readonly typed: string;
  /** The palette's highlighted question (0-based), in palette mode. */
  readonly cursor: number;
  readonly notice?: string | undefined;
  readonly title: string;
  readonly style: Style;
  readonly width: number;
  readonly height: number;
}

/** Palette symbols: the shape tells the state without colour (NO_COLOR, a dumb terminal). */
export const STATE_SYMBOL: Record<QuestionState, string> = {
  "not-visited": "·",
  "not-answered": "○",
  answered: "●",
  marked: "◇",
  "answered-marked": "◆",
};

const STATE_NAME: Record<QuestionState, string> = {
  "not-visited": "not visited",
  "not-answered": "not answered",
  answered: "answered",
  marked: "marked",
  "answered-marked": "answered & marked",
};

function paint(state: QuestionState, text: string, style: Style): string {
  switch (state) {
    case "not-visited":
      return style.dim(text);
    case "not-answered":
      return style.red(text);
    case "answered":
      return style.green(text);
    case "marked":
    case "answered-marked":
      return style.yellow(text);
  }
}

/** Lowercase command keys stop working when a question has that many options (m is option 13). */
export function commandKey(key: string, optionCount: number): string {
  return key.charCodeAt(0) - 97 < optionCount ? key.toUpperCase() : key;
}

function spread(left: string, right: string, leftLength: number, rightLength: number, width: number): string {
  return `${left}${" ".repeat(Math.max(1, width - leftLength - rightLength))}${right}`;
}

function clock(screen: ExamScreen): string {
  const { remainingMs, style } = screen;
  if (remainingMs <= 0) return style.red(style.bold("Time is up"));
  const text = `Time left ${clockText(remainingMs)}`;
  if (remainingMs <= 60_000) return style.red(style.bold(text));
  if (remainingMs <= 5 * 60_000) return style.yellow(text);
  return style.bold(text);
}

function clockLength(remainingMs: number): number {
  return remainingMs <= 0 ? "Time is up".length : `Time left ${clockText(remainingMs)}`.length;
}

function header(screen: ExamScreen): string[] {
  const { state, style, width } = screen;
  const counts = examCounts(state);
  const position = `Question ${state.current + 1} of ${counts.total}`;
  const title = truncateText(sanitizeLine(screen.title), Math.max(10, width - position.length - clockLength(screen.remainingMs) - 6));
  const left = `${title} · ${position}`;
  const tally = `Answered ${counts.answered} · Marked for review ${counts.markedTotal} · Not answered ${counts.notAnswered + counts.marked} · Not visited ${counts.notVisited}`;
  return [
    spread(`${style.bold(title)} · ${style.bold(position)}`, clock(screen), left.length, clockLength(screen.remainingMs), width),
    style.dim(truncateText(tally, width)),
    style.dim("─".repeat(width)),
  ];
}

function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

function optionLines(presented: PresentedQuestion, chosen: readonly number[], width: number, style: Style): string[] {
  const multiple = isMultiAnswer(presented.question);
  return presented.order.flatMap((canonical, position) => {
    const picked = chosen.includes(canonical);
    const mark = multiple ? (picked ? "■" : "□") : picked ? "●" : "○";
    const label = `${mark} (${letterOf(position)}) `;
    const text = wrap(presented.question.options[canonical] ?? "", Math.max(10, width - label.length - 2));
    return text.map((line, index) => {
      const prefix = index === 0 ? label : " ".repeat(label.length);
      const full = `  ${prefix}${line}`;
      return picked ? style.cyan(style.bold(full)) : full;
    });
  });
}

function cellText(cell: PaletteCell, digits: number, style: Style, highlighted: boolean): string {
  const label = `${String(cell.number).padStart(digits)}${STATE_SYMBOL[cell.state]}`;
  const painted = paint(cell.state, label, style);
  if (cell.current || highlighted) return `[${highlighted && !cell.current ? style.cyan(label) : style.bold(painted)}]`;
  return ` ${painted} `;
}

/** Questions in a palette row: ten, as on the paper's palette, fewer on a narrow screen. */
export function paletteColumns(total: number, width: number): number {
  const digits = String(total).length;
  return Math.max(1, Math.min(10, Math.floor((width - 12) / (digits + 3))));
}

function paletteLines(screen: ExamScreen, rowsShown: "all" | "current"): string[] {
  const { state, style } = screen;
  const digits = String(state.questions.length).length;
  const rows = paletteRows(state, paletteColumns(state.questions.length, screen.width));
  const focus = screen.mode === "palette" ? screen.cursor : state.current;
  const visible = rowsShown === "all" || rows.length <= 3 ? rows : rows.filter((row) => row.some((cell) => cell.number - 1 === focus));
  return visible.map((row) => {
    const first = row[0]?.number ?? 1;
    const last = row[row.length - 1]?.number ?? first;
    const range = `${first}–${last}`.padStart(digits * 2 + 1);
    return `${style.dim(range)}  ${row.map((cell) => cellText(cell, digits, style, screen.mode === "palette" && cell.number - 1 === screen.cursor)).join("")}`.trimEnd();
  });
}

function legend(screen: ExamScreen): string[] {
  const { style } = screen;
  const counts = examCounts(screen.state);
  const amount: Record<QuestionState, number> = {
    answered: counts.answered - counts.answeredMarked,
    "not-answered": counts.notAnswered,
    marked: counts.marked,
    "answered-marked": counts.answeredMarked,
    "not-visited": counts.notVisited,
  };
  const order: QuestionState[] = ["answered", "not-answered", "marked", "answered-marked", "not-visited"];
  const parts = order.map((state) => ({ plain: `${STATE_SYMBOL[state]} ${STATE_NAME[state]} ${amount[state]}`, state }));
  return packed(parts, "  ", screen.width).map((line) => line.map((part) => paint(part.state, part.plain, style)).join("  "));
}

/** Items joined by `separator` into as few lines of at most `width` as they fit, in order. */
function packed<T extends { plain: string }>(items: readonly T[], separator: string, width: number): T[][] {
  const lines: T[][] = [];
  let line: T[] = [];
  let length = 0;
  for (const item of items) {
    const added = line.length === 0 ? item.plain.length : length + separator.length + item.plain.length;
    if (line.length > 0 && added > width) {
      lines.push(line);
      line = [item];
      length = item.plain.length;
    } else {
      line.push(item);
      length = added;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function helpLines(screen: ExamScreen): string[] {
  const { style, width } = screen;
  const lines = (items: readonly string[]) =>
    packed(
      items.map((plain) => ({ plain: truncateText(plain, width) })),
      " · ",
      width,
    ).map((line) => style.dim(line.map((item) => item.plain).join(" · ")));
  if (screen.mode === "confirm") return lines(["y submit the test", "n or Esc go back to the questions"]);
  if (screen.mode === "palette") {
    return lines(["←→↑↓ move", "Enter open the highlighted question", "or type its number and Enter", "g or Esc back", "S submit"]);
  }
  const presented = screen.questions[screen.state.current];
  const count = presented?.order.length ?? 0;
  const last = count > 0 ? letterOf(count - 1) : "a";
  const key = (name: string) => commandKey(name, count);
  const choose = presented && isMultiAnswer(presented.question) ? `a–${last} tick or untick` : `a–${last} answer (again to clear)`;
  return lines([
    choose,
    `${key("x")} clear`,
    `${key("m")} mark for review`,
    `←→ or ${key("p")} ${key("n")} move`,
    "Enter next",
    `${key("g")} palette`,
    "a number and Enter to go there",
    "S submit",
    "Ctrl-C stop without submitting",
  ]);
}

function statusLine(screen: ExamScreen): string[] {
  const { style } = screen;
  if (screen.typed !== "") return [style.cyan(`Go to question ${screen.typed}_  (Enter to go, Esc to cancel)`)];
  if (screen.notice) return [style.yellow(truncateText(screen.notice, screen.width))];
  return [];
}

function confirmLines(screen: ExamScreen): string[] {
  const { style } = screen;
  const counts = examCounts(screen.state);
  const row = (label: string, value: number, symbol: string) => `  ${symbol} ${label.padEnd(34)}${String(value).padStart(5)}`;
  const lines = [
    style.bold("Submit the test?"),
    "",
    row("Answered (counted)", counts.answered, STATE_SYMBOL.answered),
    row("  of which marked for review", counts.answeredMarked, STATE_SYMBOL["answered-marked"]),
    row("Marked for review, not answered", counts.marked, STATE_SYMBOL.marked),
    row("Not answered", counts.notAnswered, STATE_SYMBOL["not-answered"]),
    row("Not visited", counts.notVisited, STATE_SYMBOL["not-visited"]),
    "",
  ];
  if (counts.unanswered > 0) lines.push(style.yellow(`${counts.unanswered} of ${counts.total} unanswered: they score nothing.`));
  if (counts.markedTotal > 0) lines.push(style.yellow(`${counts.markedTotal} marked for review: an answered one counts as it stands.`));
  lines.push("After you submit, answers cannot be changed.");
  return lines;
}

/** Keeps `lines` to `budget` lines, saying how many were left out. */
function cut(lines: readonly string[], budget: number, style: Style): string[] {
  if (lines.length <= budget) return [...lines];
  const keep = Math.max(0, budget - 1);
  return [...lines.slice(0, keep), style.dim(`… ${lines.length - keep} more lines: make the window taller to see them`)];
}

export function renderExam(screen: ExamScreen): string {
  const { state, style, width } = screen;
  const top = header(screen);
  const status = statusLine(screen);
  const help = helpLines(screen);
  if (screen.mode === "palette") {
    const middle = [style.bold("Question palette"), "", ...paletteLines(screen, "all"), "", ...legend(screen)];
    const room = Math.max(3, screen.height - 1 - top.length - status.length - help.length);
    return [...top, ...cut(middle, room, style), ...status, ...help].join("\n");
  }
  const bottom = [style.dim("─".repeat(width)), ...paletteLines(screen, "current"), ...legend(screen), ...status, ...help];
  if (screen.mode === "confirm") {
    const room = Math.max(3, screen.height - 1 - top.length - help.length);
    return [...top, ...cut(confirmLines(screen), room, style), ...help].join("\n");
  }
  const presented = screen.questions[state.current];
  if (presented === undefined) return [...top, ...bottom].join("\n");
  const body = questionBody(presented.question, width, style).split("\n");
  const options = optionLines(presented, state.answers[state.current] ?? [], width, style);
  const marked = state.marked[state.current] ? [style.yellow(`${STATE_SYMBOL.marked} Marked for review`)] : [];
  // The middle gets what the header and footer leave; the stem gives way first, then the options.
  const room = Math.max(6, screen.height - 1 - top.length - bottom.length - marked.length - 1);
  const optionRoom = Math.min(options.length, Math.max(3, room - Math.min(body.length, 3) - 1));
  const bodyRoom = Math.max(1, room - optionRoom - 1);
  return [...top, ...cut(body, bodyRoom, style), "", ...cut(options, optionRoom, style), ...marked, ...bottom].join("\n");
}
