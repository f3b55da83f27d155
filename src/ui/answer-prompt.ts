// The prompt for answering one question. A letter (a–z) or digit (1–9) answers a single-answer question
// at once, as arrows and Enter do; for several answers they toggle, space toggles and Enter submits.
// Built on @inquirer/core so input, output and cancellation work as in every other Inquirer prompt.

import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from "@inquirer/core";
import type { Style } from "../core/style.js";

export interface AnswerPromptConfig {
  /** Header and question body, already rendered. */
  readonly message: string;
  /** Option lines in display order, already labelled ("a) …"). */
  readonly options: readonly string[];
  readonly multiple: boolean;
  readonly style: Style;
  /** Positions ticked at the start (multiple), or the one the cursor starts on (single). */
  readonly initial?: readonly number[];
  /** Multiple only: Enter with nothing ticked is an answer (an empty list). */
  readonly allowEmpty?: boolean;
  /** Replaces the default key help line. */
  readonly help?: string;
}

/** Resolves to the display positions chosen. */
export const answerPrompt = createPrompt<number[], AnswerPromptConfig>((config, done) => {
  const { options, multiple, style } = config;
  const [active, setActive] = useState(multiple ? 0 : (config.initial?.[0] ?? 0));
  const [checked, setChecked] = useState<readonly number[]>(config.initial ?? []);
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [error, setError] = useState<string | undefined>(undefined);
  // What was chosen, for the final screen: a letter key answers without moving the cursor there.
  const [chosen, setChosen] = useState<readonly number[]>([]);

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
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      setActive((active + (isUpKey(key) ? -1 : 1) + options.length) % options.length);
      return;
    }
    if (multiple && isSpaceKey(key)) {
      rl.clearLine(0);
      return toggle(active);
    }
    const position = positionForKey(key.name, options.length);
    rl.clearLine(0);
    if (position === undefined) return;
    if (multiple) {
      setActive(position);
      toggle(position);
    } else {
      finish([position]);
    }
  });

  if (status === "done") {
    const text = chosen.length === 0 ? "all" : chosen.map((position) => options[position] ?? "").join("; ");
    return `${config.message}\n${style.cyan(`» ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`)}`;
  }
  const lines = options.map((option, index) => {
    const pointer = index === active ? style.cyan("❯") : " ";
    const box = multiple ? (checked.includes(index) ? style.green("◉ ") : "◯ ") : "";
    return `${pointer} ${box}${index === active ? style.cyan(option) : option}`;
  });
  const help = config.help ?? (multiple ? "letters or space to tick, Enter to submit" : "press a letter or number, or ↑↓ and Enter");
  return [config.message, ...lines, style.dim(help), ...(error ? [style.red(error)] : [])].join("\n");
});

function positionForKey(name: string | undefined, count: number): number | undefined {
  if (name === undefined || name.length !== 1) return undefined;
  const code = name.charCodeAt(0);
  const position = name >= "1" && name <= "9" ? code - 49 : name >= "a" && name <= "z" ? code - 97 : -1;
  return position >= 0 && position < count ? position : undefined;
}
