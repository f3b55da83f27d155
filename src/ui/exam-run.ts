// What sitting the paper ends with, on the full screen (take-exam.ts) or in line mode (line-exam.ts).
// Apart from both so that line mode, which needs no Inquirer, does not load it to name these.

import { createExam, timeSpent, type ExamState } from "../core/exam.js";
import { isMultiAnswer } from "../core/question.js";
import type { PresentedQuestion } from "../core/session.js";

/** The reason the exam's signal aborts when time runs out. */
export class TimeUpError extends Error {
  override readonly name = "TimeUpError";
  constructor() {
    super("the time for the test ran out");
  }
}

export interface ExamRun {
  readonly state: ExamState;
  readonly ending: "submitted" | "time-up";
  /** Time used, never more than the limit, across every sitting of the attempt. */
  readonly usedMs: number;
  /** Per question, the time it was on screen. */
  readonly spentMs: readonly number[];
}

/** What both ways of sitting the paper take to run its clock. */
export interface ExamClockOptions {
  readonly questions: readonly PresentedQuestion[];
  readonly timeLimitMs: number;
  readonly now: () => number;
  /** The session's signal: aborted by SIGINT from outside, SIGTERM, SIGHUP or SIGQUIT. */
  readonly signal: AbortSignal;
  /** Where a resumed attempt stood, and the time it had used: the clock goes on from there. */
  readonly resume?: { readonly state: ExamState; readonly usedMs: number };
  /** Every new state, with the time used; also every second, so the clock survives a kill. */
  readonly record?: (state: ExamState, usedMs: number) => void;
  /** How often the time used is recorded while nothing changes. */
  readonly recordEveryMs?: number;
}

export interface ExamClock {
  readonly deadline: number;
  /** The session's signal, aborted with TimeUpError too when time runs out, or with the error of a record that failed. */
  readonly signal: AbortSignal;
  /** The state now: the resumed one or a new exam until `change` is called. */
  state(): ExamState;
  /** A new state: recorded (journaled) first, then kept. */
  change(state: ExamState): void;
  /** The run as it ends: with the last state kept, or the one given (the prompt's answer). */
  finish(ending: ExamRun["ending"], state?: ExamState): ExamRun;
  stop(): void;
}

/**
 * The paper's clock, from the time left (a resumed attempt goes on with what it had) to a deadline,
 * a timer that aborts the signal at it, and the time used recorded every second with the state.
 */
export function startExamClock(options: ExamClockOptions): ExamClock {
  const startedAt = options.now();
  const usedBefore = options.resume?.usedMs ?? 0;
  const deadline = startedAt + Math.max(0, options.timeLimitMs - usedBefore);
  const usedAt = (at: number) => Math.min(options.timeLimitMs, usedBefore + Math.max(0, at - startedAt));
  let latest =
    options.resume?.state ??
    createExam(options.questions.map((presented) => ({ options: presented.order.length, multiple: isMultiAnswer(presented.question) })), startedAt);
  const clock = new AbortController();
  const timer = setTimeout(() => clock.abort(new TimeUpError()), deadline - startedAt);
  const tick = () => {
    try {
      options.record?.(latest, usedAt(options.now()));
    } catch (error) {
      // A journal that cannot be written (a full disk) ends the sitting with its error, through the
      // signal as time running out does; thrown from a timer it would end the process with a stack trace.
      clearInterval(ticker);
      clock.abort(error);
    }
  };
  const ticker = options.record === undefined ? undefined : setInterval(tick, options.recordEveryMs ?? 1_000);
  return {
    deadline,
    signal: AbortSignal.any([options.signal, clock.signal]),
    state: () => latest,
    change(state) {
      options.record?.(state, usedAt(options.now()));
      latest = state;
    },
    finish(ending, state = latest) {
      const endedAt = Math.min(options.now(), deadline);
      return { state, ending, usedMs: usedAt(endedAt), spentMs: timeSpent(state, endedAt) };
    },
    stop() {
      clearTimeout(timer);
      if (ticker !== undefined) clearInterval(ticker);
    },
  };
}
