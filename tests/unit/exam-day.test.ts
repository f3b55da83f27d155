// Scheduling toward an exam date, with an injected clock: a simulated learner over 120 days.
import { describe, expect, it } from "vitest";
import { examDayRecall, examPlan, recallOnExamDay, suggestNewPerDay } from "../../src/core/exam-day.js";
import { examStart, nextCardState, retrievability, towardExam, type CardState, type SchedulerSettings } from "../../src/core/scheduler.js";
import { simulateLearner, LEARNER } from "../fixtures/simulated-learner.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

const START = new Date(2026, 0, 5);
const EXAM = "2026-05-05"; // 120 days after START
const WITH_EXAM: SchedulerSettings & { examDate: string } = { ...SCHEDULING, examDate: EXAM };

function meanRecallOnExam(memory: ReadonlyMap<string, CardState>, keys: readonly string[]): number {
  const exam = examStart(EXAM);
  return keys.reduce((sum, key) => {
    const card = memory.get(key);
    return sum + (card === undefined ? 0 : retrievability(card, exam, LEARNER));
  }, 0) / keys.length;
}

describe("the exam date in scheduling", () => {
  it("never puts a next review past the exam while recall on the exam day would be below target", () => {
    const at = new Date(2026, 3, 1, 9);
    let card: CardState | undefined;
    const checked: number[] = [];
    for (const rating of ["good", "good", "hard", "good", "again", "good", "good", "easy"] as const) {
      card = nextCardState(card, rating, at, WITH_EXAM);
      const free = nextCardState(undefined, rating, at, SCHEDULING);
      expect(free).toBeDefined();
      if (Date.parse(card.due) > examStart(EXAM).getTime()) expect(recallOnExamDay(card, WITH_EXAM)).toBeGreaterThanOrEqual(0.9);
      checked.push(Date.parse(card.due));
    }
    // An interval past the exam with recall below target by then (rounded up, or scheduled with
    // other weights or retention) ends the day before the exam instead.
    const reviewed = new Date(2026, 3, 20, 9);
    const weak: CardState = { ...nextCardState(undefined, "good", reviewed, SCHEDULING), stability: 5, due: new Date(2026, 5, 1).toISOString() };
    expect(towardExam(weak, reviewed, WITH_EXAM)).toMatchObject({ due: new Date(2026, 4, 4).toISOString(), scheduledDays: 14, stability: 5 });
    // Strong enough to stay above target on the day: left alone; so is an answer on the last day.
    expect(towardExam({ ...weak, stability: 400 }, reviewed, WITH_EXAM).due).toBe(weak.due);
    expect(towardExam(weak, new Date(2026, 4, 4, 9), WITH_EXAM).due).toBe(weak.due);
    expect(towardExam(weak, reviewed, SCHEDULING).due).toBe(weak.due);
  });

  it("suggests new questions a day that see every question twice before the exam", () => {
    const keys = Array.from({ length: 300 }, (_, index) => `b/q${index}`);
    expect(suggestNewPerDay(keys, new Map(), new Date(2026, 4, 1, 9), EXAM)).toEqual({ unseen: 300, daysForNew: 1, newPerDay: 300 });
    expect(suggestNewPerDay(keys, new Map(), new Date(2026, 3, 5, 9), EXAM)).toEqual({ unseen: 300, daysForNew: 27, newPerDay: 12 });
  });

  it("a learner with an exam date ends with higher recall on the day, at a bounded extra load", () => {
    const common = { seed: 7, questions: 2400, days: 120, start: START, studyChance: 0.85, newPerDay: 15 } as const;
    const without = simulateLearner({ ...common, scheduling: SCHEDULING });
    // Shown, not forced: this learner takes the suggested count each day (never fewer than newPerDay).
    const withExam = simulateLearner({
      ...common,
      scheduling: WITH_EXAM,
      newFor: (day, cards) => Math.max(common.newPerDay, suggestNewPerDay(without.keys, cards, day, EXAM).newPerDay),
    });
    // The exam date alone, the new count as before: what the cap on intervals does by itself.
    const capOnly = simulateLearner({ ...common, scheduling: WITH_EXAM });
    const before = meanRecallOnExam(without.memory, without.keys);
    console.log(`exam date with newPerDay kept: recall ${meanRecallOnExam(capOnly.memory, capOnly.keys).toFixed(3)}, ${capOnly.entries.length} answers`);
    expect(meanRecallOnExam(capOnly.memory, capOnly.keys)).toBeGreaterThanOrEqual(before);
    const after = meanRecallOnExam(withExam.memory, withExam.keys);
    const load = withExam.entries.length / without.entries.length;
    console.log(
      `exam-day recall: without ${before.toFixed(3)} (${without.entries.length} answers, ${without.reviews} reviews), ` +
        `with ${after.toFixed(3)} (${withExam.entries.length} answers, ${withExam.reviews} reviews): load x${load.toFixed(2)}`,
    );
    expect(after).toBeGreaterThan(before);
    expect(load).toBeLessThan(1.6);
    // No card's schedule is left past the exam with predicted recall below target (the last day's answers aside).
    const lastChance = examStart(EXAM).getTime() - 86_400_000;
    for (const [key, card] of withExam.cards) {
      if (Date.parse(card.due) <= examStart(EXAM).getTime() || Date.parse(card.lastReview ?? "") >= lastChance) continue;
      expect(recallOnExamDay(card, WITH_EXAM), key).toBeGreaterThanOrEqual(0.9);
    }
    const seenTwice = withExam.keys.filter((key) => withExam.entries.filter((entry) => entry.key === key).length >= 2).length;
    console.log(`seen at least twice before the exam: with ${seenTwice} of ${withExam.keys.length}`);

    const picture = examDayRecall(without.keys.map((key) => ({ key, tags: ["sim"], question: key })), withExam.cards, new Date(2026, 4, 1, 9), WITH_EXAM);
    expect(picture.daysLeft).toBe(4);
    expect(picture.topics).toHaveLength(1);
    expect(picture.atRisk.every((risk) => risk.recall < 0.9)).toBe(true);
  }, 120_000);

  it("projects the load per week until the exam", () => {
    const keys = Array.from({ length: 40 }, (_, index) => `b/q${index}`);
    const plan = examPlan(keys, new Map(), new Date(2026, 3, 7, 9), WITH_EXAM, 10);
    expect(plan.daysLeft).toBe(28);
    expect(plan.weeks).toHaveLength(4);
    expect(plan.weeks.reduce((sum, week) => sum + week.newQuestions, 0)).toBe(40);
    expect(plan.weeks[0]).toMatchObject({ start: "2026-04-07", days: 7, newQuestions: 40 });
    expect(plan.weeks[0]?.reviews).toBeGreaterThan(0);
    expect(plan.weeks.reduce((sum, week) => sum + week.reviews, 0)).toBeGreaterThan(40);
  });
});
