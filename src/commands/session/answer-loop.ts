// The loop shared by practice and review: ask, judge, rate, record. Each answer is on disk (the store's
// review log) before it is shown as recorded and before the next question appears.

import { logEntryFor, outcomeOf, type Answer } from "../../core/answer.js";
import type { ReviewLogEntry, SessionMode } from "../../core/review.js";
import { ratingFor, type CardState, type Confidence } from "../../core/scheduler.js";
import { readingLength, type PresentedQuestion, type RecordedAnswer } from "../../core/session.js";
import { itemKey } from "../../core/statement-memory.js";

export type { RecordedAnswer } from "../../core/session.js";
import { InterruptedError, UserError } from "../../errors.js";
import type { ProgressStore } from "../../store/progress-store.js";

export interface AnswerSource {
  /** The learner's answer, undefined when there is none (a scripted run's file skips the question), "stop" to end the session there. */
  answer(presented: PresentedQuestion, position: number, total: number): Promise<Answer | undefined | "stop">;
  /** Asked after a right answer when the learner rates their own confidence. */
  confidence?(): Promise<Confidence>;
  /** Waits for a key after the feedback (a terminal only): "stop" ends the session there; s and b suspend and bury. */
  pause?(last: boolean): Promise<"next" | "stop" | "suspend" | "bury" | "undo">;
}

export interface LoopResult {
  readonly recorded: readonly RecordedAnswer[];
  /** Set when the session was cut short; everything in `recorded` is saved. */
  readonly interrupted?: InterruptedError;
  /** An answer that could not be saved (a full disk): the session stops there; `recorded` is saved. */
  readonly failure?: UserError;
}

export interface LoopOptions {
  readonly mode: SessionMode;
  /** false for a cram whose answers leave the schedule alone. */
  readonly reschedule?: boolean;
  readonly store: ProgressStore;
  readonly now: () => Date;
  /**
   * Called once the answer is on disk: show feedback, print a TAP line, wait for a key. "stop" ends the
   * session there; "undo" takes the answer back (an undo line in the log, the card as it was) and asks
   * the question again.
   */
  readonly onRecorded: (answer: RecordedAnswer) => void | "stop" | "undo" | Promise<void | "stop" | "undo">;
  /** Keep each card as it was before its answer, so an answer can be taken back (a terminal only). */
  readonly undoable?: boolean;
}

/** The cards an answer can change, as they are before it: its question's and its items'. */
export interface CardsBefore {
  readonly card: CardState | undefined;
  readonly items?: readonly (CardState | undefined)[];
}

export function cardsBefore(card: (key: string) => CardState | undefined, entry: ReviewLogEntry): CardsBefore {
  return { card: card(entry.key), ...(entry.items && { items: entry.items.map((_, index) => card(itemKey(entry.key, index + 1))) }) };
}

/** The log line that takes `entry` back: it copies the answer (so counts can subtract it) and restores the cards. */
export function undoEntry(entry: ReviewLogEntry, before: CardsBefore, at: Date): ReviewLogEntry {
  return {
    ...entry,
    at: at.toISOString(),
    voids: entry.at,
    restore: before.card ?? null,
    ...(before.items && { restoreItems: before.items.map((card) => card ?? null) }),
  };
}

export async function runAnswerLoop(questions: readonly PresentedQuestion[], source: AnswerSource, options: LoopOptions): Promise<LoopResult> {
  const recorded: RecordedAnswer[] = [];
  try {
    for (let index = 0; index < questions.length; index++) {
      const presented = questions[index] as PresentedQuestion;
      const answer = await source.answer(presented, index + 1, questions.length);
      if (answer === "stop") break;
      if (answer === undefined) continue;
      const correct = outcomeOf(answer) === "correct";
      const confidence = correct && source.confidence ? await source.confidence() : undefined;
      const rating = ratingFor({
        correct,
        ...(answer.ms !== undefined && { ms: answer.ms }),
        textLength: readingLength(presented.question),
        ...(confidence && { confidence }),
      });
      const logged = logEntryFor(answer, { rating, mode: options.mode, at: options.now() });
      const entry = options.reschedule === false ? { ...logged, reschedule: false as const } : logged;
      const before = options.undoable ? cardsBefore((key) => options.store.card(key), entry) : undefined;
      options.store.record(entry);
      const item = { answer, correct, entry, presented, position: index + 1 };
      recorded.push(item);
      const next = await options.onRecorded(item);
      if (next === "stop") break;
      if (next === "undo") {
        options.store.record(undoEntry(entry, before ?? { card: undefined }, options.now()));
        recorded.pop();
        index--;
      }
    }
  } catch (error) {
    if (error instanceof InterruptedError) return { recorded, interrupted: error };
    if (error instanceof UserError) return { recorded, failure: error };
    throw error;
  }
  return { recorded };
}
