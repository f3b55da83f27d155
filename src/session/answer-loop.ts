// The loop shared by practice and review: ask, judge, rate, record. Each answer is on disk (the store's
// review log) before it is shown as recorded and before the next question appears.

import { letterOf } from "../core/question.js";
import type { ReviewLogEntry, SessionMode } from "../core/review.js";
import { ratingFor } from "../core/scheduler.js";
import type { Confidence } from "../core/scheduler.js";
import { judgeAnswer, readingLength } from "../core/session.js";
import type { AnswerOutcome, PresentedQuestion } from "../core/session.js";
import { InterruptedError } from "../errors.js";
import type { ProgressStore } from "../store/progress-store.js";

export interface GivenAnswer {
  /** Canonical option indexes. */
  readonly chosen: readonly number[];
  /** Time taken; undefined in scripted runs, where it says nothing about recall. */
  readonly ms: number | undefined;
}

export interface AnswerSource {
  /** The learner's answer, or undefined when there is none (a scripted run's file skips the question). */
  answer(presented: PresentedQuestion, position: number, total: number): Promise<GivenAnswer | undefined>;
  /** Asked after a right answer when the learner rates their own confidence. */
  confidence?(): Promise<Confidence>;
}

export interface RecordedAnswer {
  readonly outcome: AnswerOutcome;
  readonly entry: ReviewLogEntry;
  readonly presented: PresentedQuestion;
  /** 1-based position in the session. */
  readonly position: number;
}

export interface LoopResult {
  readonly recorded: readonly RecordedAnswer[];
  /** Set when the session was cut short; everything in `recorded` is saved. */
  readonly interrupted?: InterruptedError;
}

export interface LoopOptions {
  readonly mode: SessionMode;
  readonly store: ProgressStore;
  readonly now: () => Date;
  /** Called once the answer is on disk: show feedback, print a TAP line. */
  readonly onRecorded: (answer: RecordedAnswer) => void;
}

export async function runAnswerLoop(questions: readonly PresentedQuestion[], source: AnswerSource, options: LoopOptions): Promise<LoopResult> {
  const recorded: RecordedAnswer[] = [];
  try {
    for (const [index, presented] of questions.entries()) {
      const given = await source.answer(presented, index + 1, questions.length);
      if (given === undefined) continue;
      const outcome = judgeAnswer(presented.question, given.chosen, given.ms ?? 0);
      const confidence = outcome.correct && source.confidence ? await source.confidence() : undefined;
      const rating = ratingFor({
        correct: outcome.correct,
        ms: given.ms ?? Number.NaN,
        textLength: readingLength(presented.question),
        ...(confidence && { confidence }),
      });
      const entry: ReviewLogEntry = {
        at: options.now().toISOString(),
        key: presented.question.key,
        given: outcome.chosen.map(letterOf),
        correct: outcome.correct,
        ms: Math.round(given.ms ?? 0),
        rating,
        mode: options.mode,
      };
      options.store.record(entry);
      const answer = { outcome, entry, presented, position: index + 1 };
      recorded.push(answer);
      options.onRecorded(answer);
    }
  } catch (error) {
    if (error instanceof InterruptedError) return { recorded, interrupted: error };
    throw error;
  }
  return { recorded };
}
