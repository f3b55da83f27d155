// prelim mock [banks…]: a timed mock test scored like the UPSC paper. Answers come from the terminal (the
// exam screen, no feedback until submit) or from an answer file (CI). After submit: the attempt and its
// review-log entries saved, then the scorecard or a report. An attempt stopped before submit (Ctrl-C, a
// signal) is not scored and records nothing.

import { makeAnswer } from "../../core/answer.js";
import { answerFromFile, noneDrawnWarning } from "../../core/answer-file.js";
import { finishAttempt, previousAttempt, type FinishedAttempt, type Sitting } from "../../core/attempt.js";
import { buildPaper, type Paper } from "../../core/paper.js";
import type { Question } from "../../core/question.js";
import type { MockResult } from "../../core/scoring.js";
import { sanitizeLine } from "../../core/sanitize.js";
import { EXIT, InterruptedError, UsageError, UserError } from "../../errors.js";
import { JOURNAL_VERSION, journalState, type NewJournalHeader } from "../../core/attempt-journal.js";
import type { ExamState } from "../../core/exam.js";
import { attemptId, newJournal, removeJournal, unrecordedJournal, type OpenJournal, type UnfinishedAttempt } from "../../store/mock-journal.js";
import { discardAttempt, reopenAttempt, splitResumeArgument, unfinishedNotice } from "./resume.js";
import type { Context } from "../../context.js";
import type { ReporterName } from "../../report/names.js";
import { fitLines } from "../../report/text.js";
import { appendAttempt, attemptsFile, readAttempts } from "../../store/attempts.js";
import { resolveOutput, writeReportFile, type OutputTarget } from "../../store/output-file.js";
import type { ProgressStore } from "../../store/progress-store.js";
import { makeStyle } from "../../ui/color.js";
import { trapSignals } from "../../ui/interrupts.js";
import { requireTerminal } from "../../ui/require-terminal.js";
import { textHeight, textWidth } from "../../ui/text-width.js";
import type { Mistake } from "../../ui/review-mistakes.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { closeStore, openStoreWithJournals } from "../session/open-store.js";
import { chooseReporter, parseMockOptions, type MockOptions, type MockSettings } from "./options.js";

export type { MockOptions } from "./options.js";

// The history, the reporters and answer files are imported where they are used, after the test: the
// first question of a test at a terminal needs none of them.

export async function mock(args: readonly string[], options: MockOptions, context: Context): Promise<number> {
  if (options.history) return (await import("./history.js")).showHistory(args, options, context);
  if (options.discard !== undefined) return discardAttempt(splitResumeArgument(options.discard, args).which, context);
  const { io } = context;
  const settings = parseMockOptions(options);
  const scripted = options.answers !== undefined;
  // TERM=dumb sits the test in line mode (ui/line-exam.ts); anything else without a terminal needs answers.
  if (!scripted && !context.lineMode) requireTerminal(context.noTerminal, "A mock test");
  const output = options.output === undefined ? undefined : resolveOutput(options.output, io.cwd, context.dataDir);

  if (options.resume !== undefined) {
    if (scripted) throw new UsageError("--resume goes on with a test at a terminal; it takes no --answers");
    const { which, args: banks } = splitResumeArgument(options.resume, args);
    return sitAndSubmit(settings, output, context, (unfinished) => reopenAttempt(which, banks, unfinished, context));
  }

  const { banks, questions } = await loadSessionBanks(args, context);
  const paper = buildPaper(banks, settings, settings.seed ?? io.randomSeed());
  if (settings.count !== undefined && settings.count > paper.pool) {
    io.stderr.write(`prelim: only ${paper.pool} questions match, so the paper has ${paper.pool}\n`);
  }
  if (scripted && settings.seed === undefined) io.stderr.write(`prelim: seed ${paper.seed}\n`);
  return sitAndSubmit(settings, output, context, async (unfinished) => {
    if (!scripted) mentionUnfinished(unfinished, context);
    return { paper, ...(options.answers !== undefined && { answers: { file: options.answers, questions } }) };
  });
}

