// prelim review [banks…]: what spaced repetition says is due today, most overdue first, then new
// questions up to the daily limit. With nothing due, when the next ones fall due.

import { buildReviewQueue, countDoneToday, nextDue, startOfDay } from "../../core/queue.js";
import { relativeDay } from "../../core/relative-day.js";
import { filterQuestions } from "../../core/session.js";
import type { Question } from "../../core/question.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openStore } from "../session/open-store.js";
import { checkCanRun, runSession, type SessionRunOptions } from "../session/run-session.js";
import { parseSessionOptions } from "../session/options.js";

export type ReviewOptions = SessionRunOptions;

export async function review(args: readonly string[], options: ReviewOptions, context: Context): Promise<number> {
  const { io } = context;
  const { filter, count, seed: givenSeed } = parseSessionOptions(options);
  const seed = givenSeed ?? io.randomSeed();
  const { questions } = await loadSessionBanks(args, context);
  checkCanRun(options, context, "A review session");
  const pool = filterQuestions(questions, filter);

  const store = openStore(context);
  const now = io.now();
  const settings = store.settings.values();
  const queue = buildReviewQueue({
    keys: pool.map((question) => question.key),
    cards: store.cards(),
    now,
    limits: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay },
    doneToday: countDoneToday(store.entries(), startOfDay(now)),
  });

  if (queue.keys.length === 0) {
    store.close();
    const next = nextDue(pool.map((question) => question.key), store.cards(), now);
    const limitNote = queue.newTotal > 0 ? ` (today's ${settings.newPerDay} new question${settings.newPerDay === 1 ? " is" : "s are"} done)` : "";
    io.stdout.write(
      next
        ? `Nothing due${limitNote}. Next: ${next.count} question${next.count === 1 ? "" : "s"} ${relativeDay(next.at, now)}.\n`
        : `Nothing due${limitNote}, and nothing scheduled yet.\n`,
    );
    return EXIT.ok;
  }

  const byKey = new Map(pool.map((question) => [question.key, question]));
  const ordered = queue.keys.map((key) => byKey.get(key)).filter((question): question is Question => question !== undefined);
  if (io.stdout.isTTY && options.answers === undefined) {
    io.stdout.write(`${queue.dueKeys.length} due, ${queue.newKeys.length} new.\n`);
  }
  return runSession({ mode: "review", questions: count === undefined ? ordered : ordered.slice(0, count), seed, pool: questions }, store, options, context);
}
