// prelim review [banks…]: what spaced repetition says is due today, most overdue first, then new
// questions up to the daily limit. With nothing due, when the next ones fall due.

import { buildReviewQueue, countDoneToday, dueAhead, dueStatementChecks, nextDue, startOfDay } from "../../core/queue.js";
import { relativeDay } from "../../core/relative-day.js";
import { daysUntilExam, suggestNewPerDay } from "../../core/exam-day.js";
import { filterQuestions } from "../../core/session.js";
import type { Question } from "../../core/question.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openReader, openStore } from "../session/open-store.js";
import { nothingDueReport, nothingToAskReport, type NothingDue } from "../../report/session.js";
import { itemKeysOf, parseItemKey } from "../../core/statement-memory.js";
import type { CardState } from "../../core/scheduler.js";
import { checkCanRun, runSession, sessionReporter, type SessionRunOptions } from "../session/run-session.js";
import { parseCount, parseSessionOptions } from "../session/options.js";
import { readQueueControls } from "../session/queue-controls.js";
import { isHeldBack } from "../../core/queue-controls.js";
import { fitLines } from "../../report/text.js";
import { messageWidth, textWidth } from "../../ui/text-width.js";

export interface ReviewOptions extends SessionRunOptions {
  /** Review what falls due in this many days, ahead of time. */
  readonly dueAhead?: string;
  /** Only the statement checks due: single misjudged statements and pairs as true/false. */
  readonly statements?: boolean;
}

