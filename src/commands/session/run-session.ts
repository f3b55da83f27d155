// Runs a practice or review session end to end once its questions are chosen: answers from the
// terminal or a file, each recorded as it is given, feedback or TAP lines as they are recorded, a summary
// at the end (a partial one when interrupted), progress saved in every case.

import type { Question } from "../../core/question.js";
import type { SessionMode } from "../../core/review.js";
import { presentQuestion } from "../../core/session.js";
import { nextReviewText } from "../../core/relative-day.js";
import { sanitizeLine } from "../../core/sanitize.js";
import { answerFromFile, noneDrawnWarning } from "../../core/answer-file.js";
// From tap.js, not index.js: a session's TAP lines need no other reporter (the bundle would load them all).
import { tapComment, tapHeader, tapLine, tapPlan } from "../../report/tap.js";
import { fitLines } from "../../report/text.js";
import { isItemKey } from "../../core/statement-memory.js";
import type { ProgressStore } from "../../store/progress-store.js";
import { makeStyle, type Style } from "../../ui/color.js";
import { trapSignals } from "../../ui/interrupts.js";
import { requireTerminal } from "../../ui/require-terminal.js";
import { feedback } from "../../ui/question-view.js";
import { EXIT, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import type { Io } from "../../io.js";
import { runAnswerLoop } from "./answer-loop.js";
import type { AnswerSource, RecordedAnswer } from "./answer-loop.js";
import { openAnswerFile } from "./answer-file.js";
import { closeStore } from "./open-store.js";
import { changeQueue } from "./queue-controls.js";
import type { SessionOptions } from "./options.js";
import { jsonSummary, prettySummary } from "../../report/session.js";
import { screenSize, textWidth } from "../../ui/text-width.js";
import { shouldPause } from "../../ui/pause-after-feedback.js";

export type SessionReporter = "pretty" | "json" | "tap";

export interface SessionRunOptions extends SessionOptions {
  readonly reporter?: SessionReporter;
  readonly confidence?: boolean;
}

export interface SessionPlan {
  readonly mode: SessionMode;
  readonly questions: readonly Question[];
  readonly seed: number;
  /**
   * Every question of the banks the session was drawn from. An answer file written for a whole bank
   * names questions this session did not pick; those are not mistakes and get no warning.
   */
  readonly pool?: readonly Question[];
  /** A cram (practice --missed, review --due-ahead): the setting cramReschedules decides its effect. */
  readonly cram?: boolean;
}

/** --reporter, else TAP for a scripted run without a terminal, else pretty. */
export function sessionReporter(options: SessionRunOptions, io: Io): SessionReporter {
  return options.reporter ?? (options.answers !== undefined && !io.stdout.isTTY ? "tap" : "pretty");
}

/** Fails before anything is shown when a session could only hang: no terminal and no answers. */
export function checkCanRun(options: SessionRunOptions, context: Context, what: string): void {
  if (options.answers === undefined && !context.lineMode) requireTerminal(context.noTerminal, what);
}

export async function runSession(plan: SessionPlan, store: ProgressStore, options: SessionRunOptions, context: Context): Promise<number> {
  const { io } = context;
  const reporter = sessionReporter(options, io);
  const style = await makeStyle(context.color && reporter === "pretty");
  const width = textWidth(io.stdout);
  const presented = plan.questions.map((question) => presentQuestion(question, plan.seed));

  let opened: OpenedSource | undefined;
  try {
    opened = await answerSource(plan, options, context, { style, width });
    const { source, warnings } = opened;
    if (reporter === "tap") io.stdout.write(tapHeader() + tapComment(`seed ${plan.seed}`));
    let testPoints = 0;
    const pauseSetting = store.settings.get("pauseAfterFeedback");
    const onRecorded = async (answer: RecordedAnswer): Promise<void | "stop" | "undo"> => {
      const leech = leechNotice(answer, store, context);
      if (leech !== undefined && reporter !== "pretty") io.stderr.write(`prelim: ${answer.entry.key}: ${leech}\n`);
      if (reporter === "tap") {
        io.stdout.write(tapLine(++testPoints, { ...answer.answer, outcome: answer.correct ? "correct" : "wrong" }));
      } else if (reporter === "pretty") {
        // Laid out to the terminal as it is now: it may have been resized since the session began.
        const screen = screenSize(io.stdout, { width, height: 24 });
        // The card as the scheduler left it when it recorded this answer: when it comes back.
        const card = store.card(answer.entry.key);
        const next = card === undefined ? undefined : nextReviewText(new Date(card.due), io.now());
        const text = feedback(answer.presented, answer.correct, screen.width, style, next) + (leech === undefined ? "" : `\n${style.yellow(leech)}`);
        io.stdout.write(`${text}\n`);
        if (source.pause && shouldPause(pauseSetting, text.split("\n").length, presented[answer.position], screen)) {
          const key = await source.pause(presented[answer.position] === undefined);
          if (key === "stop") return "stop";
          if (key === "undo") {
            io.stdout.write(style.dim(`Undone: the answer is taken back and the question asked again.\n`));
            return "undo";
          }
          if (key === "suspend" || key === "bury") {
            changeQueue(context, key, [answer.entry.key]);
            io.stdout.write(style.dim(key === "suspend" ? `Suspended ${answer.entry.key}: prelim unsuspend ${answer.entry.key} brings it back.\n` : `Buried ${answer.entry.key} until tomorrow.\n`));
          }
        }
      }
    };
    const reschedule = !plan.cram || store.settings.get("cramReschedules") === "true";
    const result = await runAnswerLoop(presented, source, { mode: plan.mode, reschedule, store, now: () => io.now(), onRecorded, undoable: source.pause !== undefined });
    if (result.failure !== undefined) {
      // The answer that failed is the error to tell, not whatever closing then runs into.
      closeQuietly(store);
      const saved = result.recorded.length;
      throw new UserError(
        `${result.failure.message.replace(/\.?$/, ".")} That answer was not saved; ${saved === 0 ? "no answer was given before it" : `the ${saved === 1 ? "answer" : `${saved} answers`} before it ${saved === 1 ? "is" : "are"} saved`}.`,
        result.failure.exitCode,
        { cause: result.failure },
      );
    }
    try {
      closeStore(store, context);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // Only the snapshot failed: every answer is in the log, and the next open rebuilds from it.
      throw new UserError(`${error.message} Your ${result.recorded.length === 1 ? "answer is" : `${result.recorded.length} answers are`} saved in the review log all the same.`, error.exitCode, { cause: error });
    }

    const interrupted = result.interrupted !== undefined;
    if (reporter === "tap") io.stdout.write(tapPlan(result.recorded.length));
    else if (reporter === "json") io.stdout.write(jsonSummary(result.recorded, { mode: plan.mode, seed: plan.seed, interrupted, warnings }));
    else io.stdout.write(prettySummary(result.recorded, { interrupted, style, width }));
    if (reporter === "pretty" && !interrupted && plan.questions.length > 0) {
      io.stdout.write(`${fitLines([`Seed ${plan.seed}: run again with --seed ${plan.seed} for the same questions.`], width).map((line) => style.dim(line)).join("\n")}\n`);
    }
    // Everything answered is saved and summarised; main.ts turns the interrupt into 128 + the signal.
    if (result.interrupted) throw result.interrupted;
    const unanswered = plan.questions.length - result.recorded.length;
    if (options.requireAnswers && options.answers !== undefined && unanswered > 0) {
      io.stderr.write(`prelim: ${unanswered} of ${plan.questions.length} questions were not answered by the answer file (--require-answers)\n`);
      return EXIT.no;
    }
    return EXIT.ok;
  } finally {
    opened?.dispose();
    // Closing twice is safe; this covers an error thrown before the normal close, which it must not hide.
    closeQuietly(store);
  }
}

/**
 * A question answered wrong for the leechThreshold-th time is a leech, as in Anki: said at once, and with
 * leechAction suspend kept out of the queue. Counted from the store's tallies, which include this answer.
 */
function leechNotice(answer: RecordedAnswer, store: ProgressStore, context: Context): string | undefined {
  // A statement check is no question to rewrite: stats lists the statements misjudged most instead.
  if (answer.correct || isItemKey(answer.entry.key)) return undefined;
  const tally = store.tally(answer.entry.key);
  const threshold = store.settings.get("leechThreshold");
  if (tally === undefined || tally.answers - tally.correct !== threshold) return undefined;
  const suspend = store.settings.get("leechAction") === "suspend";
  if (suspend) changeQueue(context, "suspend", [answer.entry.key], "leech");
  return `This question has been missed ${threshold} times: it is now a leech${suspend ? " and is suspended" : ""}. Rewrite it or study its source.`;
}

function closeQuietly(store: ProgressStore): void {
  try {
    store.close();
  } catch {
    // An error is already on its way to the user, or the store was closed already.
  }
}

interface OpenedSource {
  readonly source: AnswerSource;
  readonly warnings: readonly string[];
  /** Undoes what opening it set up (the signal handlers of an interactive session). */
  readonly dispose: () => void;
}

async function answerSource(plan: SessionPlan, options: SessionRunOptions, context: Context, view: { style: Style; width: number }): Promise<OpenedSource> {
  const { io } = context;
  if (options.answers !== undefined) {
    const matched = await openAnswerFile(options.answers, plan.pool ?? plan.questions, context);
    const noneDrawn = noneDrawnWarning(matched, plan.questions);
    const warnings = noneDrawn === undefined ? matched.warnings : [...matched.warnings, noneDrawn];
    for (const warning of warnings) io.stderr.write(`prelim: warning: ${sanitizeLine(warning)}\n`);
    // A question the file does not answer is skipped, not recorded as unanswered.
    const source: AnswerSource = { answer: async (presented) => (matched.chosen.has(presented.question.key) ? answerFromFile(matched, presented.question) : undefined) };
    return { source, warnings, dispose: () => {} };
  }
  // Signals are trapped only around prompts. A scripted run keeps Node's default (the process ends at
  // once): every answer it printed is already on disk, and a trap would leave nothing to stop a read of
  // --answers - that is waiting on stdin.
  const signals = trapSignals();
  if (context.lineMode) {
    const { lineAnswers } = await import("../../ui/line-answers.js");
    const lines = lineAnswers({ ...view, input: io.stdin, write: (text) => io.stdout.write(text), signal: signals.signal, now: () => io.now() });
    return { source: lines.source, warnings: [], dispose: () => (lines.close(), signals.dispose()) };
  }
  const { terminalAnswers } = await import("../../ui/terminal-answers.js");
  const source = terminalAnswers({ ...view, viewport: io.stdout, signal: signals.signal, now: () => io.now(), confidence: Boolean(options.confidence) });
  return { source, warnings: [], dispose: signals.dispose };
}
