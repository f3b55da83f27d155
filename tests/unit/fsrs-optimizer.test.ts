import { describe, expect, it } from "vitest";
import { fsrsHistories, timeSeriesSplit, MIN_OPTIMIZE_REVIEWS } from "../../src/core/fsrs-items.js";
import { evaluateWeights, fitWeights } from "../../src/core/fsrs-optimizer.js";
import { DEFAULT_WEIGHTS } from "../../src/core/scheduler.js";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { simulateLearner } from "../fixtures/simulated-learner.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

/** `at` in the learner's local time ("2026-01-01T09:00"), as the log would hold it from their clock. */
function entry(key: string, at: string, rating: ReviewLogEntry["rating"]): ReviewLogEntry {
  return { at: new Date(at).toISOString(), key, given: ["a"], correct: rating !== "again", ms: 5000, rating, mode: "review" };
}

describe("fsrsHistories", () => {
  it("gives each answer on a later day its question's history in whole days", () => {
    const histories = fsrsHistories([
      entry("b/x", "2026-01-01T09:00:00", "good"),
      entry("b/y", "2026-01-01T09:01:00", "again"),
      entry("b/x", "2026-01-01T18:00:00", "hard"),
      entry("b/x", "2026-01-04T08:00:00", "good"),
      entry("b/y", "2026-01-02T23:00:00", "good"),
    ]);
    expect(histories).toEqual([
      { steps: [{ grade: 1, days: 0 }, { grade: 3, days: 1 }], at: Date.parse(new Date("2026-01-02T23:00:00").toISOString()) },
      // The same-day answer stays in the history, but is not predicted itself.
      { steps: [{ grade: 3, days: 0 }, { grade: 2, days: 0 }, { grade: 3, days: 3 }], at: Date.parse(new Date("2026-01-04T08:00:00").toISOString()) },
    ]);
  });

  it("counts the learner's own days, as the review queue does: 05:30 and 23:30 are one day, 23:30 and 00:30 two", () => {
    // Far from UTC either way, where a UTC day would split or join these answers.
    const zone = process.env.TZ;
    try {
      for (const tz of ["Asia/Kolkata", "America/Los_Angeles"]) {
        process.env.TZ = tz;
        const histories = fsrsHistories([
          entry("b/x", "2026-01-01T05:30:00", "good"),
          entry("b/x", "2026-01-01T23:30:00", "good"),
          entry("b/x", "2026-01-02T00:30:00", "good"),
        ]);
        expect(histories, tz).toEqual([{ steps: [{ grade: 3, days: 0 }, { grade: 3, days: 0 }, { grade: 3, days: 1 }], at: new Date("2026-01-02T00:30:00").getTime() }]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("splits by time: the held-out part is the newest", () => {
    const { train, test } = timeSeriesSplit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(train).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(test).toEqual([9, 10]);
  });
});

describe("fitting FSRS to a simulated learner", () => {
  it("predicts the held-out newest answers better than FSRS's defaults", async () => {
    const simulation = simulateLearner({
      seed: 15,
      questions: 200,
      days: 150,
      start: new Date("2026-01-01T00:00:00Z"),
      scheduling: SCHEDULING,
      newPerDay: 10,
      studyChance: 0.85,
    });
    const histories = fsrsHistories(simulation.entries);
    expect(histories.length).toBeGreaterThan(MIN_OPTIMIZE_REVIEWS);
    const { train, test } = timeSeriesSplit(histories);
    const weights = await fitWeights(train);
    expect(weights).toHaveLength(21);
    const before = evaluateWeights(DEFAULT_WEIGHTS, test);
    const after = evaluateWeights(weights, test);
    console.log(`held-out (${test.length} of ${histories.length}): log loss ${before.logLoss.toFixed(4)} -> ${after.logLoss.toFixed(4)}, RMSE ${before.rmse.toFixed(4)} -> ${after.rmse.toFixed(4)}`);
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmse).toBeLessThan(before.rmse);
    // The learner forgets new questions faster than the defaults say: the fit finds it.
    expect(weights[2] ?? Infinity).toBeLessThan(DEFAULT_WEIGHTS[2] ?? 0);
  }, 60_000);
});
