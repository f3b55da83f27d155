// How wide to lay out text: the terminal's width, kept readable (at most 100 columns, at least 40),
// 80 when there is no terminal to ask.

import type { Output } from "../io.js";

export function textWidth(output: Output): number {
  return Math.max(40, Math.min(output.columns ?? 80, 100) - 2);
}

/** Rows for a full-screen view (the mock test): the terminal's, at least 16, 24 when unknown. */
export function textHeight(output: Output): number {
  return Math.max(16, output.rows ?? 24);
}