interface Sit {
  readonly paper: Paper;
  /** Scripted: the answer file, matched against every question of the banks. */
  readonly answers?: { readonly file: string; readonly questions: readonly Question[] };
  /** Resumed: the journal to go on writing, and where the attempt stood. */
  readonly journal?: OpenJournal;
  readonly resume?: { readonly state: ExamState; readonly usedMs: number };
}

/**
 * Opens the store, then sits the paper `begin` gives with the journals of mocks in progress as the
 * store left them: read once, after any submission cut short was completed, so that --resume never
 * offers an attempt already submitted. `begin` gives nothing when there is nothing to sit (--resume
 * listed several attempts).
 */
async function sitAndSubmit(
  settings: MockSettings,
  output: OutputTarget | undefined,
  context: Context,
  begin: (unfinished: readonly UnfinishedAttempt[]) => Promise<Sit | undefined>,
): Promise<number> {
  const { io } = context;
  // Opened first, so a data folder that cannot be written stops the test before it starts, not after.
  const { store, unfinished } = openStoreWithJournals(context);
  let journal: OpenJournal | undefined;
  let closed = false;
  try {
    const sit = await begin(unfinished());
    if (sit === undefined) {
      closed = true;
      closeStore(store, context);
      return EXIT.ok;
    }
    const { paper } = sit;
    const scripted = sit.answers !== undefined;
    const header = journalHeader(paper, io.now(), scripted);
    // A new attempt's journal is created at its first change, after the first screen (mock-journal.ts).
    journal = sit.journal ?? (context.record ? newJournal(context.dataDir, header) : unrecordedJournal(header.id));
    const sitting = sit.answers !== undefined ? await sittingFromFile(sit.answers.file, paper, sit.answers.questions, context) : await sitAtTerminal(paper, context, journal, sit.resume);
    // On disk before the attempt is saved, so that a submission cut short is completed on the next
    // open; and its id, which the attempt takes, is final once it is.
    journal.start();
    const finished = finish(paper, sitting, settings, journal.id, context);
    const saveError = submit(finished, journal, store, context);
    closed = true;
    if (scripted) await report(finished.result, chooseReporter(settings.reporter, output?.name, io.stdout.isTTY), output, context);
    else await scorecard(finished.result, paper, settings, output, context);
    if (saveError !== undefined) throw saveError;
    // The walk is a full screen; in line mode the scorecard above lists what was wrong.
    if (!scripted && !context.lineMode) await walkMistakes(finished.result, paper, context);
    if (settings.requireAnswers && scripted && finished.result.unanswered > 0) {
      io.stderr.write(`prelim: ${finished.result.unanswered} of ${finished.result.questions.length} questions were not answered by the answer file (--require-answers)\n`);
      return EXIT.no;
    }
    return finished.result.passed === false ? EXIT.no : EXIT.ok;
  } finally {
    journal?.close();
    // After a failed submit the store was closed, or its close failed: that first error is the one told.
    if (!closed) closeQuietly(store);
  }
}

function closeQuietly(store: ProgressStore): void {
  try {
    store.close();
  } catch {
    // An error is already on its way to the user; this one would only hide it.
  }
}

function journalHeader(paper: Paper, now: Date, scripted: boolean): NewJournalHeader {
  return {
    type: "start",
    v: JOURNAL_VERSION,
    id: attemptId(now, paper.seed),
    startedAt: now.toISOString(),
    seed: paper.seed,
    banks: paper.banks,
    title: paperTitle(paper),
    timeLimitMs: paper.timeLimitMs,
    marking: paper.marking,
    questions: paper.presented.map((presented) => ({ key: presented.question.key, order: presented.order })),
    scripted,
  };
}

function finish(paper: Paper, sitting: Sitting, settings: MockSettings, id: string, context: Context): FinishedAttempt {
  const history = readAttempts(context.dataDir);
  if (history.skipped > 0) context.io.stderr.write(`prelim: ${history.skipped} unreadable line(s) in ${attemptsFile(context.dataDir)} were skipped\n`);
  const previous = previousAttempt(history.attempts, paper.banks);
  return finishAttempt(paper, sitting, context.io.now(), id, { ...(settings.passMark && { passMark: settings.passMark }), ...(previous && { previous }) });
}

