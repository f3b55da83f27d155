// prelim mock [banks…]: a timed mock test scored like the UPSC paper. Answers come from the terminal (the
// exam screen, no feedback until submit) or from an answer file (CI). After submit: the scorecard or a
// report, the attempt appended to the history, and the answered questions fed to spaced repetition.
// An attempt stopped before submit (Ctrl-C, a signal) is not scored and records nothing.

import { readAnswerFile } from "../bank/read-answers.js";
import { maxBankBytes } from "../bank/read-file.js";
import type { AnsweredQuestion, MockResult } from "../core/scoring.js";
import type { Question } from "../core/question.js";
import { answersFromFile, scoreAttempt } from "../core/scoring.js";
import { sanitizeLine } from "../core/sanitize.js";
import { EXIT, InterruptedError, UsageError, exitCodeForSignal } from "../errors.js";
import type { Context } from "../context.js";
import { renderReport, type ReporterName } from "../report/index.js";
import { loadSessionBanks } from "../session/load-questions.js";
import { openStore } from "../session/open-store.js";
import { makeStyle, type Style } from "../ui/color.js";
import { trapSignals } from "../ui/interrupts.js";
import { requireTerminal } from "../ui/require-terminal.js";
import { answersAsShown } from "../mock/as-shown.js";
import { appendAttempt, attemptFrom, attemptsFile, previousAttempt, readAttempts } from "../mock/attempt-history.js";
import { historyJson, renderHistory } from "../mock/history-report.js";
import { buildPaper, chooseReporter, parseMockOptions, type MockOptions, type Paper } from "../mock/mock-options.js";
import { reviewEntries } from "../mock/review-entries.js";
import type { Mistake } from "../mock/review-mistakes.js";
import { writeReportFile } from "../mock/write-report.js";
import { textHeight, textWidth } from "../ui/text-width.js";

export type { MockOptions } from "../mock/mock-options.js";

interface Sitting {
  readonly answers: readonly AnsweredQuestion[];
  readonly warnings: readonly string[];
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
}

export async function mock(args: readonly string[], options: MockOptions, context: Context): Promise<number> {
  if (options.history) return showHistory(args, options, context);
  const { io } = context;
  const settings = parseMockOptions(options);
  const scripted = options.answers !== undefined;
  if (!scripted) requireTerminal(context.noTerminal, "A mock test");
  const reporter = chooseReporter(settings.reporter, options.output, io.stdout.isTTY);

  const { banks } = await loadSessionBanks(args, context);
  const seed = settings.seed ?? io.randomSeed();
  const paper = buildPaper(banks, settings, seed);
  if (settings.count !== undefined && settings.count > paper.pool) {
    io.stderr.write(`prelim: only ${paper.pool} questions match, so the paper has ${paper.pool}\n`);
  }
  if (scripted && settings.seed === undefined) io.stderr.write(`prelim: seed ${seed}\n`);

  // Opened first, so a data folder that cannot be written stops the test before it starts, not after.
  const store = openStore(context);
  try {
    let sitting: Sitting;
    if (options.answers !== undefined) {
      sitting = await answerFile(options.answers, paper, banks.flatMap((bank) => bank.questions), context);
    } else {
      const taken = await atTerminal(paper, context);
      if (taken instanceof InterruptedError) {
        io.stderr.write("\nMock stopped; not submitted. Nothing was scored or recorded.\n");
        return exitCodeForSignal(taken.signal);
      }
      sitting = taken;
    }

    const history = readAttempts(context.dataDir);
    if (history.skipped > 0) io.stderr.write(`prelim: ${history.skipped} unreadable line(s) in ${attemptsFile(context.dataDir)} were skipped\n`);
    const previous = previousAttempt(history.attempts, paper.banks);
    const scoreOptions = {
      ...(settings.passMark && { passMark: settings.passMark }),
      ...(sitting.timeUsedMs !== undefined && { timeUsedMs: sitting.timeUsedMs }),
      ...(sitting.timeLimitMs !== undefined && { timeLimitMs: sitting.timeLimitMs }),
      ...(previous && { previousScore: previous.score }),
      warnings: sitting.warnings,
      seed,
    };
    const result = scoreAttempt(sitting.answers, paper.marking, scoreOptions);

    // Saved before the scorecard is shown; if saving fails the scorecard is still shown, then the error.
    let saveError: unknown;
    try {
      const at = io.now();
      appendAttempt(context.dataDir, attemptFrom(result, { at, banks: paper.banks, seed, scripted }));
      for (const entry of reviewEntries(result, at)) store.record(entry);
      store.close();
    } catch (error) {
      saveError = error;
    }

    if (scripted) await report(result, reporter, options.output, context);
    else {
      // Same marks, letters as the candidate saw them; the saved attempt and --output keep canonical letters.
      const shown = scoreAttempt(answersAsShown(paper.presented, sitting.answers), paper.marking, scoreOptions);
      const output = options.output === undefined ? undefined : { file: options.output, reporter: chooseReporter(settings.reporter, options.output, false), result };
      await scorecard(shown, paper, context, output);
    }
    if (saveError !== undefined) throw saveError;
    if (!scripted) {
      const code = await walkMistakes(result, paper, context);
      if (code !== undefined) return code;
    }
    return result.passed === false ? EXIT.no : EXIT.ok;
  } finally {
    store.close();
  }
}

/**
 * An answer file written for whole banks answers questions this paper did not draw: those are not
 * mistakes. It is matched against every question of the banks; the paper keeps its own, in order.
 */
