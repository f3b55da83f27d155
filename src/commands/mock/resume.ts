// prelim mock --resume [id] and --discard [id]: unfinished attempts, kept in their journals. A resumed
// attempt is the same paper (questions and option order from the journal), the same answers and marks,
// and the time left when it stopped: the clock does not run while no session is open.

import { restoreExam } from "../../core/attempt-journal.js";
import type { Paper } from "../../core/paper.js";
import { isMultiAnswer, type Question } from "../../core/question.js";
import type { ExamState } from "../../core/exam.js";
import { pastDay } from "../../core/relative-day.js";
import { formatDuration } from "../../core/duration.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { continueJournal, removeJournal, type OpenJournal, type UnfinishedAttempt } from "../../store/mock-journal.js";
import { closeStore, openStoreWithJournals } from "../session/open-store.js";
import { fitLines } from "../../report/text.js";
import { messageWidth } from "../../ui/text-width.js";
import { loadSessionBanks } from "../session/load-banks.js";

const ATTEMPT_ID = /^\d{8}-\d{6}-\d+(?:-\d+)?$/;

/**
 * `--resume [id]` is optional-valued, so in `prelim mock --resume questions/` commander hands the bank
 * over as the id: anything that is not an attempt id goes back to the banks.
 */
export function splitResumeArgument(value: string | true, args: readonly string[]): { which: string | true; args: readonly string[] } {
  if (value === true || ATTEMPT_ID.test(value)) return { which: value, args };
  return { which: true, args: [value, ...args] };
}

export interface Reopened {
  readonly paper: Paper;
  readonly journal: OpenJournal;
  readonly resume: { readonly state: ExamState; readonly usedMs: number };
}

function describeAttempt(attempt: UnfinishedAttempt, now: Date): string {
  const { header, state } = attempt;
  const answered = state?.answers.filter((chosen) => chosen.length > 0).length ?? 0;
  const left = formatDuration(Math.max(0, header.timeLimitMs - (state?.usedMs ?? 0)));
  const busy = attempt.live ? " (open in another terminal)" : "";
  return `  ${header.id}  ${sanitizeLine(header.title)}, begun ${pastDay(new Date(header.startedAt), now)}: ${answered} of ${header.questions.length} answered, ${left} left${busy}`;
}

/** The one line `prelim mock` and `prelim stats` print about unfinished attempts, if any. */
export function unfinishedNotice(journals: readonly UnfinishedAttempt[], now: Date): string | undefined {
  const open = journals.filter((attempt) => !attempt.header.scripted && !attempt.live);
  const [latest] = open.slice(-1);
  if (latest === undefined) return undefined;
  const when = pastDay(new Date(latest.header.startedAt), now);
  return `${open.length === 1 ? "1 unfinished mock" : `${open.length} unfinished mocks, the latest`} from ${when}: prelim mock --resume`;
}

/**
 * `which` is the id given, or true for "the one there is", among the journals' attempts that a learner
 * can go on with (not from an answer file). Lists them when there are several.
 */
function choose(which: string | true, journals: readonly UnfinishedAttempt[], context: Context, verb: "resume" | "discard"): UnfinishedAttempt | undefined {
  const attempts = journals.filter((attempt) => !attempt.header.scripted);
  if (attempts.length === 0) throw new UsageError(`there is no unfinished mock test to ${verb}`, "Start one with prelim mock.");
  if (which === true) {
    if (attempts.length === 1) return attempts[0];
    const now = context.io.now();
    context.io.stdout.write(`${attempts.length} unfinished mock tests:\n${attempts.map((attempt) => describeAttempt(attempt, now)).join("\n")}\n\nName one: prelim mock --${verb} <id>\n`);
    return undefined;
  }
  const found = attempts.find((attempt) => attempt.header.id === which);
  if (found === undefined) {
    throw new UsageError(`no unfinished mock test '${which}'`, `The unfinished ones: ${attempts.map((attempt) => attempt.header.id).join(", ")}.`);
  }
  return found;
}

/** `journals`: the attempts left once submissions cut short were completed (openStoreWithJournals). */
export async function reopenAttempt(which: string | true, args: readonly string[], journals: readonly UnfinishedAttempt[], context: Context): Promise<Reopened | undefined> {
  const attempt = choose(which, journals, context, "resume");
  if (attempt === undefined) return undefined;
  if (attempt.live) throw new UsageError(`the mock test ${attempt.header.id} is open in another terminal`, "Finish it there, or close that terminal first.");
  const { questions } = await loadSessionBanks(args, context);
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const paperQuestions: Question[] = [];
  const presented = attempt.header.questions.map(({ key, order }) => {
    const question = byKey.get(key);
    if (question === undefined || order.length !== question.options.length) {
      throw new UsageError(
        `the mock test ${attempt.header.id} cannot go on: its question ${key} ${question === undefined ? "is in no bank found" : "has changed since"}`,
        `Name the banks it came from (prelim mock --resume ${attempt.header.id} <banks…>), or drop it: prelim mock --discard ${attempt.header.id}`,
      );
    }
    paperQuestions.push(question);
    return { question, order };
  });
  const { header, state } = attempt;
  const now = context.io.now().getTime();
  const exam = restoreExam(
    presented.map((item) => ({ options: item.order.length, multiple: isMultiAnswer(item.question) })),
    state,
    now,
  );
  const paper: Paper = {
    questions: paperQuestions,
    presented,
    seed: header.seed,
    marking: header.marking,
    timeLimitMs: header.timeLimitMs,
    banks: header.banks,
    pool: paperQuestions.length,
  };
  return { paper, journal: continueJournal(attempt), resume: { state: exam, usedMs: Math.min(header.timeLimitMs, state?.usedMs ?? 0) } };
}

/**
 * Drops an unfinished attempt. The store is opened first, as for --resume: a submission cut short is
 * completed (its answers added to the log, its journal gone), so what is dropped was never submitted.
 */
export function discardAttempt(which: string | true, context: Context): number {
  const { store, unfinished } = openStoreWithJournals(context);
  try {
    const attempt = choose(which, unfinished(), context, "discard");
    if (attempt === undefined) return EXIT.ok;
    if (attempt.live) throw new UsageError(`the mock test ${attempt.header.id} is open in another terminal`, "Finish it there, or close that terminal first.");
    removeJournal(attempt);
    const message = `Discarded the unfinished mock test ${attempt.header.id}: nothing of it was scored or recorded.`;
    context.io.stdout.write(`${fitLines([message], messageWidth(context.io.stdout)).join("\n")}\n`);
    return EXIT.ok;
  } finally {
    closeStore(store, context);
  }
}
