// prelim stats [banks…]: progress per bank and topic, retention, what falls due, activity, weak spots.

import { computeStats } from "../../core/stats.js";
import { statsText } from "../../report/stats-text.js";
import { terminalSafeJson } from "../../core/sanitize.js";
import { makeStyle } from "../../ui/color.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";
import { loadSessionBanks } from "../session/load-banks.js";
import { openReader } from "../session/open-store.js";
import { textWidth } from "../../ui/text-width.js";
import { readJournals } from "../../store/mock-journal.js";
import { unfinishedNotice } from "../mock/resume.js";

export interface StatsOptions {
  readonly json?: boolean;
}

export async function stats(args: readonly string[], options: StatsOptions, context: Context): Promise<number> {
  const { io } = context;
  const { banks } = await loadSessionBanks(args, context);
  // Reading needs no lock and no write access: stats works on a read-only data dir.
  const store = openReader(context);
  try {
    const result = computeStats(banks, store.cards(), store.tallies(), io.now());
    const unfinished = readJournals(context.dataDir);
    if (options.json) {
      io.stdout.write(`${terminalSafeJson({ ...result, unfinishedMocks: unfinished.filter((attempt) => !attempt.header.scripted).length }, 2)}\n`);
    } else {
      io.stdout.write(statsText(result, await makeStyle(context.color), textWidth(io.stdout) + 2));
      const notice = unfinishedNotice(unfinished, io.now());
      if (notice !== undefined) io.stdout.write(`\n${notice}\n`);
    }
  } finally {
    store.close();
  }
  return EXIT.ok;
}
