import { describe, expect, it } from "vitest";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { SCHEDULING } from "../fixtures/scheduling.js";
import { DEFAULT_SETTINGS } from "../../src/store/setting-definitions.js";
import { foldTallies } from "../../src/core/tally.js";
import { buildReviewQueue, countDoneToday, forecast, nextDue, startOfDay } from "../../src/core/queue.js";
import { nextCardState, type CardState } from "../../src/core/scheduler.js";

// Local times, so day boundaries hold in any time zone.
const NOW = new Date(2024, 4, 10, 10, 0, 0);
const HOUR = 3_600_000;

function dueAt(date: Date): CardState {
  return { ...nextCardState(undefined, "good", new Date(date.getTime() - 3 * 24 * HOUR), SCHEDULING), due: date.toISOString() };
}

function at(hoursFromNow: number): Date {
  return new Date(NOW.getTime() + hoursFromNow * HOUR);
}

function entry(key: string, when: Date): ReviewLogEntry {
  return { at: when.toISOString(), key, given: ["a"], correct: true, ms: 4000, rating: "good", mode: "review" };
}

/** The settings table's defaults, which core takes as a parameter. */
const LIMITS = { newPerDay: DEFAULT_SETTINGS.newPerDay, reviewsPerDay: DEFAULT_SETTINGS.reviewsPerDay };

describe("buildReviewQueue", () => {
  const cards = new Map<string, CardState>([
    ["b/late", dueAt(at(-1))],
    ["b/very-late", dueAt(at(-48))],
    ["b/later", dueAt(at(5))],
    ["b/now", dueAt(NOW)],
    ["b/reset", { ...dueAt(at(-2)), state: "new" }],
  ]);
  const keys = ["b/new1", "b/late", "b/later", "b/new2", "b/very-late", "b/now", "b/reset", "b/new3", "b/late"];

  it("puts due before new, most overdue first, new in bank order", () => {
    const queue = buildReviewQueue({ keys, cards, now: NOW, limits: LIMITS });
    // "b/later" falls due at 15:00 today: due today, so asked in a 10:00 review.
    expect(queue.dueKeys).toEqual(["b/very-late", "b/late", "b/now", "b/later"]);
    expect(queue.newKeys).toEqual(["b/new1", "b/new2", "b/reset", "b/new3"]);
    expect(queue.keys).toEqual([...queue.dueKeys, ...queue.newKeys]);
    expect(queue.dueTotal).toBe(4);
    expect(queue.newTotal).toBe(4);
  });

  it("applies the daily limits less what was done today", () => {
    const queue = buildReviewQueue({
      keys,
      cards,
      now: NOW,
      limits: { newPerDay: 3, reviewsPerDay: 5 },
      doneToday: { newCards: 2, reviews: 3 },
    });
    expect(queue.dueKeys).toEqual(["b/very-late", "b/late"]);
    expect(queue.newKeys).toEqual(["b/new1"]);
    expect(queue.dueTotal).toBe(4);
  });

  it("asks nothing once a limit is used up, even past it", () => {
    const queue = buildReviewQueue({ keys, cards, now: NOW, limits: { newPerDay: 20, reviewsPerDay: 200 }, doneToday: { newCards: 25, reviews: 250 } });
    expect(queue.keys).toEqual([]);
  });

  it("counts a card due tonight as due in the morning, and one due tomorrow as not", () => {
    const morning = new Date(2024, 4, 10, 9, 0);
    const tonight = new Map([["b/x", dueAt(new Date(2024, 4, 10, 20, 0))]]);
    expect(buildReviewQueue({ keys: ["b/x"], cards: tonight, now: morning, limits: LIMITS }).dueKeys).toEqual(["b/x"]);
    const tomorrow = new Map([["b/x", dueAt(new Date(2024, 4, 11, 0, 30))]]);
    expect(buildReviewQueue({ keys: ["b/x"], cards: tomorrow, now: morning, limits: LIMITS }).dueKeys).toEqual([]);
  });

  it("ignores cards outside the selected banks", () => {
    const queue = buildReviewQueue({ keys: ["b/new1"], cards, now: NOW, limits: LIMITS });
    expect(queue.keys).toEqual(["b/new1"]);
  });
});

describe("countDoneToday", () => {
  const dayStart = startOfDay(NOW);

  it("counts distinct new and reviewed questions since the day start", () => {
    const log = [
      entry("b/1", at(-30)),
      entry("b/1", at(-1)),
      entry("b/1", at(-0.5)),
      entry("b/2", at(-2)),
      entry("b/2", at(-1)),
      entry("b/3", at(-1)),
    ];
    expect(countDoneToday(foldTallies(new Map(), log), dayStart)).toEqual({ newCards: 2, reviews: 1 });
  });

  it("treats a key seen before today, logged later (clock moved back), as a review", () => {
    const log = [entry("b/1", at(-1)), entry("b/1", at(-40))];
    expect(countDoneToday(foldTallies(new Map(), log), dayStart)).toEqual({ newCards: 0, reviews: 1 });
  });
});

describe("nextDue and forecast", () => {
  const cards = new Map<string, CardState>([
    ["b/overdue", dueAt(at(-3))],
    ["b/tomorrow-morning", dueAt(new Date(2024, 4, 11, 8))],
    ["b/tomorrow-night", dueAt(new Date(2024, 4, 11, 23))],
    ["b/in-three-days", dueAt(new Date(2024, 4, 13, 9))],
    ["b/later-today", dueAt(at(4))],
    ["b/far", dueAt(new Date(2024, 6, 1))],
  ]);

  it("gives the first time something falls due and how many fall due that day", () => {
    const next = nextDue(["b/overdue", "b/tomorrow-morning", "b/tomorrow-night", "b/in-three-days"], cards, NOW);
    expect(next).toEqual({ at: new Date(2024, 4, 11, 8), count: 2 });
    expect(nextDue(["b/overdue", "b/unknown"], cards, NOW)).toBeUndefined();
    // Later today is already due (today): the next ones are tomorrow's.
    expect(nextDue(["b/later-today", "b/tomorrow-morning"], cards, NOW)).toEqual({ at: new Date(2024, 4, 11, 8), count: 1 });
  });

  it("counts due cards per day, overdue ones today", () => {
    const days = forecast(cards, NOW, 4);
    expect(days.map((day) => day.count)).toEqual([2, 2, 0, 1]);
    expect(days[0]!.day).toEqual(new Date(2024, 4, 10));
    expect(days[3]!.day).toEqual(new Date(2024, 4, 13));
    expect(forecast(cards, NOW).length).toBe(7);
  });
});
