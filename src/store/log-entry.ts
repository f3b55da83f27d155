// One review log line: a ReviewLogEntry as JSON. Lines are checked field by field when read, because
// the log outlives versions of prelim and can be edited, truncated or merged by hand.

import { RATINGS, type Rating, type ReviewLogEntry, type SessionMode } from "../core/review.js";

const MODES: readonly SessionMode[] = ["practice", "review", "mock"];

/** The line for an entry, newline included. Only known fields are written, in a fixed order. */
export function toLogLine(entry: ReviewLogEntry): string {
  const { at, key, given, correct, ms, rating, mode } = entry;
  return `${JSON.stringify({ at, key, given, correct, ms, rating, mode })}\n`;
}

export type ParsedLine =
  | { readonly ok: true; readonly entry: ReviewLogEntry }
  /** `json` false: not JSON at all (torn or garbage); true: JSON but not an entry. */
  | { readonly ok: false; readonly json: boolean; readonly reason: string };

export function parseLogLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, json: false, reason: "not valid JSON" };
  }
  const problem = entryProblem(value);
  if (problem !== undefined) return { ok: false, json: true, reason: problem };
  const { at, key, given, correct, ms, rating, mode } = value as ReviewLogEntry;
  return { ok: true, entry: { at, key, given: [...given], correct, ms, rating, mode } };
}

/** What is wrong with a would-be entry, or undefined when it is a valid one. */
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
