// prelim practice [banks…]: a session of questions from the chosen banks and topics, with feedback after
// each answer. Every answer feeds spaced repetition.

import { filterQuestions, noQuestionsError, pickQuestions } from "../../core/session.js";
import { seededRandom } from "../../core/random.js";
import type { Context } from "../../context.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openReader, openStore } from "../session/open-store.js";
import { parseSessionOptions, parseSince } from "../session/options.js";
import { missedSince } from "../../core/queue.js";
import type { Question } from "../../core/question.js";
import { EXIT, UsageError } from "../../errors.js";
import { readQueueControls } from "../session/queue-controls.js";
import { isHeldBack } from "../../core/queue-controls.js";
import { checkCanRun, runSession, type SessionRunOptions } from "../session/run-session.js";
import { makeStyle } from "../../ui/color.js";
import { trapSignals } from "../../ui/interrupts.js";

export interface PracticeOptions extends SessionRunOptions {
  /** Cram the questions answered wrong lately. */
  readonly missed?: boolean;
  /** How far back --missed looks: 7d, 2w, 36h (default 7 days). */
  readonly since?: string;
}

/**
 * practice --missed: the questions answered wrong in the window, most recently missed first, every one of
 * them unless -n says. A cram: with cramReschedules false its answers are logged and leave the schedule.
 */
async function crammedMistakes(args: readonly string[], options: PracticeOptions, context: Context): Promise<number> {
  const settings = parseSessionOptions(options);
  const seed = settings.seed ?? context.io.randomSeed();
  const sinceMs = options.since === undefined ? 7 * 86_400_000 : parseSince(options.since);
  const { banks } = await loadSessionBanks(args, context);
  checkCanRun(options, context, "A practice session");
  const now = context.io.now();
  const reader = openReader(context);
  let keys: string[];
  try {
    keys = missedSince(reader.entries(), new Date(now.getTime() - sinceMs));
  } finally {
    reader.close();
  }
  const controls = readQueueControls(context);
  const byKey = new Map(filterQuestions(banks.flatMap((bank) => bank.questions), settings.filter).map((question) => [question.key, question]));
  const questions = keys.flatMap((key) => (byKey.has(key) && !isHeldBack(controls, key) ? [byKey.get(key) as Question] : [])).slice(0, settings.count);
  if (questions.length === 0) {
    context.io.stdout.write(`No question was answered wrong in the last ${options.since ?? "7 days"}: nothing to cram.\n`);
    return EXIT.ok;
  }
  return runSession({ mode: "practice", questions, seed, pool: banks.flatMap((bank) => bank.questions), cram: true }, openStore(context), options, context);
}

import { DEFAULT_PRACTICE_COUNT } from "./command.js";

export async function practice(args: readonly string[], options: PracticeOptions, context: Context): Promise<number> {
  if (options.missed) return crammedMistakes(args, options, context);
  if (options.since !== undefined) throw new UsageError("--since goes with --missed: prelim practice --missed --since 7d");
  const settings = parseSessionOptions(options);
  const seed = settings.seed ?? context.io.randomSeed();
  // Banks first: a mistyped command or bank id (practice is the default command) is reported as such.
  let { banks } = await loadSessionBanks(args, context);
  checkCanRun(options, context, "A practice session");
  let filter = settings.filter;
  // A scripted run takes every selected question unless told otherwise: the answer file decides.
  let count = settings.count ?? (options.answers !== undefined ? undefined : DEFAULT_PRACTICE_COUNT);

  // A line-mode terminal (TERM=dumb) gets no pickers: every bank and topic, unless the command line says.
  if (context.lineMode && options.answers === undefined && args.length === 0 && settings.count === undefined) {
    context.io.stdout.write(`Line mode (TERM=dumb): ${count} questions from every bank; name banks, --topic or -n to choose.\n`);
  }
  if (options.answers === undefined && !context.lineMode && args.length === 0 && (filter.topics ?? []).length === 0) {
    const signals = trapSignals();
    try {
      const style = await makeStyle(context.color);
      const { pickSession } = await import("../../ui/pick-session.js");
      const choice = await pickSession(banks, { style, signal: signals.signal, askCount: settings.count === undefined, defaultCount: DEFAULT_PRACTICE_COUNT, viewport: context.io.stdout });
      banks = choice.banks;
      filter = { ...filter, topics: [...choice.topics] };
      count = choice.count;
    } finally {
      signals.dispose();
    }
  }

  // Suspended questions never come up, buried ones not until tomorrow.
  const controls = readQueueControls(context);
  const pool = filterQuestions(banks.flatMap((bank) => bank.questions), filter).filter((question) => !isHeldBack(controls, question.key));
  if (pool.length === 0) throw noQuestionsError(filter);
  const questions = pickQuestions(pool, count, seededRandom(seed));
  return runSession({ mode: "practice", questions, seed, pool: banks.flatMap((bank) => bank.questions) }, openStore(context), options, context);
}
