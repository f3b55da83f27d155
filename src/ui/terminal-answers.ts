// Answers from the learner at a terminal. Loaded only for interactive sessions: it brings in Inquirer.

import { makeAnswer, type Answer } from "../core/answer.js";
import { isMultiAnswer } from "../core/question.js";
import type { Confidence } from "../core/scheduler.js";
import type { PresentedQuestion } from "../core/session.js";
import { answerPrompt } from "./answer-prompt.js";
import type { Style } from "../core/style.js";
import { ask } from "./prompt.js";
import { keyPrompt } from "./key-prompt.js";
import { optionLabels, questionBody, questionHeader } from "./question-view.js";
import type { Viewport } from "./viewport.js";

export interface TerminalOptions {
  readonly style: Style;
  readonly width: number;
  /** The terminal, so a question is laid out to its size and redrawn when it is resized. */
  readonly viewport?: Viewport;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  /** Ask after each right answer how sure the learner was. */
  readonly confidence: boolean;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/** Answers from the terminal: the same shape as an answer file's (commands/session/answer-loop.ts). */
/** What the key after the feedback asks for. */
export type FeedbackKey = "next" | "stop" | "suspend" | "bury" | "undo";

export interface TerminalAnswers {
  answer(presented: PresentedQuestion, position: number, total: number): Promise<Answer>;
  confidence?(): Promise<Confidence>;
  /** Waits for a key after the feedback: Enter goes on, q ends the session there, s suspends, b buries. */
  /** `last`: no question follows, so Enter goes on to the summary. */
  pause(last?: boolean): Promise<FeedbackKey>;
}

/** The keys after the feedback, said as fully as the terminal's width allows, on one line (two at 40 columns). */
export function feedbackKeysLine(width: number, last = false): string {
  const [full, short, shortest] = last ? ["the summary", "summary", "summary"] : ["next question", "next", "next"];
  const lines = [
    `Enter: ${full} · u: undo the answer · s: suspend it · b: bury it until tomorrow · q: stop`,
    `Enter: ${short} · u: undo · s: suspend · b: bury until tomorrow · q: stop`,
    `Enter ${shortest} · u undo · s suspend · b bury · q stop`,
  ];
  return lines.find((line) => line.length <= width) ?? `Enter ${shortest} · u undo · q stop\ns suspend · b bury until tomorrow`;
}

export function terminalAnswers(options: TerminalOptions): TerminalAnswers {
  const context = {
    signal: options.signal,
    ...(options.input && { input: options.input }),
    ...(options.output && { output: options.output }),
  };
  const view = { size: { width: options.width, height: 24 }, ...(options.viewport && { viewport: options.viewport }) };
  const pause = async (last = false): Promise<FeedbackKey> => {
    const key = await ask(
      (promptContext) =>
        keyPrompt(
          {
            message: options.style.dim(feedbackKeysLine(options.width, last)),
            keys: ["enter", "space", "n", "q", "s", "b", "u"],
            style: options.style,
          },
          promptContext,
        ),
      context,
    );
    const keys: Record<string, FeedbackKey> = { q: "stop", s: "suspend", b: "bury", u: "undo" };
    return keys[key] ?? "next";
  };
  const source: TerminalAnswers = {
    pause,
    answer: async (presented: PresentedQuestion, position: number, total: number) => {
      const { question } = presented;
      const message = (width: number) => `\n${questionHeader(position, total, question, options.style)}\n${questionBody(question, width, options.style)}`;
      const trueFalse = question.kind === "true-false";
      // t and f answer a true-false question whatever the order on screen (True is canonical 0).
      const keys = trueFalse ? { t: presented.order.indexOf(0), f: presented.order.indexOf(1) } : undefined;
      const started = options.now().getTime();
      const positions = await ask(
        (promptContext) =>
          answerPrompt(
            {
              message,
              options: optionLabels(presented),
              multiple: isMultiAnswer(question),
              style: options.style,
              ...view,
              ...(keys && { keys, help: "t true, f false (or a, b, ↑↓ and Enter) · Ctrl-C stops" }),
            },
            promptContext,
          ),
        context,
      );
      const ms = Math.max(0, options.now().getTime() - started);
      return makeAnswer(question, positions.map((shown) => presented.order[shown] ?? shown), { ms });
    },
  };
  if (options.confidence) {
    source.confidence = async () => {
      const choices = [
        { name: "a) I guessed", value: "guess" as const },
        { name: "b) I was unsure", value: "unsure" as const },
        { name: "c) I knew it", value: "sure" as const },
      ];
      const picked = await ask(
        (promptContext) =>
          answerPrompt({ message: options.style.dim("How sure were you?"), options: choices.map((choice) => choice.name), multiple: false, style: options.style, ...view }, promptContext),
        context,
      );
      return (choices[picked[0] ?? 1]?.value ?? "unsure") satisfies Confidence;
    };
  }
  return source;
}
