// The mock test on a terminal that cannot move the cursor (TERM=dumb: Emacs shell, some IDE consoles):
// the paper one question at a time as plain lines, the clock in each question's header, commands typed
// and sent with Enter. The same exam state as the full screen (core/exam.ts), handed to `record` before
// anything is shown, so the journal keeps it and `prelim mock --resume` goes on from it. When time runs
// out the read waiting is cancelled and the answers given are submitted, as on the full screen.

import { choose, clearAnswer, clockText, examCounts, goTo, isLast, next, previous, questionIndexOf, questionState, remainingMs, toggleMark, type ExamState } from "../core/exam.js";
import { isMultiAnswer, letterOf } from "../core/question.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { InterruptedError } from "../errors.js";
import { parseTyped, questionLines } from "./line-answers.js";
import { wrap } from "./question-view.js";
import { lineReader } from "./line-reader.js";
import { startExamClock, TimeUpError, type ExamClockOptions, type ExamRun } from "./exam-run.js";

/** The signal is the session's: Ctrl-C arrives as SIGINT, the line discipline being cooked. */
export interface LineExamOptions extends ExamClockOptions {
  readonly title: string;
  readonly style: Style;
  readonly width: number;
  readonly input: NodeJS.ReadableStream;
  readonly write: (text: string) => void;
}

export const LINE_EXAM_HELP =
  "Type an answer (a number or letter) to answer and go on; Enter goes on without one; p goes back; g 12 goes to question 12; m marks for review; x clears the answer; r shows the question again; l lists the questions; s submits. Where a letter is also an option, the word works: back, mark, clear, show, list, submit.";

/** What a typed line asks the exam to do. */
export type LineCommand =
  | { readonly kind: "answer"; readonly positions: readonly number[] }
  | { readonly kind: "next" | "previous" | "mark" | "clear" | "show" | "list" | "submit" | "help" }
  | { readonly kind: "go"; readonly index: number }
  | { readonly kind: "unknown"; readonly typed: string };

// The keys of the full screen where they can be (x clears, as there); each also as a word, which a
// question with many options (m, p, s… as its letters) still leaves free.
const COMMANDS: Record<string, LineCommand["kind"]> = {
  p: "previous", back: "previous", m: "mark", mark: "mark", x: "clear", clear: "clear", r: "show", show: "show",
  l: "list", list: "list", s: "submit", submit: "submit", "?": "help", help: "help",
};

/** Reads one typed line against the question on screen (positions as shown, 0-based). An option comes first. */
export function lineCommand(typed: string, state: ExamState, presented: PresentedQuestion): LineCommand {
  const text = typed.trim().toLowerCase();
  if (text === "") return { kind: "next" };
  const trueFalse = presented.question.kind === "true-false" ? { t: presented.order.indexOf(0), f: presented.order.indexOf(1) } : undefined;
  const positions = parseTyped(text, presented.order.length, { multiple: isMultiAnswer(presented.question), ...(trueFalse && { trueFalse }) });
  if (positions !== undefined) return { kind: "answer", positions };
  const word = COMMANDS[text];
  if (word !== undefined) return { kind: word } as LineCommand;
  const go = /^g\s*(\d+)$/.exec(text);
  const index = go ? questionIndexOf(state, go[1] ?? "") : undefined;
  return index === undefined ? { kind: "unknown", typed } : { kind: "go", index };
}

/** Text wrapped to the width, as lines ending in a newline. */
function lines(text: string, width: number): string {
  return `${wrap(text, width).join("\n")}\n`;
}

/** The answer given as canonical indexes replaces the question's answer. */
function answered(state: ExamState, canonical: readonly number[]): ExamState {
  return canonical.reduce((current, option) => choose(current, option), clearAnswer(state));
}

const MARK: Record<ReturnType<typeof questionState>, string> = { "not-visited": "·", "not-answered": "-", answered: "✓", marked: "?", "answered-marked": "✓?" };

/** Every question's number and state, in rows that fit the width: "1 ✓  2 -  3 ?". */
function listing(state: ExamState, width: number): string {
  const cells = state.questions.map((_, index) => `${index + 1} ${MARK[questionState(state, index)]}`.padEnd(7));
  const perRow = Math.max(1, Math.floor(width / 7));
  const rows: string[] = [];
  for (let start = 0; start < cells.length; start += perRow) rows.push(cells.slice(start, start + perRow).join("").trimEnd());
  return `${rows.join("\n")}\n(✓ answered, - seen, ? marked, · not seen)\n`;
}

