// prelim optimize: FSRS fitted to the learner's own review log. Reads the log, fits on the older part
// and tests on the newest (against the weights in use), fits on everything, and saves the weights as
// the setting fsrsWeights when they predict better; progress.json is dropped with that save, so every
// schedule is folded again with them.

import { fsrsHistories, MIN_OPTIMIZE_REVIEWS, timeSeriesSplit } from "../../core/fsrs-items.js";
import { evaluateWeights, fitWeights } from "../../core/fsrs-optimizer.js";
import { standingEntries } from "../../core/review.js";
import { isItemKey } from "../../core/statement-memory.js";
import { DEFAULT_WEIGHTS } from "../../core/scheduler.js";
import { sanitize, terminalSafeJson } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { optimizeText, type OptimizeResult } from "../../report/optimize-text.js";
import { withReschedule } from "../../store/reschedule.js";
import { openSettings } from "../../store/settings.js";
import { openReader } from "../session/open-store.js";

export interface OptimizeOptions {
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

export async function optimize(options: OptimizeOptions, context: Context): Promise<number> {
  const { io } = context;
  const reader = openReader(context);
  let entries;
  let current: readonly number[];
  try {
    // Answers taken back (undo) are not memory: they and their undo lines are left out.
    // Statement checks are left out: a true/false guess is right half the time, and an item's history
    // begins inside its question's answer, which the log keeps under the question's key.
    entries = standingEntries(reader.entries()).filter((entry) => !isItemKey(entry.key));
    current = reader.settings.get("fsrsWeights");
  } finally {
    reader.close();
  }
  const histories = fsrsHistories(entries);
  if (histories.length < MIN_OPTIMIZE_REVIEWS) {
    throw new UsageError(
      `prelim optimize needs at least ${MIN_OPTIMIZE_REVIEWS} reviews to fit FSRS to you, and your log has ${histories.length} ` +
        `(${entries.length} answer${entries.length === 1 ? "" : "s"}; a review is an answer to a question you had seen on an earlier day).`,
      `Fewer fit noise rather than your memory. Keep reviewing (prelim review) and run it again; until then FSRS's default parameters are used.`,
    );
  }
  const inUse = current.length > 0 ? current : DEFAULT_WEIGHTS;
  const { train, test } = timeSeriesSplit(histories);
  const trial = await fitWeights(train);
  const before = evaluateWeights(inUse, test);
  const after = evaluateWeights(trial, test);
  const better = after.logLoss < before.logLoss;
  const weights = better ? await fitWeights(histories) : [...inUse];
  const saved = better && options.dryRun !== true;
  if (saved) {
    const settings = openSettings(context.dataDir, { now: () => io.now(), onNotice: (message) => io.stderr.write(`prelim: ${sanitize(message)}\n`) });
    withReschedule(context.dataDir, { now: () => io.now() }, () => settings.set("fsrsWeights", weights));
  }
  const result: OptimizeResult = {
    answers: entries.length,
    reviews: histories.length,
    train: train.length,
    test: test.length,
    current: current.length > 0 ? "fitted" : "default",
    before,
    after,
    better,
    saved,
    dryRun: options.dryRun === true,
    weights,
  };
  io.stdout.write(options.json ? `${terminalSafeJson(result, 2)}\n` : optimizeText(result));
  return EXIT.ok;
}
