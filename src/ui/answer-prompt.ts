// The prompt for answering one question, and the pickers. A letter (a–z) or digit (1–9) answers a
// single-answer question at once, as arrows and Enter do; for several answers they toggle, space toggles
// and Enter submits. Built on @inquirer/core so input, output and cancellation work as in every other
// Inquirer prompt.
//
// It fits the terminal: options wrap under their label, the screen never has more lines than the
// terminal has rows (what does not fit scrolls, with a marker, and the cursor's option is always in
// view), and a resize redraws it at the new size.

import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useState } from "@inquirer/core";
import { useKeypress } from "@inquirer/core";
import type { Style } from "../core/style.js";
import { revealOffset, scrollWindow } from "./scroll-view.js";
import { wrapStyled } from "./wrap-styled.js";
import { useScreenSize, type Viewport } from "./viewport.js";

export interface AnswerPromptConfig {
  /** Header and question body: text, or a function that lays it out to a width (redrawn on resize). */
  readonly message: string | ((width: number) => string);
  /** Option lines in display order, already labelled ("a) …"); wrapped here. */
  readonly options: readonly string[];
  readonly multiple: boolean;
  readonly style: Style;
  /** Positions ticked at the start (multiple), or the one the cursor starts on (single). */
  readonly initial?: readonly number[];
  /** Multiple only: Enter with nothing ticked is an answer (an empty list). */
  readonly allowEmpty?: boolean;
  /** Replaces the default key help line. */
  readonly help?: string;
  /** Keys that choose a position besides its letter and number: `{ t: 0, f: 1 }` for True / False. */
  readonly keys?: Readonly<Record<string, number>>;
  /** The terminal, for its size and resizes; without one, 80×24 (or `size`). */
  readonly viewport?: Viewport;
  readonly size?: { readonly width: number; readonly height: number };
}

const DEFAULT_SIZE = { width: 79, height: 24 };

/** j and k scroll unless they are options here; Shift+J and Shift+K always do. */
export function scrollKeyNames(optionCount: number): { up: string; down: string } {
  return { up: optionCount > 10 ? "K" : "k", down: optionCount > 9 ? "J" : "j" };
}

/** Resolves to the display positions chosen. */
export const answerPrompt = createPrompt<number[], AnswerPromptConfig>((config, done) => {
  const { options, multiple, style } = config;
  const size = useScreenSize(config.viewport, config.size ?? DEFAULT_SIZE);
  const [active, setActive] = useState(multiple ? 0 : (config.initial?.[0] ?? 0));
  const [checked, setChecked] = useState<readonly number[]>(config.initial ?? []);
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [error, setError] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  // What was chosen, for the final screen: a letter key answers without moving the cursor there.
  const [chosen, setChosen] = useState<readonly number[]>([]);

  const width = size.width;
  const message = typeof config.message === "string" ? config.message : config.message(width);
  const messageLines = message.split("\n");
  const scrollNames = scrollKeyNames(options.length);

  // Each option's lines: the pointer and box on the first, the text hanging under its label after.
  const optionLines = options.map((option, index) => {
    const isActive = index === active;
    const pointer = isActive ? style.cyan("❯") : " ";
    const box = multiple ? (checked.includes(index) ? style.green("◉ ") : "◯ ") : "";
    const lead = `${pointer} ${box}`;
    const leadWidth = multiple ? 4 : 2;
    const label = /^[a-z0-9]{1,2}\) /i.exec(option)?.[0].length ?? 0;
    const wrapped = wrapStyled(option, Math.max(8, width - leadWidth), " ".repeat(label));
    return wrapped.map((line, row) => `${row === 0 ? lead : " ".repeat(leadWidth)}${isActive ? style.cyan(line) : line}`);
  });
  const help = config.help ?? (multiple ? "letters or space to tick, Enter to submit · Ctrl-C stops" : "press a letter or number, or ↑↓ and Enter · Ctrl-C stops");
  const footer = [...wrapStyled(style.dim(help), width), ...(error ? wrapStyled(style.red(error), width) : [])];
  const budget = Math.max(4, size.height - 1);

  // A short message (a picker's title) stays on top while the options scroll; a question's stem scrolls with them.
  const sticky = messageLines.length <= 2 ? messageLines : [];
  const content = [...(sticky.length > 0 ? [] : messageLines), ...optionLines.flat()];
  const room = budget - sticky.length - footer.length;
  const firstLine = (index: number) => (sticky.length > 0 ? 0 : messageLines.length) + optionLines.slice(0, index).reduce((sum, lines) => sum + lines.length, 0);
  const activeRange = (index: number): [number, number] => [firstLine(index), firstLine(index) + (optionLines[index]?.length ?? 1) - 1];
  const hint = { up: `PgUp or ${scrollNames.up}`, down: `PgDn or ${scrollNames.down}` };
  const window = scrollWindow(content, room, offset, hint, style, width);

  const moveTo = (index: number) => {
    setActive(index);
    const [first, last] = activeRange(index);
    setOffset(revealOffset(window.offset, first, last, content.length, room));
  };
  const scrollBy = (lines: number) => setOffset(Math.max(0, Math.min(window.maxOffset, window.offset + lines)));

  const finish = (positions: readonly number[]) => {
    const sorted = [...positions].sort((a, b) => a - b);
    setChosen(sorted);
    setStatus("done");
    done(sorted);
  };
  const toggle = (position: number) =>
    setChecked(checked.includes(position) ? checked.filter((item) => item !== position) : [...checked, position]);

  useKeypress((key, rl) => {
    setError(undefined);
    if (isEnterKey(key)) {
      if (!multiple) return finish([active]);
      if (checked.length === 0 && !config.allowEmpty) return setError("Select at least one option (space or its letter), then Enter.");
      return finish(checked);
    }
    rl.clearLine(0);
    if (isUpKey(key) || isDownKey(key)) return moveTo((active + (isUpKey(key) ? -1 : 1) + options.length) % options.length);
    if (key.name === "pagedown") return scrollBy(window.page);
    if (key.name === "pageup") return scrollBy(-window.page);
    if (key.name === "j" && (key.shift || scrollNames.down === "j")) return scrollBy(1);
    if (key.name === "k" && (key.shift || scrollNames.up === "k")) return scrollBy(-1);
    if (multiple && isSpaceKey(key)) return toggle(active);
    const position = (key.name === undefined ? undefined : config.keys?.[key.name]) ?? positionForKey(key.name, options.length);
    if (position === undefined) return;
    if (multiple) {
      moveTo(position);
      toggle(position);
    } else {
      finish([position]);
    }
  });

  if (status === "done") {
    const text = chosen.length === 0 ? "all" : chosen.map((position) => options[position] ?? "").join("; ");
    const room = Math.max(10, width - 2);
    return `${message}\n${style.cyan(`» ${text.length > room ? `${text.slice(0, room - 1)}…` : text}`)}`;
  }
  // A picker's cursor is never off screen, even before it moves (an initial option far down the list).
  const shown = sticky.length > 0 ? scrollWindow(content, room, revealOffset(window.offset, ...activeRange(active), content.length, room), hint, style, width) : window;
  return [...sticky, ...shown.lines, ...footer].slice(0, budget).join("\n");
});

function positionForKey(name: string | undefined, count: number): number | undefined {
  if (name === undefined || name.length !== 1) return undefined;
  const code = name.charCodeAt(0);
  const position = name >= "1" && name <= "9" ? code - 49 : name >= "a" && name <= "z" ? code - 97 : -1;
  return position >= 0 && position < count ? position : undefined;
}
