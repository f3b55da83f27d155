import { describe, expect, it } from "vitest";
import type { Rating, ReviewLogEntry } from "../../src/core/review.js";
import {
  foldReviews,
  isDue,
  isMastered,
  MASTERED_STABILITY_DAYS,
  nextCardState,
  ratingFor,
  ratingThresholds,
  retrievability,
  type CardState,
} from "../../src/core/scheduler.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

const NOW = new Date("2024-05-01T10:00:00.000Z");
const DAY = 86_400_000;

function days(from: Date, dueIso: string): number {
  return (Date.parse(dueIso) - from.getTime()) / DAY;
}

function entry(key: string, at: string, rating: Rating): ReviewLogEntry {
  return { at, key, given: ["a"], correct: rating !== "again", ms: 5000, rating, mode: "review" };
}

describe("ratingFor", () => {
  const { slowMs } = ratingThresholds(200);

  it("scales the slow threshold with the text to read", () => {
    expect(ratingThresholds(0)).toEqual({ slowMs: 15_000 });
    expect(ratingThresholds(200)).toEqual({ slowMs: 15_000 + 2 * 200 * 25 });
  });

  it.each([
    // correct, ms, confidence, expected
    [false, 1_000, undefined, "again"],
    [false, 1_000, "sure", "again"],
    [true, 1_000, "guess", "hard"],
    [true, 60_000, "unsure", "good"],
    [true, 60_000, "sure", "easy"],
    // A quick right answer is Good, never Easy: it may be a guess (only the learner's rating says Easy).
    [true, 500, undefined, "good"],
    [true, 3_000, undefined, "good"],
    [true, slowMs - 1, undefined, "good"],
    [true, slowMs, undefined, "hard"],
    [true, -5, undefined, "good"],
    [true, Number.NaN, undefined, "good"],
  ] as const)("correct=%s ms=%s confidence=%s → %s", (correct, ms, confidence, expected) => {
    const answer = confidence === undefined ? { correct, ms, textLength: 200 } : { correct, ms, textLength: 200, confidence };
    expect(ratingFor(answer)).toBe(expected);
  });

  it("gives a long question more time before it counts as slow", () => {
    expect(ratingFor({ correct: true, ms: 20_000, textLength: 0 })).toBe("hard");
    expect(ratingFor({ correct: true, ms: 20_000, textLength: 400 })).toBe("good");
  });
});

describe("nextCardState", () => {
  it("is deterministic for a fixed time", () => {
    const first = nextCardState(undefined, "good", NOW, { desiredRetention: 0.9 });
    const second = nextCardState(undefined, "good", NOW, { desiredRetention: 0.9 });
    expect(second).toEqual(first);
    const again = nextCardState(first, "good", new Date(first.due), { desiredRetention: 0.9 });
    expect(nextCardState(first, "good", new Date(first.due), { desiredRetention: 0.9 })).toEqual(again);
  });

  it("orders intervals again < hard < good < easy, in whole days", () => {
    const intervals = (["again", "hard", "good", "easy"] as const).map((rating) => days(NOW, nextCardState(undefined, rating, NOW, SCHEDULING).due));
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    expect(new Set(intervals).size).toBe(4);
    for (const interval of intervals) expect(Number.isInteger(interval) && interval >= 1).toBe(true);
  });

  it("orders intervals for a card in review too, and a lapse counts", () => {
    const card = nextCardState(undefined, "good", NOW, SCHEDULING);
    const at = new Date(card.due);
    const again = nextCardState(card, "again", at, SCHEDULING);
    const good = nextCardState(card, "good", at, SCHEDULING);
    const easy = nextCardState(card, "easy", at, SCHEDULING);
    expect(days(at, again.due)).toBeLessThan(days(at, good.due));
    expect(days(at, good.due)).toBeLessThan(days(at, easy.due));
    expect(again.lapses).toBe(1);
    expect(good.reps).toBe(2);
    expect(good.lastReview).toBe(at.toISOString());
  });

  it("schedules further out for a lower desired retention", () => {
    const card = nextCardState(undefined, "good", NOW, SCHEDULING);
    const at = new Date(card.due);
    const low = nextCardState(card, "good", at, { desiredRetention: 0.7 });
    const high = nextCardState(card, "good", at, { desiredRetention: 0.97 });
    expect(days(at, low.due)).toBeGreaterThan(days(at, high.due));
  });

  it("survives a review dated before the last one (clock moved back)", () => {
    const card = nextCardState(undefined, "good", NOW, SCHEDULING);
    const earlier = new Date(NOW.getTime() - 30 * DAY);
    const next = nextCardState(card, "good", earlier, SCHEDULING);
    expect(Date.parse(next.due)).toBeGreaterThanOrEqual(NOW.getTime());
    expect(next.scheduledDays).toBeGreaterThanOrEqual(0);
    expect(next.elapsedDays).toBeGreaterThanOrEqual(0);
    expect(next.lastReview).toBe(NOW.toISOString());
  });

  it("refuses an invalid date rather than storing NaN", () => {
    expect(() => nextCardState(undefined, "good", new Date("nonsense"), SCHEDULING)).toThrow(RangeError);
  });
});