function submitQuestion(state: ExamState): string {
  const counts = examCounts(state);
  const parts = [counts.unanswered > 0 && `${counts.unanswered} unanswered`, counts.markedTotal > 0 && `${counts.markedTotal} marked for review`].filter(Boolean);
  return `Submit the test${parts.length > 0 ? ` with ${parts.join(" and ")}` : ""}? (y/n) `;
}

export async function takeExamInLines(options: LineExamOptions): Promise<ExamRun> {
  const { style, write } = options;
  const clock = startExamClock(options);
  const { deadline } = clock;
  const reader = lineReader(options.input, write, clock.signal);
  let state = clock.state();
  const change = (to: ExamState) => {
    clock.change(to);
    state = to;
  };

  try {
    write(`${style.bold(options.title)}: ${options.questions.length} questions, ${clockText(remainingMs(deadline, options.now()))} left.\n${lines(LINE_EXAM_HELP, options.width)}`);
    let shown = -1;
    for (;;) {
      const presented = options.questions[state.current];
      if (presented === undefined) return clock.finish("submitted");
      if (shown !== state.current) {
        const marked = state.marked[state.current] ? " · marked" : "";
        const header = style.bold(`Question ${state.current + 1} of ${options.questions.length} · ${clockText(remainingMs(deadline, options.now()))} left${marked}`);
        write(questionLines(presented, state.current + 1, options.questions.length, { style, width: options.width, header }));
        shown = state.current;
      }
      const given = (state.answers[state.current] ?? []).map((canonical) => letterOf(presented.order.indexOf(canonical)));
      const answer = presented.question.kind === "true-false" ? "t/f" : "answer";
      // The keys said as fully as the width allows; ? lists them all anyway.
      const keys = options.width >= 60 ? `${answer}, Enter, p, g N, m, x, l, s (? for help)` : `${answer}, Enter, ? for help`;
      const typed = await reader.read(`${given.length > 0 ? `Answer (${given.join(", ")}); ` : ""}${keys}: `);
      // The end of input (Ctrl-D, the terminal gone) is a hang-up: the test is left, its answers kept.
      if (typed === undefined) throw new InterruptedError("SIGHUP");
      const command = lineCommand(typed, state, presented);
      switch (command.kind) {
        case "answer":
          change(answered(state, command.positions.map((shownAt) => presented.order[shownAt] ?? shownAt)));
          if (!isLast(state)) change(next(state, options.now()));
          else write("That was the last question: s submits, p goes back, g N goes to a question.\n");
          break;
        case "next":
          if (isLast(state)) write("This is the last question: s submits, p goes back, g N goes to a question.\n");
          else change(next(state, options.now()));
          break;
        case "previous":
          if (state.current === 0) write("This is the first question.\n");
          else change(previous(state, options.now()));
          break;
        case "go":
          if (command.index === state.current) shown = -1;
          else change(goTo(state, command.index, options.now()));
          break;
        case "show":
          shown = -1;
          break;
        case "mark":
          change(toggleMark(state));
          write(state.marked[state.current] ? "Marked for review.\n" : "Mark removed.\n");
          break;
        case "clear":
          if ((state.answers[state.current] ?? []).length === 0) write("There is no answer to clear.\n");
          else {
            change(clearAnswer(state));
            write("Answer cleared.\n");
          }
          break;
        case "list":
          write(listing(state, options.width));
          break;
        case "help":
          write(lines(LINE_EXAM_HELP, options.width));
          break;
        case "submit": {
          const sure = await reader.read(submitQuestion(state));
          if (sure === undefined) throw new InterruptedError("SIGHUP");
          if (/^y(es)?$/i.test(sure.trim())) return clock.finish("submitted");
          shown = -1;
          break;
        }
        case "unknown":
          write(lines(`"${command.typed.trim()}" is not an answer or a command here: ? lists the commands.`, options.width));
      }
    }
  } catch (error) {
    if (error instanceof TimeUpError) return clock.finish("time-up");
    throw error;
  } finally {
    clock.stop();
    reader.close();
  }
}