export async function review(args: readonly string[], options: ReviewOptions, context: Context): Promise<number> {
  const { io } = context;
  const { filter, count, seed: givenSeed } = parseSessionOptions(options);
  const seed = givenSeed ?? io.randomSeed();
  const { questions } = await loadSessionBanks(args, context);
  checkCanRun(options, context, "A review session");
  // Suspended questions never come up, buried ones not until tomorrow.
  const controls = readQueueControls(context);
  const pool = filterQuestions(questions, filter).filter((question) => !isHeldBack(controls, question.key));

  // The first screen only reads: no lock, so a review with nothing due never waits on another session.
  const reader = openReader(context);
  const now = io.now();
  const settings = reader.settings.values();
  const limits = { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay };
  const queue = buildReviewQueue({
    keys: pool.map((question) => question.key),
    cards: reader.cards(),
    now,
    limits,
    doneToday: countDoneToday(reader.tallies(), startOfDay(now)),
  });
  const cards = reader.cards();
  reader.close();
  // Each misjudged statement or pair on its own card (core/statement-memory.ts), as a true/false check.
  const checks = dueStatementChecks(pool, cards, now).filter((check) => !isHeldBack(controls, check.key));

  if (options.statements === true) {
    if (options.dueAhead !== undefined) throw new UsageError("--statements and --due-ahead cannot be combined: --statements asks the statement checks due today.");
    return reviewStatements(checks, { pool, cards, now, seed, questions, ...(count !== undefined && { count }) }, options, context);
  }

  // --due-ahead: Anki's review ahead, a cram of what falls due in the next days.
  if (options.dueAhead !== undefined) {
    const days = parseCount(options.dueAhead, "--due-ahead");
    const byKey = new Map(pool.map((question) => [question.key, question]));
    const ahead = dueAhead(byKey.keys(), cards, now, days ?? 1).flatMap((key) => (byKey.has(key) ? [byKey.get(key) as Question] : []));
    if (ahead.length === 0) {
      io.stdout.write(nothingToAskReport(`Nothing falls due in the next ${days} day${days === 1 ? "" : "s"}.`, sessionReporter(options, io), messageWidth(io.stdout)));
      return EXIT.ok;
    }
    return runSession({ mode: "review", questions: count === undefined ? ahead : ahead.slice(0, count), seed, pool: questions, cram: true }, openStore(context), options, context);
  }

  // A check whose question this session asks would ask the statement twice: the answer to the question
  // judges it again anyway.
  const asking = new Set([...queue.dueKeys, ...queue.newKeys]);
  const apart = checks.filter((check) => !asking.has(parseItemKey(check.key)?.questionKey ?? ""));
  const mixed = settings.statementDrill === "true" ? apart : [];
  if (queue.keys.length === 0 && mixed.length === 0) {
    // With the drill, a statement's own card brings a check, which is what falls due next as much as a question.
    const checkKeys = settings.statementDrill === "true" ? itemKeysOf(pool).filter((key) => !isHeldBack(controls, key)) : [];
    const next = nextDue([...pool.map((question) => question.key), ...checkKeys], cards, now);
    const nothing: NothingDue = {
      dueLeft: queue.dueTotal,
      newLeft: queue.newTotal,
      limits,
      ...(next && { next: { count: next.count, when: relativeDay(next.at, now), at: next.at.toISOString() } }),
    };
    io.stdout.write(nothingDueReport(nothing, sessionReporter(options, io), messageWidth(io.stdout)));
    return EXIT.ok;
  }

  const store = openStore(context);
  const byKey = new Map(pool.map((question) => [question.key, question]));
  const asked = (keys: readonly string[]) => keys.map((key) => byKey.get(key)).filter((question): question is Question => question !== undefined);
  // Statement checks come after the due questions and before the new ones: reviews first, as always.
  const ordered = [...asked(queue.dueKeys), ...mixed, ...asked(queue.newKeys)];
  if (io.stdout.isTTY && options.answers === undefined) {
    const statements = mixed.length > 0 ? `, ${mixed.length} statement check${mixed.length === 1 ? "" : "s"}` : "";
    io.stdout.write(`${queue.dueKeys.length} due${statements}, ${queue.newKeys.length} new.\n`);
    if (mixed.length === 0 && apart.length > 0) {
      const hint = `${apart.length} misjudged statement${apart.length === 1 ? " is" : "s are"} also due: prelim review --statements asks ${apart.length === 1 ? "it" : "them"}.`;
      io.stdout.write(`${fitLines([hint], textWidth(io.stdout)).join("\n")}\n`);
    }
    // Shown, not forced: the exam's pace is a suggestion beside the newPerDay setting.
    const pace = settings.examDate === null ? undefined : suggestNewPerDay(pool.map((question) => question.key), cards, now, settings.examDate);
    if (pace !== undefined && pace.newPerDay > settings.newPerDay && daysUntilExam(settings.examDate ?? "", now) > 0) {
      io.stdout.write(`To see every question twice before the exam, take ${pace.newPerDay} new a day (prelim config set newPerDay ${pace.newPerDay}).\n`);
    }
  }
  return runSession({ mode: "review", questions: count === undefined ? ordered : ordered.slice(0, count), seed, pool: questions }, store, options, context);
}

/** Text is wrapped to a terminal; to a pipe or a file it goes as one line, for scripts to read. */
interface StatementsPlan {
  readonly pool: readonly Question[];
  readonly questions: readonly Question[];
  readonly cards: ReadonlyMap<string, CardState>;
  readonly now: Date;
  readonly seed: number;
  readonly count?: number;
}

/** review --statements: the statement checks due, or when the next ones fall due. */
async function reviewStatements(checks: readonly Question[], plan: StatementsPlan, options: ReviewOptions, context: Context): Promise<number> {
  const { io } = context;
  if (checks.length === 0) {
    const next = nextDue(itemKeysOf(plan.pool), plan.cards, plan.now);
    const message = next
      ? `No misjudged statements are due. Next: ${next.count} statement${next.count === 1 ? "" : "s"} ${relativeDay(next.at, plan.now)}.`
      : "No misjudged statements are due. A statement comes back here after a wrong answer to its question.";
    io.stdout.write(nothingToAskReport(message, sessionReporter(options, io), messageWidth(io.stdout), next ? { next: { count: next.count, at: next.at.toISOString() } } : {}));
    return EXIT.ok;
  }
  const drill = plan.count === undefined ? checks : checks.slice(0, plan.count);
  return runSession({ mode: "review", questions: drill, seed: plan.seed, pool: plan.questions }, openStore(context), options, context);
}
