// computeStats from hand-built cards and log entries at a fixed time: every number below is worked out
// by hand from the data in this file.

import { describe, expect, it, vi } from "vitest";
import type { Rating, ReviewLogEntry } from "../../src/core/review.js";
import { nextCardState, type CardState } from "../../src/core/scheduler.js";
import { SCHEDULING } from "../fixtures/scheduling.js";
import { computeStats, isoDate } from "../../src/core/stats.js";
import { foldTallies } from "../../src/core/tally.js";
import { fitLines } from "../../src/report/text.js";

const tallied = (list: readonly ReviewLogEntry[]) => foldTallies(new Map(), list);
import { sessionBank } from "../fixtures/fixtures.js";



const banks = [sessionBank("daily"), sessionBank("extra")];

// Local time, mid-May (no daylight-saving change in the 28 days before it in most zones).
const NOW = new Date(2024, 4, 20, 10, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);

function entry(key: string, when: Date, correct: boolean, rating: Rating = correct ? "good" : "again"): ReviewLogEntry {
  return { at: when.toISOString(), key, given: ["a"], correct, ms: 5000, rating, mode: "practice" };
}

function card(due: Date, stability: number, state: CardState["state"] = "review"): CardState {
  return { ...nextCardState(undefined, "good", ago(60 * DAY), SCHEDULING), due: due.toISOString(), stability, state };
}

// The log, oldest first. daily/gone is a question since removed from its bank.
const entries: ReviewLogEntry[] = [
  entry("daily/ordered", ago(45 * DAY), true),
  entry("daily/capital", ago(40 * DAY), true),
  entry("daily/ordered", ago(35 * DAY), true), // a review, but outside the 30-day window
  entry("daily/rivers", ago(5 * DAY), false),
  entry("daily/founders", ago(3 * DAY), false),
  entry("daily/capital", ago(2 * DAY), false), // review in window: wrong
  entry("daily/rivers", ago(1 * DAY), true), // review in window: right
  entry("daily/gone", ago(1 * DAY), false),
  entry("extra/water", ago(1 * HOUR), true, "easy"),
];

const cards = new Map<string, CardState>([
  ["daily/capital", card(ago(HOUR), 2)], // overdue
  ["daily/rivers", card(later(2 * DAY), 3)],
  ["daily/founders", card(later(1 * DAY), 1, "learning")],
  ["daily/ordered", card(later(30 * DAY), 40)], // mastered
  ["daily/primes", { ...card(ago(DAY), 0), state: "new" }], // never really seen: not counted
  ["daily/gone", card(later(1 * DAY), 5)], // removed from the bank: not counted
  ["extra/water", card(later(3 * DAY), 5)],
]);

const dayOffset = (days: number) => {
  const day = new Date(NOW.getTime());
  day.setDate(day.getDate() + days);
  return isoDate(day);
};

