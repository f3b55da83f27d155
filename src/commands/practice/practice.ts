// prelim practice [banks…]: a session of questions from the chosen banks and topics, with feedback after
// each answer. Every answer feeds spaced repetition.

import { filterQuestions, noQuestionsError, pickQuestions } from "../../core/session.js";
import { seededRandom } from "../../core/random.js";
import type { Context } from "../../context.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openStore } from "../session/open-store.js";
import { parseSessionOptions } from "../session/options.js";
import { readQueueControls } from "../session/queue-controls.js";
import { isHeldBack } from "../../core/queue-controls.js";
import { checkCanRun, runSession, type SessionRunOptions } from "../session/run-session.js";
import { makeStyle } from "../../ui/color.js";
import { trapSignals } from "../../ui/interrupts.js";

export type PracticeOptions = SessionRunOptions;

import { DEFAULT_PRACTICE_COUNT } from "./command.js";

export async function practice(args: readonly string[], options: PracticeOptions, context: Context): Promise<number> {
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