async function answerFile(source: string, paper: Paper, bankQuestions: readonly Question[], context: Context): Promise<Sitting> {
  const entries = await readAnswerFile(source, context.io.stdin, maxBankBytes(context.io.env), context.io.cwd);
  const matched = answersFromFile(bankQuestions, entries);
  const given = new Map(matched.answers.map((answer) => [answer.question.key, answer.given]));
  const answers = paper.questions.map((question) => ({ question, given: given.get(question.key) }));
  return { answers, warnings: matched.warnings };
}

function terminalSize(context: Context): { width: number; height: number } {
  const { stdout } = context.io;
  return { width: textWidth(stdout), height: textHeight(stdout) };
}

function paperTitle(paper: Paper): string {
  const [first] = paper.banks;
  return `Mock test · ${paper.banks.length === 1 && first ? sanitizeLine(first) : `${paper.banks.length} banks`}`;
}

async function atTerminal(paper: Paper, context: Context): Promise<Sitting | InterruptedError> {
  const { io } = context;
  const style = await makeStyle(context.color);
  const signals = trapSignals();
  try {
    // The exam and the mistakes walk load Inquirer: only at a terminal, never in scripted runs.
    const { takeExam } = await import("../mock/take-exam.js");
    const run = await takeExam({
      questions: paper.presented,
      timeLimitMs: paper.timeLimitMs,
      signal: signals.signal,
      now: () => io.now().getTime(),
      title: paperTitle(paper),
      style,
      ...terminalSize(context),
    });
    if (run.ending === "time-up") io.stdout.write(`\n${style.yellow(style.bold("Time is up: the test was submitted with the answers given."))}\n`);
    return {
      answers: paper.questions.map((question, index) => ({
        question,
        given: run.state.answers[index] ?? [],
        marked: run.state.marked[index] ?? false,
        ms: run.spentMs[index] ?? 0,
      })),
      warnings: [],
      timeUsedMs: run.usedMs,
      timeLimitMs: paper.timeLimitMs,
    };
  } catch (error) {
    if (error instanceof InterruptedError) return error;
    throw error;
  } finally {
    signals.dispose();
  }
}

function summaryLine(result: MockResult): string {
  const verdict = result.passed === undefined ? "" : result.passed ? ", passed" : `, not passed (pass mark ${result.passScore})`;
  return `mock score ${result.score} / ${result.maxScore} (${result.percent}%)${verdict}`;
}

async function report(result: MockResult, reporter: ReporterName, output: string | undefined, context: Context): Promise<void> {
  const { io } = context;
  // On stdout a pretty report lists the warnings itself; anywhere else they go to stderr too.
  if (reporter !== "pretty" || output !== undefined) for (const warning of result.warnings) io.stderr.write(`prelim: warning: ${sanitizeLine(warning)}\n`);
  const style: Style = await makeStyle(context.color && output === undefined && reporter === "pretty");
  const text = renderReport(reporter, result, style);
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  writeReportFile(output, text);
  io.stderr.write(`prelim: ${summaryLine(result)}; report written to ${sanitizeLine(output)}\n`);
}

async function scorecard(
  result: MockResult,
  paper: Paper,
  context: Context,
  output: { file: string; reporter: ReporterName; result: MockResult } | undefined,
): Promise<void> {
  const { io } = context;
  const style = await makeStyle(context.color);
  io.stdout.write(`\n${renderReport("pretty", result, style)}`);
  io.stdout.write(style.dim(`Same paper again: add --seed ${paper.seed} (same banks, same filters).\n`));
  if (output !== undefined) {
    writeReportFile(output.file, renderReport(output.reporter, output.result));
    io.stderr.write(`prelim: report written to ${sanitizeLine(output.file)}\n`);
  }
}

/** The walk through mistakes; returns an exit code when a signal stopped it. */
async function walkMistakes(result: MockResult, paper: Paper, context: Context): Promise<number | undefined> {
  const mistakes: Mistake[] = result.questions.flatMap((item, index) => {
    const presented = paper.presented[index];
    return item.outcome === "correct" || presented === undefined ? [] : [{ presented, result: item, number: index + 1 }];
  });
  if (mistakes.length === 0) return undefined;
  const style = await makeStyle(context.color);
  const signals = trapSignals();
  try {
    const { reviewMistakes } = await import("../mock/review-mistakes.js");
    await reviewMistakes(mistakes, { style, width: terminalSize(context).width, signal: signals.signal, write: (text) => context.io.stdout.write(text) });
    return undefined;
  } catch (error) {
    // The attempt is saved already; stopping the review loses nothing.
    if (error instanceof InterruptedError) return exitCodeForSignal(error.signal);
    throw error;
  } finally {
    signals.dispose();
  }
}

async function showHistory(args: readonly string[], options: MockOptions, context: Context): Promise<number> {
  const { io } = context;
  const reporter = options.reporter;
  if (reporter !== undefined && reporter !== "json" && reporter !== "pretty") {
    throw new UsageError(`--history lists attempts as pretty text or json, not ${reporter}`, "Use --reporter json for JSON, or leave --reporter out.");
  }
  const read = readAttempts(context.dataDir);
  if (read.skipped > 0) io.stderr.write(`prelim: ${read.skipped} unreadable line(s) in ${attemptsFile(context.dataDir)} were skipped\n`);
  let attempts = read.attempts;
  if (args.length > 0) {
    const ids = new Set((await loadSessionBanks(args, context)).banks.map((bank) => bank.id));
    attempts = attempts.filter((attempt) => attempt.banks.some((id) => ids.has(id)));
  }
  if (reporter === "json") io.stdout.write(historyJson(attempts));
  else io.stdout.write(renderHistory(attempts, await makeStyle(context.color)));
  return EXIT.ok;
}
