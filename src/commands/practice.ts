// prelim practice [banks…]: a session of questions from the chosen banks and topics, with feedback after
// each answer. Every answer feeds spaced repetition.

import { filterQuestions, pickQuestions } from "../core/session.js";
import { seededRandom } from "../core/random.js";
import type { Context } from "../context.js";
import { loadSessionBanks } from "../session/load-questions.js";
import { openStore } from "../session/open-store.js";
import { checkCanRun, runSession } from "../session/run-session.js";
import type { SessionRunOptions } from "../session/run-session.js";
import { noQuestionsError, parseCount, parseDifficulty, parseSeed } from "../session/session-options.js";
import { makeStyle } from "../ui/color.js";
import { trapSignals } from "../ui/interrupts.js";

export interface PracticeOptions extends SessionRunOptions {
  readonly topic?: readonly string[];
  readonly difficulty?: string;
  readonly count?: string;
  readonly seed?: string;
}

export const DEFAULT_PRACTICE_COUNT = 10;

export async function practice(args: readonly string[], options: PracticeOptions, context: Context): Promise<number> {
  const difficulty = parseDifficulty(options.difficulty);
  const givenCount = parseCount(options.count);
  const seed = parseSeed(options.seed) ?? context.io.randomSeed();
  // Banks first: a mistyped command or bank id (practice is the default command) is reported as such.
  let { banks } = await loadSessionBanks(args, context);
  checkCanRun(options, context, "A practice session");
  let topics = options.topic ?? [];
  // A scripted run takes every selected question unless told otherwise: the answer file decides.
  let count = givenCount ?? (options.answers !== undefined ? undefined : DEFAULT_PRACTICE_COUNT);

  if (options.answers === undefined && args.length === 0 && topics.length === 0) {
    const signals = trapSignals();
    try {
      const style = await makeStyle(context.color);
      const { pickSession } = await import("../session/pick-session.js");
      const choice = await pickSession(banks, { style, signal: signals.signal, askCount: givenCount === undefined, defaultCount: DEFAULT_PRACTICE_COUNT });
      ({ banks, topics } = { banks: choice.banks, topics: [...choice.topics] });
      count = choice.count;
    } finally {
      signals.dispose();
    }
  }

  const filter = { topics, ...(difficulty && { difficulty }) };
  const pool = filterQuestions(banks.flatMap((bank) => bank.questions), filter);
  if (pool.length === 0) throw noQuestionsError(filter);
  const questions = pickQuestions(pool, count, seededRandom(seed));
  return runSession({ mode: "practice", questions, seed, pool: banks.flatMap((bank) => bank.questions) }, openStore(context), options, context);
}
