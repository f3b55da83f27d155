// Sitting the paper at a terminal: the exam prompt under a clock. When time runs out the open prompt is
// cancelled through the same AbortSignal as Ctrl-C and SIGTERM (combined with AbortSignal.any), and the
// last state the prompt reported is what gets scored. Ctrl-C asks first ("Leave the test?"); a second
// Ctrl-C, or SIGTERM/SIGHUP/SIGQUIT, leaves at once as InterruptedError. Every state change is handed
// to `record` before it is shown, with the time used so far, so a journal can make it durable.

import { createExam, timeSpent, type ExamState } from "../core/exam.js";
import { isMultiAnswer } from "../core/question.js";
import { InterruptedError } from "../errors.js";
import { ask } from "./prompt.js";
import { examPrompt, type ExamPromptConfig } from "./exam-prompt.js";
import { keyPrompt } from "./key-prompt.js";

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

/** What the exam screen needs from the caller; the clock and the starting state are made here. */
export interface TakeExamOptions extends Pick<ExamPromptConfig, "questions" | "now" | "title" | "style" | "width" | "height" | "tickMs"> {
  readonly timeLimitMs: number;
  /** The session's signal: aborted by SIGINT from outside, SIGTERM, SIGHUP or SIGQUIT. */
  readonly signal: AbortSignal;
  /** Where a resumed attempt stood, and the time it had used: the clock goes on from there. */
  readonly resume?: { readonly state: ExamState; readonly usedMs: number };
  /** Every new state, with the time used; also every second, so the clock survives a kill. */
  readonly record?: (state: ExamState, usedMs: number) => void;
  /** How often the time used is recorded while nothing changes. */
  readonly recordEveryMs?: number;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export const LEAVE_QUESTION = "Leave the test? Your answers are kept: `prelim mock --resume` goes on where you stopped. (y/n)";

export async function takeExam(options: TakeExamOptions): Promise<ExamRun> {
  const startedAt = options.now();
  const usedBefore = options.resume?.usedMs ?? 0;
  const deadline = startedAt + Math.max(0, options.timeLimitMs - usedBefore);
  const usedAt = (at: number) => Math.min(options.timeLimitMs, usedBefore + Math.max(0, at - startedAt));
  let latest =
    options.resume?.state ??
    createExam(
      options.questions.map((presented) => ({ options: presented.order.length, multiple: isMultiAnswer(presented.question) })),
      startedAt,
    );
  const clock = new AbortController();
  const timer = setTimeout(() => clock.abort(new TimeUpError()), deadline - startedAt);
  const ticker = options.record === undefined ? undefined : setInterval(() => options.record?.(latest, usedAt(options.now())), options.recordEveryMs ?? 1_000);
  const signal = AbortSignal.any([options.signal, clock.signal]);
  const streams = { ...(options.input && { input: options.input }), ...(options.output && { output: options.output }) };
  const finish = (state: ExamState, ending: ExamRun["ending"]): ExamRun => {
    const endedAt = Math.min(options.now(), deadline);
    return { state, ending, usedMs: usedAt(endedAt), spentMs: timeSpent(state, endedAt) };
  };
  try {
    for (;;) {
      try {
        const state = await ask(
          (context) =>
            examPrompt(
              {
                questions: options.questions,
                initial: latest,
                deadline,
                now: options.now,
                title: options.title,
                style: options.style,
                width: options.width,
                height: options.height,
                onChange: (state) => {
                  options.record?.(state, usedAt(options.now()));
                  latest = state;
                },
                ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
              },
              context,
            ),
          { signal, ...streams },
        );
        return finish(state, "submitted");
      } catch (error) {
        // Ctrl-C at the keyboard (not a signal from outside, which aborts the session) asks first.
        if (!(error instanceof InterruptedError) || error.signal !== "SIGINT" || options.signal.aborted) throw error;
        const answer = await ask((context) => keyPrompt({ message: options.style.yellow(LEAVE_QUESTION), keys: ["y", "n", "escape", "enter"], style: options.style }, context), {
          signal,
          ...streams,
        });
        if (answer === "y") throw error;
      }
    }
  } catch (error) {
    if (error instanceof TimeUpError) return finish(latest, "time-up");
    throw error;
  } finally {
    clearTimeout(timer);
    if (ticker !== undefined) clearInterval(ticker);
  }
}
