// The loop shared by practice and review: ask, judge, rate, record. Each answer is on disk (the store's
// review log) before it is shown as recorded and before the next question appears.

import { logEntryFor, outcomeOf, type Answer } from "../../core/answer.js";
import type { SessionMode } from "../../core/review.js";
import { ratingFor, type Confidence } from "../../core/scheduler.js";
import { readingLength, type PresentedQuestion, type RecordedAnswer } from "../../core/session.js";

export type { RecordedAnswer } from "../../core/session.js";
import { InterruptedError, UserError } from "../../errors.js";
import type { ProgressStore } from "../../store/progress-store.js";

export interface AnswerSource {
  /** The learner's answer, undefined when there is none (a scripted run's file skips the question), "stop" to end the session there. */
  answer(presented: PresentedQuestion, position: number, total: number): Promise<Answer | undefined | "stop">;
  /** Asked after a right answer when the learner rates their own confidence. */
  confidence?(): Promise<Confidence>;
  /** Waits for a key after the feedback (a terminal only): "stop" ends the session there; s and b suspend and bury. */
  pause?(): Promise<"next" | "stop" | "suspend" | "bury">;
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
  /** Called once the answer is on disk: show feedback, print a TAP line, wait for a key. "stop" ends the session there. */
  readonly onRecorded: (answer: RecordedAnswer) => void | "stop" | Promise<void | "stop">;
}

export async function runAnswerLoop(questions: readonly PresentedQuestion[], source: AnswerSource, options: LoopOptions): Promise<LoopResult> {
  const recorded: RecordedAnswer[] = [];
  try {
    for (const [index, presented] of questions.entries()) {
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
      options.store.record(entry);
      const item = { answer, correct, entry, presented, position: index + 1 };
      recorded.push(item);
      if ((await options.onRecorded(item)) === "stop") break;
    }
  } catch (error) {
    if (error instanceof InterruptedError) return { recorded, interrupted: error };
    if (error instanceof UserError) return { recorded, failure: error };
    throw error;
  }
  return { recorded };
}