describe("foldReviews", () => {
  it("applies entries in order and equals step-by-step scheduling", () => {
    const log = [entry("b/1", "2024-05-01T10:00:00.000Z", "good"), entry("b/2", "2024-05-01T10:01:00.000Z", "again"), entry("b/1", "2024-05-05T10:00:00.000Z", "easy")];
    const cards = foldReviews(new Map(), log, SCHEDULING);
    const step = nextCardState(nextCardState(undefined, "good", new Date(log[0]!.at), SCHEDULING), "easy", new Date(log[2]!.at), SCHEDULING);
    expect(cards.get("b/1")).toEqual(step);
    expect(cards.get("b/2")?.lapses).toBe(0);
    expect(cards.size).toBe(2);
  });

  it("stays sane with times going backwards and into the future", () => {
    const log = [
      entry("b/1", "2030-01-01T00:00:00.000Z", "good"),
      entry("b/1", "2024-05-01T10:00:00.000Z", "again"),
      entry("b/1", "2020-01-01T00:00:00.000Z", "good"),
    ];
    const card = foldReviews(new Map(), log, SCHEDULING).get("b/1");
    expect(card).toBeDefined();
    expect(card!.reps).toBe(3);
    expect(Date.parse(card!.due)).toBeGreaterThan(Date.parse("2030-01-01T00:00:00.000Z"));
    expect(card!.scheduledDays).toBeGreaterThanOrEqual(0);
    expect(retrievability(card!, NOW, SCHEDULING)).toBeLessThanOrEqual(1);
    expect(retrievability(card!, NOW, SCHEDULING)).toBeGreaterThan(0);
  });
});

describe("retrievability, isDue, isMastered", () => {
  const card = nextCardState(undefined, "good", NOW, SCHEDULING);

  it("falls with time", () => {
    const soon = retrievability(card, new Date(NOW.getTime() + DAY), SCHEDULING);
    const late = retrievability(card, new Date(NOW.getTime() + 30 * DAY), SCHEDULING);
    expect(soon).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(0);
  });

  it("is due from the due time on", () => {
    expect(isDue(card, new Date(Date.parse(card.due) - 1))).toBe(false);
    expect(isDue(card, new Date(card.due))).toBe(true);
  });

  it("counts a card mastered from 21 days of stability", () => {
    const base: CardState = { ...card, state: "review" };
    expect(MASTERED_STABILITY_DAYS).toBe(21);
    expect(isMastered({ ...base, stability: 20.9 })).toBe(false);
    expect(isMastered({ ...base, stability: 21 })).toBe(true);
    let grown = card;
    for (let i = 0; i < 10 && !isMastered(grown); i++) grown = nextCardState(grown, "good", new Date(grown.due), SCHEDULING);
    expect(isMastered(grown)).toBe(true);
  });
});
