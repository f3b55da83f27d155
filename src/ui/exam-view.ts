// The mock-test screen as text, laid out like the UPSC computer-based test: a header with the clock, the
// question with its options, the question palette with its counts, and the keys. A pure function of the
// exam state and the terminal's size; every string from a bank goes through question-view's sanitizing
// helpers. The screen never grows past the terminal: on a small one the palette, the counts and the
// keys shrink to a line each first, then the question scrolls (with a marker saying how much is left).

import type { ExamCounts, ExamState, PaletteCell, QuestionState } from "../core/exam.js";
import { clockText, examCounts, paletteRows } from "../core/exam.js";
import { isMultiAnswer, letterOf } from "../core/question.js";
import { sanitizeLine } from "../core/sanitize.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { questionBody, wrap } from "./question-view.js";
import { scrollWindow, type ScrollKeys } from "./scroll-view.js";

export type ExamMode = "question" | "palette" | "confirm" | "help";

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
  /** The first line of the question shown, when it is taller than its room. */
  readonly scroll?: number;
}

/** What the prompt needs back from a drawing: the text, and how far the question can scroll. */
export interface ExamDrawing {
  readonly text: string;
  readonly scroll: number;
  readonly maxScroll: number;
  readonly page: number;
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


/** The palette's five states in the paper's order: the one way the exam counts questions, on every screen. */
export const STATE_ORDER: readonly QuestionState[] = ["answered", "not-answered", "marked", "answered-marked", "not-visited"];

export function stateCount(counts: ExamCounts, state: QuestionState): number {
  switch (state) {
    case "answered":
      return counts.answered - counts.answeredMarked;
    case "not-answered":
      return counts.notAnswered;
    case "marked":
      return counts.marked;
    case "answered-marked":
      return counts.answeredMarked;
    case "not-visited":
      return counts.notVisited;
  }
}

/** "● answered 1  ○ not answered 0  …": the palette's counts as one plain line, for text after the screen. */
export function tallyText(counts: ExamCounts): string {
  return STATE_ORDER.map((state) => `${STATE_SYMBOL[state]} ${STATE_NAME[state]} ${stateCount(counts, state)}`).join(" · ");
}

function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

function clockParts(remainingMs: number): readonly string[] {
  if (remainingMs <= 0) return ["Time is up", "0:00"];
  const time = clockText(remainingMs);
  return [`Time left ${time}`, time];
}

function paintClock(text: string, remainingMs: number, style: Style): string {
  if (remainingMs <= 60_000) return style.red(style.bold(text));
  if (remainingMs <= 5 * 60_000) return style.yellow(text);
  return style.bold(text);
}

/**
 * One line: where the candidate is on the left, the clock on the right. The clock is one piece, never
 * split: the left side gives way first (title, then the words), then the clock's "Time left".
 */
function headerLine(screen: ExamScreen): string {
  const { state, style, width } = screen;
  const number = state.current + 1;
  const total = state.questions.length;
  const title = sanitizeLine(screen.title);
  const position = `Question ${number} of ${total}`;
  const lefts = [`${title} · ${position}`, position, `Q ${number}/${total}`, `${number}/${total}`];
  for (const clock of clockParts(screen.remainingMs)) {
    for (const left of lefts) {
      if (left.length + 1 + clock.length <= width) return spread(left, clock, width, screen);
    }
    // A title that is only too long by a little is shortened rather than dropped.
    const room = width - 1 - clock.length - position.length - 3;
    if (room >= 10) return spread(`${truncateText(title, room)} · ${position}`, clock, width, screen);
  }
  return paintClock(truncateText(clockParts(screen.remainingMs)[1] ?? "", width), screen.remainingMs, style);
}

function spread(left: string, clock: string, width: number, screen: ExamScreen): string {
  const { style } = screen;
  const gap = " ".repeat(Math.max(1, width - left.length - clock.length));
  const [head, ...rest] = left.split(" · ");
  const painted = rest.length > 0 ? `${style.bold(head ?? "")} · ${style.bold(rest.join(" · "))}` : style.bold(left);
  return `${painted}${gap}${paintClock(clock, screen.remainingMs, style)}`;
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
  return Math.max(1, Math.min(10, Math.floor((width - 2 * digits - 3) / (digits + 3))));
}

function paletteLines(screen: ExamScreen): { lines: string[]; focusRow: number } {
  const { state, style } = screen;
  const digits = String(state.questions.length).length;
  const rows = paletteRows(state, paletteColumns(state.questions.length, screen.width));
  const focus = screen.mode === "palette" ? screen.cursor : state.current;
  const lines = rows.map((row) => {
    const first = row[0]?.number ?? 1;
    const last = row[row.length - 1]?.number ?? first;
    const range = `${first}–${last}`.padStart(digits * 2 + 1);
    return `${style.dim(range)}  ${row.map((cell) => cellText(cell, digits, style, screen.mode === "palette" && cell.number - 1 === screen.cursor)).join("")}`.trimEnd();
  });
  return { lines, focusRow: Math.max(0, rows.findIndex((row) => row.some((cell) => cell.number - 1 === focus))) };
}

/** The counts under the palette: named when there is room, "●1 ○0 ◇0 ◆1 ·18" in one line when there is not. */
function legend(screen: ExamScreen, compact: boolean): string[] {
  const { style, width } = screen;
  const counts = examCounts(screen.state);
  if (compact) {
    const short = STATE_ORDER.map((state) => ({ state, plain: `${STATE_SYMBOL[state]}${stateCount(counts, state)}` }));
    const fits = short.map((part) => part.plain).join(" ").length <= width;
    const parts = fits ? short : short.filter((part) => part.state !== "not-visited");
    return [parts.map((part) => paint(part.state, part.plain, style)).join(" ")];
  }
  const parts = STATE_ORDER.map((state) => ({ plain: `${STATE_SYMBOL[state]} ${STATE_NAME[state]} ${stateCount(counts, state)}`, state }));
  return packed(parts, "  ", width).map((line) => line.map((part) => paint(part.state, part.plain, style)).join("  "));
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

function keyLines(items: readonly string[], screen: ExamScreen): string[] {
  const { style, width } = screen;
  return packed(
    items.map((plain) => ({ plain: truncateText(plain, width) })),
    " · ",
    width,
  ).map((line) => style.dim(line.map((item) => item.plain).join(" · ")));
}

/** Scrolling keys: j and k unless the question has options j or k, then Shift+J and Shift+K. */
export function scrollKeys(optionCount: number): ScrollKeys {
  return { up: `PgUp or ${commandKey("k", optionCount)}`, down: `PgDn or ${commandKey("j", optionCount)}` };
}

/** Every key of the question screen, as the "?" page and a tall screen's footer list them. */
function questionKeys(screen: ExamScreen): string[] {
  const presented = screen.questions[screen.state.current];
  const count = presented?.order.length ?? 0;
  const last = count > 0 ? letterOf(count - 1) : "a";
  const key = (name: string) => commandKey(name, count);
  const scroll = scrollKeys(count);
  const choose =
    presented?.question.kind === "true-false"
      ? "t true, f false (again to clear)"
      : presented && isMultiAnswer(presented.question)
        ? `a–${last} tick or untick`
        : `a–${last} answer (again to clear)`;
  return [
    choose,
    `${key("x")} clear`,
    `${key("m")} mark for review`,
    `←→ or ${key("p")} ${key("n")} move`,
    "Enter next",
    `${key("g")} palette`,
    "a number and Enter to go there",
    `↑↓ PgUp PgDn or ${scroll.up.replace("PgUp or ", "")} ${scroll.down.replace("PgDn or ", "")} scroll`,
    "S submit",
    "? keys",
    "Ctrl-C leave the test (your answers are kept for --resume)",
  ];
}

/** One line of keys for a small screen: the essentials, always ending in "? keys" for the rest. */
function compactKeys(screen: ExamScreen): string[] {
  const presented = screen.questions[screen.state.current];
  const count = presented?.order.length ?? 0;
  const last = count > 0 ? letterOf(count - 1) : "a";
  const key = (name: string) => commandKey(name, count);
  const wanted = [presented?.question.kind === "true-false" ? "t/f" : `a–${last}`, `←→ move`, "S submit", `${key("g")} palette`, `${key("m")} mark`];
  const tail = "? keys";
  const chosen: string[] = [];
  for (const item of wanted) {
    if ([...chosen, item, tail].join(" · ").length <= screen.width) chosen.push(item);
  }
  return [screen.style.dim(truncateText([...chosen, tail].join(" · "), screen.width))];
}

function helpLines(screen: ExamScreen, compact: boolean): string[] {
  if (screen.mode === "confirm") return keyLines(["y submit the test", "n or Esc go back to the questions"], screen);
  if (screen.mode === "help") return keyLines(["? or Esc back to the question"], screen);
  if (screen.mode === "palette") {
    if (compact) return keyLines(["←→↑↓ move", "Enter open", "g or Esc back", "S submit"], screen).slice(0, 1);
    return keyLines(["←→↑↓ move", "Enter open the highlighted question", "or type its number and Enter", "g or Esc back", "S submit"], screen);
  }
  return compact ? compactKeys(screen) : keyLines(questionKeys(screen), screen);
}

function statusLine(screen: ExamScreen): string[] {
  const { style } = screen;
  if (screen.typed !== "") return [style.cyan(truncateText(`Go to question ${screen.typed}_  (Enter to go, Esc to cancel)`, screen.width))];
  if (screen.notice) return [style.yellow(truncateText(screen.notice, screen.width))];
  return [];
}

function confirmLines(screen: ExamScreen): string[] {
  const { style, width } = screen;
  const counts = examCounts(screen.state);
  const labelWidth = Math.max(10, Math.min(24, width - 12));
  const row = (state: QuestionState) => {
    const name = STATE_NAME[state];
    return `  ${STATE_SYMBOL[state]} ${truncateText(name[0]?.toUpperCase() + name.slice(1), labelWidth).padEnd(labelWidth)}${String(stateCount(counts, state)).padStart(5)}`;
  };
  const lines = [style.bold("Submit the test?"), ...STATE_ORDER.map(row)];
  const say = (text: string) => lines.push(...wrap(text, width).map((line) => style.yellow(line)));
  say(`${counts.answered} of ${counts.total} scored (${STATE_SYMBOL.answered} ${STATE_SYMBOL["answered-marked"]}): a marked answer counts as it stands.`);
  if (counts.unanswered > 0) say(`${counts.unanswered} unanswered score nothing.`);
  lines.push(...wrap("Answers cannot be changed after you submit.", width));
  return lines;
}

/** Keeps `lines` to `budget` lines, saying how many were left out. */
function cut(lines: readonly string[], budget: number, style: Style, width: number): string[] {
  if (lines.length <= budget) return [...lines];
  const keep = Math.max(0, budget - 1);
  return [...lines.slice(0, keep), style.dim(truncateText(`… ${lines.length - keep} more lines: make the window taller`, width))];
}

function rule(screen: ExamScreen): string {
  return screen.style.dim("─".repeat(screen.width));
}

/** The question with its options and its mark, as lines to scroll through. */
function questionContent(screen: ExamScreen): string[] {
  const { state, style, width } = screen;
  const presented = screen.questions[state.current];
  if (presented === undefined) return [];
  const body = questionBody(presented.question, width, style).split("\n");
  const options = optionLines(presented, state.answers[state.current] ?? [], width, style);
  const marked = state.marked[state.current] ? [style.yellow(`${STATE_SYMBOL.marked} Marked for review`)] : [];
  return [...body, "", ...options, ...marked];
}

export function drawExam(screen: ExamScreen): ExamDrawing {
  const { style } = screen;
  // Lines the screen may use: the cursor sits at the end of the last one.
  const budget = Math.max(4, screen.height - 1);
  const status = statusLine(screen);
  const count = screen.questions[screen.state.current]?.order.length ?? 0;
  const finish = (lines: readonly string[], scroll = 0, maxScroll = 0, page = 1): ExamDrawing => ({ text: lines.slice(0, budget).join("\n"), scroll, maxScroll, page });

  if (screen.mode === "confirm") {
    const top = [headerLine(screen)];
    const help = helpLines(screen, true);
    return finish([...top, ...cut(confirmLines(screen), budget - top.length - help.length, style, screen.width), ...help]);
  }
  if (screen.mode === "help") {
    const top = [headerLine(screen)];
    const help = helpLines(screen, true);
    const keys = keyLines(questionKeys(screen), screen);
    return finish([...top, style.bold("Keys"), ...cut(keys, budget - top.length - help.length - 1, style, screen.width), ...help]);
  }
  if (screen.mode === "palette") {
    const compact = screen.height < 20;
    const top = compact ? [headerLine(screen)] : [headerLine(screen), rule(screen)];
    const help = helpLines(screen, compact);
    const counts = legend(screen, compact);
    const palette = paletteLines(screen);
    const room = Math.max(1, budget - top.length - help.length - status.length - counts.length - 1);
    // The highlighted row stays in view: the rows around it are shown.
    const first = Math.max(0, Math.min(palette.lines.length - room, palette.focusRow - Math.floor(room / 2)));
    const rows = palette.lines.length <= room ? palette.lines : palette.lines.slice(first, first + room);
    return finish([...top, style.bold(palette.lines.length <= room ? "Question palette" : `Question palette (rows ${first + 1}–${first + rows.length} of ${palette.lines.length})`), ...rows, ...counts, ...status, ...help]);
  }

  const content = questionContent(screen);
  const palette = paletteLines(screen);
  const currentRow = palette.lines[palette.focusRow] ?? "";
  const layout = (compact: boolean) => {
    const top = compact ? [headerLine(screen)] : [headerLine(screen), rule(screen)];
    const bottom = [...(compact ? [] : [rule(screen)]), currentRow, ...legend(screen, compact), ...status, ...helpLines(screen, compact)];
    return { top, bottom, room: budget - top.length - bottom.length };
  };
  // The full footer when the question still gets its room; else one line each for the palette, the
  // counts and the keys, so the question keeps the screen.
  const full = layout(false);
  const chosen = full.room >= Math.min(content.length, 12) ? full : layout(true);
  const window = scrollWindow(content, Math.max(3, chosen.room), screen.scroll ?? 0, scrollKeys(count), style, screen.width);
  return finish([...chosen.top, ...window.lines, ...chosen.bottom], window.offset, window.maxOffset, window.page);
}

export function renderExam(screen: ExamScreen): string {
  return drawExam(screen).text;
}
