// What one answer leaves behind. The review log (one entry per answer, in order) is the truth about a
// learner's progress; scheduling state is derived from it.

import type { CardState } from "./scheduler.js";

export type Rating = "again" | "hard" | "good" | "easy";
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

export type SessionMode = "practice" | "review" | "mock";

export interface ReviewLogEntry {
  /** When the answer was given, as an ISO-8601 string. */
  readonly at: string;
  /** `<bank>/<question>`. */
  readonly key: string;
  /** Canonical letters chosen; empty when the question was skipped. */
  readonly given: readonly string[];
  readonly correct: boolean;
  /** Milliseconds from the question appearing to the answer. */
  readonly ms: number;
  readonly rating: Rating;
  readonly mode: SessionMode;
  /** For a mock answer, the attempt it belongs to: how a submission interrupted halfway is completed. */
  readonly attempt?: string;
  /** false for a crammed answer that leaves the schedule alone (the setting cramReschedules off). */
  readonly reschedule?: false;
  /**
   * Undo: this line takes back the answer to `key` given at `voids` (its other fields copy that answer,
   * so counts can subtract it), and `restore` is the card as it was before it (null: never reviewed).
   * The log stays append-only; a fold applies the line like any other.
   */
  readonly voids?: string;
  readonly restore?: CardState | null;
  /**
   * A statements or pairs question asking which: per item, whether the answer judged it right
   * (core/statement-memory.ts). Each misjudged item, and from then on each judgement of it, moves the
   * item's own card. Absent when the answer says nothing item by item (how-many, other kinds).
   */
  readonly items?: readonly boolean[];
  /** Undo of an answer with `items`: each item's card as it was before (null: it had none). */
  readonly restoreItems?: readonly (CardState | null)[];
}

/** The answers that stand: every undo line, and the answer it takes back, left out. */
export function standingEntries(entries: Iterable<ReviewLogEntry>): ReviewLogEntry[] {
  const list = [...entries];
  const undone = new Set(list.flatMap((entry) => (entry.voids === undefined ? [] : [`${entry.key}\u0000${entry.voids}`])));
  return list.filter((entry) => entry.voids === undefined && !undone.has(`${entry.key}\u0000${entry.at}`));
}
