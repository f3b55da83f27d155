// What one answer leaves behind. The review log (one entry per answer, in order) is the truth about a
// learner's progress; scheduling state is derived from it.

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
}
