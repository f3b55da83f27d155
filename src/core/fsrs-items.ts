// The review log as the FSRS optimizer reads it: for every answer to a question seen on an earlier
// day, the question's history up to and including that answer, in whole days between answers. Pure
// data in our own types; fsrs-optimizer.ts turns it into the optimizer's objects.

import type { Rating, ReviewLogEntry } from "./review.js";

const DAY_MS = 86_400_000;

/** FSRS's grades: Again 1, Hard 2, Good 3, Easy 4. */
export const GRADE: Record<Rating, 1 | 2 | 3 | 4> = { again: 1, hard: 2, good: 3, easy: 4 };

export interface HistoryStep {
  readonly grade: 1 | 2 | 3 | 4;
  /** Whole days since the question's previous answer; 0 for its first. */
  readonly days: number;
}

/** One answer FSRS can learn from: what came before it on the same question, and the answer itself. */
export interface FsrsHistory {
  /** The question's answers so far, the last one the answer predicted. */
  readonly steps: readonly HistoryStep[];
  /** When the last answer was given (ms since the epoch): the order of a time-series split. */
  readonly at: number;
}

/** FSRS's own advice: fewer reviews than this fit noise rather than memory. */
export const MIN_OPTIMIZE_REVIEWS = 400;

// Days are the learner's own, in the process's time zone, as the review queue counts them (queue.ts
// startOfDay): counted in UTC, a learner in India who studies at 06:00 and again at 22:00 would have
// answers split across days that were one day to them, and FSRS would fit intervals that never were.
function dayNumber(at: number): number {
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/**
 * Every answer that follows another on the same question on an earlier day, with its history, oldest
 * first. Answers on the same day as the one before stay in later histories (with 0 days) but are not
 * predicted: the optimizer's long-term model does not fit them, and a question asked again within a
 * session is answered from memory of the letter.
 */
export function fsrsHistories(entries: Iterable<ReviewLogEntry>): FsrsHistory[] {
  const byQuestion = new Map<string, { at: number; grade: 1 | 2 | 3 | 4 }[]>();
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    const list = byQuestion.get(entry.key) ?? [];
    list.push({ at, grade: GRADE[entry.rating] });
    byQuestion.set(entry.key, list);
  }
  const histories: FsrsHistory[] = [];
  for (const answers of byQuestion.values()) {
    // The log is in order of writing; a clock moved back can put an answer before an earlier one.
    answers.sort((a, b) => a.at - b.at);
    const steps: HistoryStep[] = [];
    let previousDay: number | undefined;
    for (const answer of answers) {
      const day = dayNumber(answer.at);
      const days = previousDay === undefined ? 0 : day - previousDay;
      steps.push({ grade: answer.grade, days });
      previousDay = day;
      if (steps.length > 1 && days > 0) histories.push({ steps: [...steps], at: answer.at });
    }
  }
  return histories.sort((a, b) => a.at - b.at);
}

/** The older part to fit on and the newer part to test on: the fit never sees the answers it is judged by. */
export function timeSeriesSplit<T>(histories: readonly T[], heldOutShare = 0.2): { readonly train: T[]; readonly test: T[] } {
  const cut = Math.max(1, Math.min(histories.length - 1, Math.round(histories.length * (1 - heldOutShare))));
  return { train: histories.slice(0, cut), test: histories.slice(cut) };
}
