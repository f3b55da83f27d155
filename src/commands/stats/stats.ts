// prelim stats [banks…]: progress per bank and topic, retention, what falls due, activity, weak spots.
// The banks are taken one at a time, each with its own part of the progress: memory follows the
// largest bank, not every question and card stored.

import { bankStatsPart, mergeStats, type StatsPart } from "../../core/stats.js";
import { statsText } from "../../report/stats-text.js";
import { terminalSafeJson } from "../../core/sanitize.js";
import { makeStyle } from "../../ui/color.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";
import { forEachSessionBank } from "../session/load-banks.js";
import { openReader } from "../session/open-store.js";
import { readJournals } from "../../store/mock-journal.js";
import { unfinishedNotice } from "../mock/resume.js";
import { readQueueControls } from "../session/queue-controls.js";
import { daysUntilExam, examDayPart, mergeExamDay, type ExamDayPart } from "../../core/exam-day.js";
import { schedulerSettings } from "../../store/scheduler-settings.js";
import type { SchedulerSettings } from "../../core/scheduler.js";
import type { QueueControls } from "../../core/queue-controls.js";
import type { ProgressReader } from "../../store/progress-reader.js";
import { LARGE_BANK_QUESTIONS, releaseMemory } from "./release-memory.js";

export interface StatsOptions {
  readonly json?: boolean;
}

/** What stats reads besides the banks, once, at the first bank (so a mistake in the banks is told first). */
interface Reading {
  readonly store: ProgressReader;
  readonly leechThreshold: number;
  /** The exam day's settings while it is still ahead; undefined without a date. */
  readonly exam: (SchedulerSettings & { readonly examDate: string }) | undefined;
  readonly controls: QueueControls;
}

function openReading(context: Context, now: Date): Reading {
  // Reading needs no lock and no write access: stats works on a read-only data dir.
  const store = openReader(context);
  const values = store.settings.values();
  const { examDate } = values;
  return {
    store,
    leechThreshold: values.leechThreshold,
    exam: examDate === null || daysUntilExam(examDate, now) < 0 ? undefined : { ...schedulerSettings(values), examDate },
    controls: readQueueControls(context),
  };
}

export async function stats(args: readonly string[], options: StatsOptions, context: Context): Promise<number> {
  const { io } = context;
  const now = io.now();
  // Filled by the first bank; a holder, since a variable set in the callback reads as never set after it.
  const opened: { reading?: Reading } = {};
  try {
    const parts: StatsPart[] = [];
    const examParts: ExamDayPart[] = [];
    const held = { suspended: 0, buried: 0 };
    await forEachSessionBank(args, context, (bank) => {
      const { store, leechThreshold, exam, controls } = (opened.reading ??= openReading(context, now));
      // The bank's text, and what the last bank left, go before its progress is read.
      if (bank.questions.length >= LARGE_BANK_QUESTIONS) releaseMemory();
      const { cards, tallies } = store.bankProgress(bank.id);
      parts.push(bankStatsPart(bank, cards, tallies, now, undefined, leechThreshold));
      if (exam !== undefined) examParts.push(examDayPart(bank.questions, cards, exam));
      for (const question of bank.questions) {
        if (controls.suspended.has(question.key)) held.suspended++;
        if (controls.buried.has(question.key)) held.buried++;
      }
    });
    const result = mergeStats(parts);
    const exam = opened.reading?.exam;
    const examDay = exam === undefined ? undefined : mergeExamDay(examParts, now, exam.examDate);
    const unfinished = readJournals(context.dataDir);
    if (options.json) {
      io.stdout.write(`${terminalSafeJson({ ...result, ...held, ...(examDay && { examDay }), unfinishedMocks: unfinished.filter((attempt) => !attempt.header.scripted).length }, 2)}\n`);
    } else {
      io.stdout.write(statsText(result, await makeStyle(context.color), io.stdout.columns === undefined ? Number.POSITIVE_INFINITY : Math.min(102, io.stdout.columns), examDay));
      if (held.suspended + held.buried > 0) io.stdout.write(`\n${held.suspended} suspended, ${held.buried} buried until tomorrow: prelim suspended lists them.\n`);
      const notice = unfinishedNotice(unfinished, now);
      if (notice !== undefined) io.stdout.write(`\n${notice}\n`);
    }
  } finally {
    opened.reading?.store.close();
  }
  return EXIT.ok;
}
