// One review log line: a ReviewLogEntry as JSON. Lines are checked field by field when read, because
// the log outlives versions of prelim and can be edited, truncated or merged by hand.

import { checkReviewDate } from "../core/review-dates.js";
import { RATINGS, type Rating, type ReviewLogEntry, type SessionMode } from "../core/review.js";
import type { CardState } from "../core/scheduler.js";
import { isItemJudgements } from "../core/statement-memory.js";

const MODES: readonly SessionMode[] = ["practice", "review", "mock"];

/** The line for an entry, newline included. Only known fields are written, in a fixed order. */
export function toLogLine(entry: ReviewLogEntry): string {
  const { at, key, given, correct, ms, rating, mode, attempt, reschedule, voids, restore, items, restoreItems } = entry;
  return `${JSON.stringify({
    at, key, given, correct, ms, rating, mode,
    ...(attempt !== undefined && { attempt }),
    ...(reschedule === false && { reschedule }),
    ...(items !== undefined && { items }),
    ...(voids !== undefined && { voids, restore: restore ?? null, ...(restoreItems !== undefined && { restoreItems }) }),
  })}\n`;
}

export type ParsedLine =
  | { readonly ok: true; readonly entry: ReviewLogEntry }
  /**
   * `json` false: not JSON at all (torn or garbage); true: JSON but not an entry. `clockBehind`: an
   * entry dated ahead of the clock by less than a clock is ever wrong, to be read once it is right.
   */
  | { readonly ok: false; readonly json: boolean; readonly reason: string; readonly clockBehind?: boolean };

// Every line toLogLine writes starts with this, and it cannot occur inside one: JSON escapes the
// quotes of a string value. So where it occurs after the start of a line that is not JSON, a new line
// begins that was run onto a torn one (appends never put a newline first: see append-line.ts).
const LINE_START = '{"at":"';

/**
 * The entries on one line of the log: usually one; more when lines were run together (a torn line,
 * or an entry whose newline was cut, then another append). The bytes before the first line start
 * found come back as one unreadable piece.
 */
export function parseLogLines(text: string, now: Date): ParsedLine[] {
  const whole = parseLogLine(text, now);
  if (whole.ok || whole.json) return [whole];
  const starts: number[] = [];
  for (let at = text.indexOf(LINE_START, 1); at !== -1; at = text.indexOf(LINE_START, at + 1)) starts.push(at);
  if (starts.length === 0) return [whole];
  const pieces = [0, ...starts].map((from, index) => text.slice(from, starts[index] ?? text.length));
  return pieces.filter((piece) => piece.trim() !== "").map((piece) => parseLogLine(piece, now));
}

/** One line read at `now`: an entry dated outside the sane range (review-dates.ts) is not one. */
export function parseLogLine(text: string, now: Date): ParsedLine {
  let value: unknown;
  try {
    // A BOM left by an editor (or by `cat` of two files) is not part of the line.
    value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    return { ok: false, json: false, reason: "not valid JSON" };
  }
  const problem = entryProblem(value);
  if (problem !== undefined) return { ok: false, json: true, reason: problem };
  const { at, key, given, correct, ms, rating, mode, attempt, reschedule, voids, restore, items, restoreItems } = value as ReviewLogEntry;
  const date = checkReviewDate(at, now);
  if (!date.ok) return { ok: false, json: true, reason: date.reason, clockBehind: date.clockBehind };
  const judged = isItemJudgements(items) ? { items: [...items] } : {};
  const undo =
    typeof voids === "string" && !Number.isNaN(Date.parse(voids))
      ? { voids, restore: isCardLike(restore) ? restore : null, ...(judged.items && Array.isArray(restoreItems) && { restoreItems: judged.items.map((_, index) => (isCardLike(restoreItems[index]) ? restoreItems[index] : null)) }) }
      : {};
  return { ok: true, entry: { at, key, given: [...given], correct, ms, rating, mode, ...(typeof attempt === "string" && { attempt }), ...(reschedule === false && { reschedule }), ...judged, ...undo } };
}


/** A card state as an undo line restores it; anything else restores "never reviewed". */
function isCardLike(value: unknown): value is CardState {
  if (typeof value !== "object" || value === null) return false;
  const card = value as Record<string, unknown>;
  return typeof card.due === "string" && !Number.isNaN(Date.parse(card.due)) && typeof card.stability === "number" && typeof card.difficulty === "number" && typeof card.state === "string";
}

/** What is wrong with the shape of a would-be entry, or undefined; its date's range is checked apart. */
export function entryProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not an object";
  const entry = value as Record<string, unknown>;
  if (typeof entry.at !== "string" || Number.isNaN(Date.parse(entry.at))) return "`at` is not a date";
  if (typeof entry.key !== "string" || entry.key === "") return "`key` is not a question key";
  if (!Array.isArray(entry.given) || !entry.given.every((letter) => typeof letter === "string")) {
    return "`given` is not a list of letters";
  }
  if (typeof entry.correct !== "boolean") return "`correct` is not true or false";
  if (typeof entry.ms !== "number" || !Number.isFinite(entry.ms)) return "`ms` is not a number";
  if (!RATINGS.includes(entry.rating as Rating)) return "`rating` is not again, hard, good or easy";
  if (!MODES.includes(entry.mode as SessionMode)) return "`mode` is not practice, review or mock";
  return undefined;
}