describe("computeStats", () => {
  const stats = computeStats(banks, cards, tallied(entries), NOW);

  it("counts seen, due, mastered and accuracy per bank", () => {
    expect(stats.banks).toEqual([
      { id: "daily", title: "Daily practice fixture", total: 6, seen: 4, due: 1, mastered: 1, accuracy: 4 / 7 },
      { id: "extra", title: "Extra practice fixture", total: 3, seen: 1, due: 0, mastered: 0, accuracy: 1 },
    ]);
  });

  it("gives null accuracy to a bank with no answers", () => {
    expect(computeStats(banks, new Map(), tallied([]), NOW).banks.map((bank) => bank.accuracy)).toEqual([null, null]);
  });

  it("measures retention over answers to questions seen before, in the last 30 days", () => {
    expect(stats.retention).toEqual({ reviews: 2, correct: 1, rate: 0.5 });
    expect(computeStats(banks, cards, tallied(entries.slice(0, 3)), NOW).retention).toEqual({ reviews: 0, correct: 0, rate: null });
  });

  it("shows accuracy by topic, weakest first", () => {
    expect(stats.topics).toEqual([
      { topic: "business", answers: 1, correct: 0, accuracy: 0 },
      { topic: "geography", answers: 4, correct: 2, accuracy: 0.5 },
      { topic: "fixture", answers: 8, correct: 5, accuracy: 0.625 },
      { topic: "science", answers: 3, correct: 3, accuracy: 1 },
    ]);
  });

  it("forecasts 7 days from today, the first day holding what is overdue", () => {
    expect(stats.forecast).toEqual([
      { date: dayOffset(0), count: 1 },
      { date: dayOffset(1), count: 1 },
      { date: dayOffset(2), count: 1 },
      { date: dayOffset(3), count: 1 },
      { date: dayOffset(4), count: 0 },
      { date: dayOffset(5), count: 0 },
      { date: dayOffset(6), count: 0 },
    ]);
  });

  it("counts answers per day over the activity window, oldest first", () => {
    expect(stats.activity).toHaveLength(28);
    expect(stats.activity[0]?.date).toBe(dayOffset(-27));
    expect(stats.activity[27]).toEqual({ date: dayOffset(0), count: 1 });
    const busy = Object.fromEntries(stats.activity.filter((day) => day.count > 0).map((day) => [day.date, day.count]));
    // daily/gone's answer a day ago is not counted; the answers 35–45 days ago are outside the window.
    expect(busy).toEqual({ [dayOffset(-5)]: 1, [dayOffset(-3)]: 1, [dayOffset(-2)]: 1, [dayOffset(-1)]: 1, [dayOffset(0)]: 1 });
    expect(computeStats(banks, cards, tallied(entries), NOW, 7).activity).toHaveLength(7);
  });

  it("lists the weakest questions by share wrong, then count, then key", () => {
    expect(stats.weakest).toEqual([
      { key: "daily/founders", question: "Consider the following pairs: 1. Amazon — Jeff Bezos", answers: 1, wrong: 1, leech: false },
      { key: "daily/capital", question: "Which city is the capital of France?", answers: 2, wrong: 1, leech: false },
      { key: "daily/rivers", question: "Consider the following statements: 1. The Ganga rises at Gangotri.", answers: 2, wrong: 1, leech: false },
    ]);
  });

  it("lists leeches first among the weakest, whatever their share wrong", () => {
    const leeches = computeStats(banks, cards, tallied(entries), NOW, undefined, 1).weakest;
    expect(leeches.every((weak) => weak.leech)).toBe(true);
    const rivers = computeStats(banks, cards, tallied([...entries, ...entries.filter((entry) => entry.key === "daily/rivers" && !entry.correct)]), NOW, undefined, 2).weakest;
    expect(rivers[0]).toMatchObject({ key: "daily/rivers", leech: true });
  });

  it("keeps at most five weakest questions", () => {
    const wrongs = banks.flatMap((bank) => bank.questions).map((question) => entry(question.key, ago(DAY), false));
    expect(computeStats(banks, new Map(), tallied(wrongs), NOW).weakest).toHaveLength(5);
  });

  it("shows nothing of a removed question", () => {
    const text = JSON.stringify(stats);
    expect(text).not.toContain("gone");
  });

  it("reads no clock of its own: with the system clock years away, the same `now` gives the same stats", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date(2031, 0, 1));
      expect(computeStats(banks, cards, tallied(entries), new Date(NOW.getTime()))).toEqual(stats);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("stats as text at the terminal's width", () => {
  it.each([40, 60, 100])("fits %i columns", async (columns) => {
    const { statsText } = await import("../../src/report/stats-text.js");
    const { plainStyle } = await import("../../src/core/style.js");
    // stats prints to the terminal width given (the command passes textWidth + 2).
    const text = statsText(computeStats(banks, cards, tallied(entries), NOW), plainStyle, columns);
    expect(text.split("\n").filter((line) => Array.from(line).length > columns)).toEqual([]);
  });
});

describe("fitLines", () => {
  it("keeps a line's own indent and indents its continuations two more", () => {
    expect(fitLines(["  aaa bbb ccc"], 9)).toEqual(["  aaa bbb", "    ccc"]);
    expect(fitLines(["    one-long-word"], 8)).toEqual(["    one-long-word"]);
    expect(fitLines(["no indent here"], 8)).toEqual(["no", "  indent", "  here"]);
  });
});
