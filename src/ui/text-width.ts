// How wide to lay out text: the terminal's width, kept readable (at most 100 columns, at least 40),
// 80 when there is no terminal to ask.

import type { Output } from "../io.js";

export function textWidth(output: Output): number {
  return Math.max(40, Math.min(output.columns ?? 80, 100) - 2);
}

/** Width for a message: the terminal's layout width, or no limit when the output is not a terminal (a pipe keeps one line). */
export function messageWidth(output: Output): number {
  return output.isTTY ? textWidth(output) : Number.POSITIVE_INFINITY;
}

/** Rows for a full-screen view (the mock test): the terminal's, at least 16, 24 when unknown. */
export function textHeight(output: Output): number {
  return Math.max(16, output.rows ?? 24);
}

export interface ScreenSize {
  /** Columns text may use: one less than the terminal's, so no line ever ends in the last column. */
  readonly width: number;
  /** The terminal's rows: a screen draws at most `height - 1` lines, the cursor's line is the last. */
  readonly height: number;
}

/** Text is kept readable on a wide terminal; below these, screens still draw, just cramped. */
export const MAX_WIDTH = 100;
export const MIN_WIDTH = 20;
export const MIN_HEIGHT = 8;

export function screenSize(viewport: { readonly columns?: number | undefined; readonly rows?: number | undefined } | undefined, fallback: ScreenSize): ScreenSize {
  const columns = viewport?.columns;
  const rows = viewport?.rows;
  return {
    width: columns === undefined || columns <= 0 ? fallback.width : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns - 1)),
    height: rows === undefined || rows <= 0 ? fallback.height : Math.max(MIN_HEIGHT, rows),
  };
}

