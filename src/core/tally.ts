// What stats and review need from the history of answers, per question, in a form that stays small
// however long the history grows: how many answers and how many right, and the answers of the last
// few weeks (their times and whether they were right). The snapshot keeps it beside the cards, so a
// command reads the log only past the snapshot's offset. Pure: time is a parameter.

import type { ReviewLogEntry } from "./review.js";
import { itemKey } from "./statement-memory.js";

const DAY_MS = 86_400_000;

/**
 * How far back `recent` reaches when a snapshot is saved: more than any window read from it (today's
 * counts, 28 days of activity, 30 days of retention), with a margin for a clock a few days off.
 */
export const RECENT_DAYS = 35;
export const RECENT_MS = RECENT_DAYS * DAY_MS;

/** One answer of the recent past: its time in ms and 1 when it was right, 0 when not. */
export type RecentAnswer = readonly [at: number, correct: 0 | 1];

export interface AnswerTally {
  /** Every answer to the question in the log. */
  answers: number;
  correct: number;
  /**
   * The last answers, in log order, back to RECENT_DAYS before the snapshot was saved. They are the
   * last `recent.length` of `answers`: only a prefix is ever dropped, so the answer at index `i` is
   * the question's first ever exactly when `answers - recent.length + i === 0`.
   */
  recent: RecentAnswer[];
}

export type Tallies = Map<string, AnswerTally>;

/**
 * Adds entries, in log order, to `tallies`, which is updated in place and returned. An answer that
 * judged its question's items (`items`) counts for each item too, under the item's key, from the
 * item's first misjudgement on (as its card does: core/scheduler.ts).
 */
export function foldTallies(tallies: Tallies, entries: Iterable<ReviewLogEntry>): Tallies {
  for (const entry of entries) {
    const undo = entry.voids === undefined ? undefined : Date.parse(entry.voids);
    const at = Date.parse(entry.at);
    countAnswer(tallies, entry.key, entry.correct, at, undo, true);
    // A crammed answer leaves the schedule alone and starts no item's card: nor its tally, so that stats
    // never lists a statement the drill could not ask.
    const starts = entry.reschedule !== false;
    entry.items?.forEach((right, index) => countAnswer(tallies, itemKey(entry.key, index + 1), right, at, undo, starts && !right));
  }
  return tallies;
}

/** One answer, or the undo (`undo`: the time of the answer taken back) of one, in a key's tally. */
function countAnswer(tallies: Tallies, key: string, correct: boolean, at: number, undo: number | undefined, start: boolean): void {
  let tally = tallies.get(key);
  if (tally === undefined) {
    if (!start || undo !== undefined) return;
    tally = { answers: 0, correct: 0, recent: [] };
    tallies.set(key, tally);
  }
  if (undo !== undefined) {
    // An undo subtracts the answer it takes back; its line copies that answer's `correct` and items.
    const index = tally.recent.findLastIndex(([time]) => time === undo);
    if (index !== -1) tally.recent.splice(index, 1);
    tally.answers = Math.max(0, tally.answers - 1);
    if (correct) tally.correct = Math.max(0, tally.correct - 1);
    // Back to no answers is back to untracked: an item's card goes with its first misjudgement too.
    if (tally.answers === 0) tallies.delete(key);
    return;
  }
  tally.answers++;
  if (correct) tally.correct++;
  tally.recent.push([at, correct ? 1 : 0]);
}

/** The same tallies with answers dated before `sinceMs` dropped from the front of each `recent`. */
export function pruneTallies(tallies: ReadonlyMap<string, AnswerTally>, sinceMs: number): Tallies {
  const pruned: Tallies = new Map();
  for (const [key, tally] of tallies) {
    let first = 0;
    while (first < tally.recent.length && (tally.recent[first] as RecentAnswer)[0] < sinceMs) first++;
    pruned.set(key, first === 0 ? tally : { ...tally, recent: tally.recent.slice(first) });
  }
  return pruned;
}

/** Whether the answer at `index` of `tally.recent` is the question's first ever. */
export function isFirstAnswer(tally: AnswerTally, index: number): boolean {
  return tally.answers - tally.recent.length + index === 0;
}
