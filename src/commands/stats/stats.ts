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
import type { ProgressReader } from "../../store/progress-reader.js";
import { LARGE_BANK_QUESTIONS, releaseMemory } from "./release-memory.js";

export interface StatsOptions {
  readonly json?: boolean;
}

export async function stats(args: readonly string[], options: StatsOptions, context: Context): Promise<number> {
  const { io } = context;
  const now = io.now();
  // Opened at the first bank, so a mistake in the banks is told first. Reading needs no lock and no
  // write access: stats works on a read-only data dir.
  let store: ProgressReader | undefined;
  try {
    const parts: StatsPart[] = [];
    const examParts: ExamDayPart[] = [];
    const held = { suspended: 0, buried: 0 };
    let examDate: string | null = null;
    let controls: ReturnType<typeof readQueueControls> | undefined;
    await forEachSessionBank(args, context, (bank) => {
      if (store === undefined) {
        store = openReader(context);
        examDate = store.settings.values().examDate;
        controls = readQueueControls(context);
      }
      // The bank's text, and what the last bank left, go before its progress is read.
      if (bank.questions.length >= LARGE_BANK_QUESTIONS) releaseMemory();
      const { cards, tallies } = store.bankProgress(bank.id);
      parts.push(bankStatsPart(bank, cards, tallies, now, undefined, store.settings.get("leechThreshold")));
      if (examDate !== null && daysUntilExam(examDate, now) >= 0) examParts.push(examDayPart(bank.questions, cards, { ...schedulerSettings(store.settings.values()), examDate }));
      for (const question of bank.questions) {
        if (controls?.suspended.has(question.key)) held.suspended++;
        if (controls?.buried.has(question.key)) held.buried++;
      }
    });
    const result = mergeStats(parts);
    const examDay = examDate === null || examParts.length === 0 ? undefined : mergeExamDay(examParts, now, examDate);
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
    (store as ProgressReader | undefined)?.close();
  }
  return EXIT.ok;
}
