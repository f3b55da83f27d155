// prelim stats [banks…]: progress per bank and topic, retention, what falls due, activity, weak spots.

import { computeStats } from "../../core/stats.js";
import { statsText } from "../../report/stats-text.js";
import { terminalSafeJson } from "../../core/sanitize.js";
import { makeStyle } from "../../ui/color.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openReader } from "../session/open-store.js";
import { readJournals } from "../../store/mock-journal.js";
import { unfinishedNotice } from "../mock/resume.js";
import { readQueueControls } from "../session/queue-controls.js";
import { daysUntilExam, examDayRecall } from "../../core/exam-day.js";
import { schedulerSettings } from "../../store/scheduler-settings.js";

export interface StatsOptions {
  readonly json?: boolean;
}

export async function stats(args: readonly string[], options: StatsOptions, context: Context): Promise<number> {
  const { io } = context;
  const { banks } = await loadSessionBanks(args, context);
  // Reading needs no lock and no write access: stats works on a read-only data dir.
  const store = openReader(context);
  try {
    const result = computeStats(banks, store.cards(), store.tallies(), io.now(), undefined, store.settings.get("leechThreshold"));
    const { examDate } = store.settings.values();
    const examDay = examDate === null || daysUntilExam(examDate, io.now()) < 0
      ? undefined
      : examDayRecall(banks.flatMap((bank) => bank.questions), store.cards(), io.now(), { ...schedulerSettings(store.settings.values()), examDate });
    const unfinished = readJournals(context.dataDir);
    const controls = readQueueControls(context);
    const keys = new Set(banks.flatMap((bank) => bank.questions.map((question) => question.key)));
    const held = { suspended: [...controls.suspended.keys()].filter((key) => keys.has(key)).length, buried: [...controls.buried].filter((key) => keys.has(key)).length };
    if (options.json) {
      io.stdout.write(`${terminalSafeJson({ ...result, ...held, ...(examDay && { examDay }), unfinishedMocks: unfinished.filter((attempt) => !attempt.header.scripted).length }, 2)}\n`);
    } else {
      io.stdout.write(statsText(result, await makeStyle(context.color), io.stdout.columns === undefined ? Number.POSITIVE_INFINITY : Math.min(102, io.stdout.columns), examDay));
      if (held.suspended + held.buried > 0) io.stdout.write(`\n${held.suspended} suspended, ${held.buried} buried until tomorrow: prelim suspended lists them.\n`);
      const notice = unfinishedNotice(unfinished, io.now());
      if (notice !== undefined) io.stdout.write(`\n${notice}\n`);
    }
  } finally {
    store.close();
  }
  return EXIT.ok;
}
