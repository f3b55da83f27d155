// Mock-test time: parsing `--time` and showing durations. Pure: durations are milliseconds in and out.

import { OptionValueError } from "./scoring.js";

/** The UPSC paper's pace: 120 minutes for 100 questions. */
export const SECONDS_PER_QUESTION = 72;

/** A day: anything longer is a typo (`120h` for `120m`), not a mock test. */
const LONGEST_MS = 24 * 60 * 60 * 1000;

const PLAIN_MINUTES = /^\d+$/;
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** The default time limit for a paper of `questionCount` questions. */
export function defaultTimeLimitMs(questionCount: number): number {
  return questionCount * SECONDS_PER_QUESTION * 1000;
}

/**
 * Parses `--time`: `120m`, `90s`, `1h30m`, `2h`, `1h30m15s` (h, m, s in that order, each at most once,
 * spaces allowed between parts), or a plain whole number, which means minutes because the paper states
 * its duration in minutes ("120"). Returns milliseconds; zero and more than 24 hours are refused.
 */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, "");
  const ms = PLAIN_MINUTES.test(compact) ? Number(compact) * 60_000 : unitsToMs(compact);
  if (ms === undefined) {
    throw new OptionValueError(
      "--time",
      text,
      `--time "${text}" is not a duration: give minutes (120) or hours, minutes and seconds (2h, 90m, 1h30m, 45s)`,
    );
  }
  if (ms <= 0 || ms > LONGEST_MS) {
    throw new OptionValueError("--time", text, `--time "${text}" must be more than 0 and at most 24h`);
  }
  return ms;
}

function unitsToMs(compact: string): number | undefined {
  const match = UNITS.exec(compact);
  if (match === null || compact === "") return undefined;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/**
 * "1h 05m" from an hour up (seconds dropped), "4m 30s" from a minute, "45s" below: rounded to the second.
 * Negative or non-finite input shows as "0s" rather than throwing, since this only ever feeds a display.
 */
export function formatDuration(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${twoDigits(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${twoDigits(seconds)}s`;
  return `${seconds}s`;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}
