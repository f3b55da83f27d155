// Sitting the paper at a terminal: the exam prompt under a clock. When time runs out the open prompt is
// cancelled through the same AbortSignal as Ctrl-C and SIGTERM (combined with AbortSignal.any), and the
// last state the prompt reported is what gets scored. Ctrl-C and signals propagate as InterruptedError.

import { createExam, timeSpent, type ExamState } from "../core/exam.js";
import { isMultiAnswer } from "../core/question.js";
import { ask } from "./prompt.js";
import { examPrompt, type ExamPromptConfig } from "./exam-prompt.js";

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
  /** Time used, never more than the limit. */
  readonly usedMs: number;
  /** Per question, the time it was on screen. */
  readonly spentMs: readonly number[];
}

/** What the exam screen needs from the caller; the clock and the starting state are made here. */
export interface TakeExamOptions extends Pick<ExamPromptConfig, "questions" | "now" | "title" | "style" | "width" | "height" | "tickMs"> {
  readonly timeLimitMs: number;
  /** The session's signal: aborted by SIGINT, SIGTERM or SIGHUP. */
  readonly signal: AbortSignal;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export async function takeExam(options: TakeExamOptions): Promise<ExamRun> {
  const startedAt = options.now();
  const deadline = startedAt + options.timeLimitMs;
  const initial = createExam(
    options.questions.map((presented) => ({ options: presented.order.length, multiple: isMultiAnswer(presented.question) })),
    startedAt,
  );
  let latest = initial;
  const clock = new AbortController();
  const timer = setTimeout(() => clock.abort(new TimeUpError()), options.timeLimitMs);
  const signal = AbortSignal.any([options.signal, clock.signal]);
  const finish = (state: ExamState, ending: ExamRun["ending"]): ExamRun => {
    const endedAt = Math.min(options.now(), deadline);
    return { state, ending, usedMs: Math.max(0, endedAt - startedAt), spentMs: timeSpent(state, endedAt) };
  };
  try {
    const state = await ask(
      (context) =>
        examPrompt(
          {
            questions: options.questions,
            initial,
            deadline,
            now: options.now,
            title: options.title,
            style: options.style,
            width: options.width,
            height: options.height,
            onChange: (state) => {
              latest = state;
            },
            ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
          },
          context,
        ),
      { signal, ...(options.input && { input: options.input }), ...(options.output && { output: options.output }) },
    );
    return finish(state, "submitted");
  } catch (error) {
    if (error instanceof TimeUpError) return finish(latest, "time-up");
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
