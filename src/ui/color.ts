// Colour, decided once from the environment (https://no-color.org, FORCE_COLOR), applied through Style so
// formatters stay pure and testable without a terminal.

import { plainStyle, type Style } from "../core/style.js";

export type { Style } from "../core/style.js";

export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY && env.TERM !== "dumb";
}

/** A Style backed by chalk when colour is on; chalk is only loaded then. */
export async function makeStyle(color: boolean): Promise<Style> {
  if (!color) return plainStyle;
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    red: (text) => chalk.red(text),
    green: (text) => chalk.green(text),
    yellow: (text) => chalk.yellow(text),
    cyan: (text) => chalk.cyan(text),
  };
}
