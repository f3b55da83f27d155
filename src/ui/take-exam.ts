// Sitting the paper at a terminal: the exam prompt under a clock. When time runs out the open prompt is
// cancelled through the same AbortSignal as Ctrl-C and SIGTERM (combined with AbortSignal.any), and the
// last state the prompt reported is what gets scored. Ctrl-C asks first ("Leave the test?"); a second
// Ctrl-C, or SIGTERM/SIGHUP/SIGQUIT, leaves at once as InterruptedError. Every state change is handed
// to `record` before it is shown, with the time used so far, so a journal can make it durable.

import { InterruptedError } from "../errors.js";
import { ask } from "./prompt.js";
import { examPrompt, type ExamPromptConfig } from "./exam-prompt.js";
import { keyPrompt } from "./key-prompt.js";
import { startExamClock, TimeUpError, type ExamClockOptions, type ExamRun } from "./exam-run.js";

export { TimeUpError, type ExamRun } from "./exam-run.js";

/** What the exam screen needs from the caller; the clock and the starting state are made here. */
export interface TakeExamOptions extends Pick<ExamPromptConfig, "questions" | "now" | "title" | "style" | "width" | "height" | "tickMs">, ExamClockOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export const LEAVE_QUESTION = "Leave the test? Your answers are kept: `prelim mock --resume` goes on where you stopped. (y/n)";

export async function takeExam(options: TakeExamOptions): Promise<ExamRun> {
  const clock = startExamClock(options);
  const { deadline, signal } = clock;
  const streams = { ...(options.input && { input: options.input }), ...(options.output && { output: options.output }) };
  try {
    for (;;) {
      try {
        const state = await ask(
          (context) =>
            examPrompt(
              {
                questions: options.questions,
                initial: clock.state(),
                deadline,
                now: options.now,
                title: options.title,
                style: options.style,
                width: options.width,
                height: options.height,
                onChange: (state) => clock.change(state),
                ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
              },
              context,
            ),
          { signal, ...streams },
        );
        return clock.finish("submitted", state);
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
    if (error instanceof TimeUpError) return clock.finish("time-up");
    throw error;
  } finally {
    clock.stop();
  }
}
