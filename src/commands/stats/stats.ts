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
    if (options.json) {
      io.stdout.write(`${terminalSafeJson(result, 2)}\n`);
    } else {
      io.stdout.write(statsText(result, await makeStyle(context.color), textWidth(io.stdout) + 2));
    }
  } finally {
    store.close();
  }
  return EXIT.ok;
}
