// A window of a screen's lines taller than the room it has: the lines from `offset`, with a marker at
// the top when some are above and at the bottom when some are below. Pure; the prompt keeps the offset.

import type { Style } from "../core/style.js";

export interface ScrollKeys {
  /** How to scroll up and down, as the marker names it: "PgUp or K". */
  readonly up: string;
  readonly down: string;
}

export interface ScrolledLines {
  readonly lines: string[];
  /** The offset used, clamped to what the lines allow. */
  readonly offset: number;
  readonly maxOffset: number;
  /** How far PgDn moves: the lines shown between two markers. */
  readonly page: number;
}

const lineCount = (n: number) => `${n} more line${n === 1 ? "" : "s"}`;

/** The largest useful offset: the last page shows every remaining line under the top marker. */
export function maxScrollOffset(total: number, room: number): number {
  return total <= room ? 0 : Math.max(0, total - Math.max(1, room - 1));
}

export function scrollWindow(content: readonly string[], room: number, offset: number, keys: ScrollKeys, style: Style, width: number): ScrolledLines {
  const space = Math.max(3, room);
  if (content.length <= space) return { lines: [...content], offset: 0, maxOffset: 0, page: space };
  const maxOffset = maxScrollOffset(content.length, space);
  const at = Math.max(0, Math.min(maxOffset, Math.floor(offset)));
  const marker = (text: string) => style.dim(style.yellow(fit(text, width)));
  const lines: string[] = [];
  if (at > 0) lines.push(marker(`↑ ${lineCount(at)} above · ${keys.up}`));
  const shown = at >= maxOffset ? content.length - at : space - lines.length - 1;
  lines.push(...content.slice(at, at + shown));
  const below = content.length - at - shown;
  if (below > 0) lines.push(marker(`↓ ${lineCount(below)} below · ${keys.down}`));
  return { lines, offset: at, maxOffset, page: Math.max(1, space - 2) };
}

/** The offset that shows lines `first` to `last` (inclusive) of `total`, moving as little as it can from `offset`. */
export function revealOffset(offset: number, first: number, last: number, total: number, room: number): number {
  const space = Math.max(3, room);
  if (total <= space) return 0;
  const maxOffset = maxScrollOffset(total, space);
  let at = Math.max(0, Math.min(maxOffset, offset));
  if (first < at) at = first;
  // Lines visible from `at`: everything to the end on the last page, else between the two markers.
  const end = (start: number) => (start >= maxOffset ? total : start + space - (start > 0 ? 2 : 1));
  while (last >= end(at) && at < maxOffset) at++;
  // The first line wins when the range is taller than the room.
  if (first < at) at = first;
  return Math.max(0, Math.min(maxOffset, at));
}

function fit(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}
