// Answer tallies: what stats and today's counts need from the log, kept small by dropping old answers
// from the front only, so that which answer was a question's first can still be told.

import { describe, expect, it } from "vitest";
import { countDoneToday, startOfDay } from "../../src/core/queue.js";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { foldTallies, isFirstAnswer, pruneTallies, RECENT_MS } from "../../src/core/tally.js";

const NOW = new Date(2024, 4, 20, 10, 0, 0);
const DAY = 86_400_000;

function entry(key: string, daysAgo: number, correct = true): ReviewLogEntry {
  return { at: new Date(NOW.getTime() - daysAgo * DAY).toISOString(), key, given: ["a"], correct, ms: 1000, rating: correct ? "good" : "again", mode: "practice" };
}

describe("tallies", () => {
  const log = [entry("b/1", 90), entry("b/1", 60, false), entry("b/2", 40), entry("b/1", 2), entry("b/2", 0.1, false), entry("b/3", 0.1)];

  it("count every answer and keep the recent ones in log order", () => {
    const tallies = foldTallies(new Map(), log);
    expect(tallies.get("b/1")).toMatchObject({ answers: 3, correct: 2 });
    expect(tallies.get("b/1")?.recent.map(([, right]) => right)).toEqual([1, 0, 1]);
  });

  it("drop only answers older than the window, from the front, and still know a first answer", () => {
    const pruned = pruneTallies(foldTallies(new Map(), log), NOW.getTime() - RECENT_MS);
    const one = pruned.get("b/1")!;
    expect(one.answers).toBe(3);
    expect(one.recent).toHaveLength(1);
    expect(isFirstAnswer(one, 0)).toBe(false);
    const three = pruned.get("b/3")!;
    expect(isFirstAnswer(three, 0)).toBe(true);
  });

  it("give the same counts for today before and after pruning", () => {
    const whole = foldTallies(new Map(), log);
    const dayStart = startOfDay(NOW);
    expect(countDoneToday(pruneTallies(whole, NOW.getTime() - RECENT_MS), dayStart)).toEqual(countDoneToday(whole, dayStart));
    expect(countDoneToday(whole, dayStart)).toEqual({ newCards: 1, reviews: 1 });
  });

  it("keep an answer dated before older ones (clock moved back) rather than drop past it", () => {
    const shuffled = [entry("b/1", 50), entry("b/1", 1), entry("b/1", 50)];
    const pruned = pruneTallies(foldTallies(new Map(), shuffled), NOW.getTime() - RECENT_MS);
    expect(pruned.get("b/1")?.recent).toHaveLength(2);
  });
});