/**
 * Saves the attempt as one unit, before the scorecard is shown: the attempt first, then its review-log
 * entries (each naming the attempt), then the journal goes. A crash between the steps is completed on
 * the next open (completeSubmissions). The first failure stops the rest and is returned, saying exactly
 * what was saved, so the scorecard is still shown, then the error.
 */
function submit(finished: FinishedAttempt, journal: OpenJournal, store: ProgressStore, context: Context): UserError | undefined {
  const scripted = finished.attempt.scripted;
  // --no-record: scored and reported, nothing kept.
  if (!context.record) return undefined;
  try {
    appendAttempt(context.dataDir, finished.attempt);
  } catch (error) {
    closeQuietly(store);
    const kept = scripted ? "" : " Your answers are kept: `prelim mock --resume` shows the test again to submit it.";
    return new UserError(`${describe(error)} The score above was not saved, and no answer went to spaced repetition.${kept}`, EXIT.usage, { cause: error });
  }
  let recorded = 0;
  try {
    // One write and one fsync for all of them (100 fsyncs were most of a scripted mock's time): either
    // all reach the log or none, and the next open completes the attempt either way.
    store.recordAll(finished.entries);
    recorded = finished.entries.length;
    closeStore(store, context);
    journal.close();
    removeJournal(journal);
    return undefined;
  } catch (error) {
    closeQuietly(store);
    return new UserError(
      `${describe(error)} The attempt and its score were saved; ${recorded} of ${finished.entries.length} answers reached spaced repetition, and the rest are added the next time prelim runs.`,
      EXIT.usage,
      { cause: error },
    );
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** "1 unfinished mock from yesterday: prelim mock --resume", before a new one starts. */
function mentionUnfinished(journals: readonly UnfinishedAttempt[], context: Context): void {
  const line = unfinishedNotice(journals, context.io.now());
  if (line !== undefined) context.io.stderr.write(`prelim: ${line}\n`);
}

/** An answer file is matched against every question of the banks; the paper keeps its own, in order. */
async function sittingFromFile(source: string, paper: Paper, bankQuestions: readonly Question[], context: Context): Promise<Sitting> {
  const { openAnswerFile } = await import("../session/answer-file.js");
  const matched = await openAnswerFile(source, bankQuestions, context);
  const noneDrawn = noneDrawnWarning(matched, paper.questions);
  const warnings = noneDrawn === undefined ? matched.warnings : [...matched.warnings, noneDrawn];
  return { answers: paper.questions.map((question) => answerFromFile(matched, question)), warnings, scripted: true };
}

function terminalSize(context: Context): { width: number; height: number } {
  const { stdout } = context.io;
  return { width: textWidth(stdout), height: textHeight(stdout) };
}

function paperTitle(paper: Paper): string {
  const [first] = paper.banks;
  return `Mock test · ${paper.banks.length === 1 && first ? sanitizeLine(first) : `${paper.banks.length} banks`}`;
}

async function sitAtTerminal(paper: Paper, context: Context, journal: OpenJournal, resume?: { state: ExamState; usedMs: number }): Promise<Sitting> {
  const { io } = context;
  const style = await makeStyle(context.color);
  const signals = trapSignals();
  try {
    const sitting = {
      questions: paper.presented,
      timeLimitMs: paper.timeLimitMs,
      signal: signals.signal,
      now: () => io.now().getTime(),
      ...(resume && { resume }),
      record: (state: ExamState, usedMs: number) => journal.write(journalState(state, usedMs, io.now(), io.now().getTime())),
      title: paperTitle(paper),
      style,
    };
    // The exam and the mistakes walk load Inquirer: only at a terminal, never in scripted runs.
    const run = context.lineMode
      ? await (await import("../../ui/line-exam.js")).takeExamInLines({ ...sitting, width: terminalSize(context).width, input: io.stdin, write: (text) => io.stdout.write(text) })
      : await (await import("../../ui/take-exam.js")).takeExam({ ...sitting, ...terminalSize(context) });
    if (run.ending === "time-up") io.stdout.write(`\n${style.yellow(style.bold("Time is up: the test was submitted with the answers given."))}\n`);
    return {
      answers: paper.questions.map((question, index) =>
        makeAnswer(question, run.state.answers[index] ?? [], { marked: run.state.marked[index] ?? false, ms: run.spentMs[index] ?? 0 }),
      ),
      warnings: [],
      timeUsedMs: run.usedMs,
      timeLimitMs: paper.timeLimitMs,
      scripted: false,
    };
  } catch (error) {
    if (error instanceof InterruptedError) {
      // Left before its first change, the attempt is not on disk yet: it is put there now, to be resumed.
      journal.start();
      io.stderr.write(`\nMock stopped, not submitted. Your answers are kept: \`prelim mock --resume\` goes on where you stopped (the clock waits).\n`);
    }
    throw error;
  } finally {
    signals.dispose();
  }
}

function summaryLine(result: MockResult): string {
  const verdict = result.passed === undefined ? "" : result.passed ? ", passed" : `, not passed (pass mark ${result.passScore})`;
  return `mock score ${result.score} / ${result.maxScore} (${result.percent}%)${verdict}`;
}

async function report(result: MockResult, reporter: ReporterName, output: OutputTarget | undefined, context: Context): Promise<void> {
  const { io } = context;
  // On stdout a pretty report lists the warnings itself; anywhere else they go to stderr too.
  if (reporter !== "pretty" || output !== undefined) for (const warning of result.warnings) io.stderr.write(`prelim: warning: ${sanitizeLine(warning)}\n`);
  const { renderReport } = await import("../../report/index.js");
  const text = renderReport(reporter, result, await makeStyle(context.color && output === undefined && reporter === "pretty"), undefined, { hostname: io.hostname() });
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  writeOutput(output, text, context);
  io.stderr.write(`prelim: ${summaryLine(result)}; report written to ${sanitizeLine(output.name)}\n`);
}

function writeOutput(output: OutputTarget, text: string, context: Context): void {
  if (output.stream !== undefined) context.io[output.stream].write(text);
  else writeReportFile(output, text);
}

/** At a terminal: the scorecard lettered as the candidate saw the paper; --output keeps canonical letters. */
async function scorecard(result: MockResult, paper: Paper, settings: MockSettings, output: OutputTarget | undefined, context: Context): Promise<void> {
  const { io } = context;
  const style = await makeStyle(context.color);
  const { width } = terminalSize(context);
  const { renderReport } = await import("../../report/index.js");
  io.stdout.write(`\n${renderReport("pretty", result, style, paper.presented, { width })}`);
  io.stdout.write(`${fitLines([style.dim(`Same paper again: add --seed ${paper.seed} (same banks, same filters).`)], width).join("\n")}\n`);
  if (output !== undefined) {
    writeOutput(output, renderReport(chooseReporter(settings.reporter, output.given, false), result, undefined, undefined, { hostname: io.hostname() }), context);
    io.stderr.write(`prelim: report written to ${sanitizeLine(output.name)}\n`);
  }
}

/** The walk through mistakes, or every question. The attempt is saved already: stopping it loses nothing. */
async function walkMistakes(result: MockResult, paper: Paper, context: Context): Promise<void> {
  const mistakes: Mistake[] = result.questions.flatMap((item, index) => {
    const presented = paper.presented[index];
    return presented === undefined ? [] : [{ presented, result: item, number: index + 1 }];
  });
  if (mistakes.length === 0) return;
  const style = await makeStyle(context.color);
  const signals = trapSignals();
  try {
    const { reviewMistakes } = await import("../../ui/review-mistakes.js");
    await reviewMistakes(mistakes, { style, width: terminalSize(context).width, signal: signals.signal, write: (text) => context.io.stdout.write(text) });
  } finally {
    signals.dispose();
  }
}
