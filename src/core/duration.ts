// Mock-test time: the paper's pace and showing durations. Pure: durations are milliseconds in and out.

/** The UPSC paper's pace: 120 minutes for 100 questions. */
export const SECONDS_PER_QUESTION = 72;

/** The default time limit for a paper of `questionCount` questions. */
export function defaultTimeLimitMs(questionCount: number): number {
  return questionCount * SECONDS_PER_QUESTION * 1000;
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
