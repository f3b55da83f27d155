// Colour, decided once from the environment (https://no-color.org, FORCE_COLOR), applied through Style so
// formatters stay pure and testable without a terminal.

import { plainStyle, type Paint, type Style } from "../core/style.js";

export type { Style } from "../core/style.js";

export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY && env.TERM !== "dumb";
}

/** A Style of ANSI colours when colour is on. */
export async function makeStyle(color: boolean): Promise<Style> {
  return color ? ansiStyle : plainStyle;
}

// The six styles as chalk wrote them at level 1 (the 16 colours every terminal has), without chalk:
// loading it (and the colour detection it runs on load, which level 1 makes moot) was 1.5 ms of every
// coloured screen's start, a mock's or practice's first question included.
const ansiStyle: Style = {
  bold: painter(1, 22),
  dim: painter(2, 22),
  red: painter(31, 39),
  green: painter(32, 39),
  yellow: painter(33, 39),
  cyan: painter(36, 39),
};

function painter(open: number, close: number): Paint {
  const on = `\u001b[${open}m`;
  const off = `\u001b[${close}m`;
  return (text) => {
    if (text === "") return text;
    // A style inside that ends with the same code (dim inside bold) would end this one there: it is reopened.
    let body = text.includes(off) ? text.split(off).join(`${off}${on}`) : text;
    // Closed before each line break and reopened after it, so that no style runs into the next line's margin.
    if (body.includes("\n")) body = body.replace(/\r?\n/g, (lineBreak) => `${off}${lineBreak}${on}`);
    return `${on}${body}${off}`;
  };
}
