// A one-key prompt ("Review your mistakes? (y/n)", "Enter next · q stop"): resolves with the name of
// the key pressed, among those allowed. Built on @inquirer/core like the other prompts, so Ctrl-C and
// aborts arrive the usual way.

import { createPrompt, isEnterKey, useKeypress, useState } from "@inquirer/core";
import type { Style } from "../core/style.js";

export interface KeyPromptConfig {
  readonly message: string;
  /** Keys that answer: letters, or "enter". */
  readonly keys: readonly string[];
  readonly style: Style;
}

export const keyPrompt = createPrompt<string, KeyPromptConfig>((config, done) => {
  const [answer, setAnswer] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (answer !== undefined) return;
    const name = isEnterKey(key) ? "enter" : key.name;
    if (name !== undefined && config.keys.includes(name)) {
      setAnswer(name);
      done(name);
    }
  });
  if (answer !== undefined) return `${config.message} ${config.style.dim(answer === "enter" ? "" : answer)}`.trimEnd();
  return config.message;
});
