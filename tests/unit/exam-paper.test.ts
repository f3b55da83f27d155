// Building a mock paper from banks and options, the scorecard's on-screen letters, the mistake view and
// the attempt history file.

import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Bank, ChoiceQuestion, Marking } from "../../src/core/question.js";
import { UPSC_MARKING } from "../../src/core/question.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { presentQuestion } from "../../src/core/session.js";
import { appendAttempt, attemptsFile, readAttempts } from "../../src/store/attempts.js";
import { attemptFrom, finishAttempt, previousAttempt, reviewEntries } from "../../src/core/attempt.js";
import { makeAnswer } from "../../src/core/answer.js";
import { buildPaper } from "../../src/core/paper.js";
import { renderPretty } from "../../src/report/pretty.js";
import { historyRows } from "../../src/report/history.js";
import { chooseReporter, parseMockOptions, type MockSettings } from "../../src/commands/mock/options.js";
import { mistakeText } from "../../src/ui/review-mistakes.js";
import { plainStyle } from "../../src/core/style.js";
import { makeTempDir } from "../fixtures/fixtures.js";

function question(bank: string, id: string, more: Partial<ChoiceQuestion> = {}): ChoiceQuestion {
  return {
    kind: "choice",
    bank,
    id,
    key: `${bank}/${id}`,
    question: `Question ${id}?`,
    options: ["one", "two", "three", "four"],
    answer: [2],
    shuffle: true,
    tags: [bank],
    multiple: false,
    ...more,
  };
}

function bank(id: string, count: number, marking?: Marking): Bank {
  return {
    id,
    title: id,
    file: `${id}.yaml`,
    sources: [],
    tags: [id],
    ...(marking && { marking }),
    questions: Array.from({ length: count }, (_, index) => question(id, `q${index + 1}`, index % 3 === 0 ? { difficulty: "hard" } : {})),
  };
}

const settings = (more: Partial<MockSettings> = {}): MockSettings => ({ ...parseMockOptions({}), ...more });

describe("buildPaper", () => {
  it("the same banks and seed give the same questions, order and option order", () => {
    const banks = [bank("alpha", 30), bank("beta", 30)];
    const first = buildPaper(banks, settings({ count: 20 }), 7);
    const second = buildPaper(banks, settings({ count: 20 }), 7);
    expect(second.presented.map((item) => [item.question.key, item.order])).toEqual(first.presented.map((item) => [item.question.key, item.order]));
    const other = buildPaper(banks, settings({ count: 20 }), 8);
    expect(other.questions.map((item) => item.key)).not.toEqual(first.questions.map((item) => item.key));
    // Options really are shuffled by the seed, not left in written order.
    expect(first.presented.some((item) => item.order.join() !== "0,1,2,3")).toBe(true);
  });

  it("takes every question up to 100 by default, and as many as -n says", () => {
    const banks = [bank("big", 150)];
    expect(buildPaper(banks, settings(), 1).questions).toHaveLength(100);
    expect(buildPaper(banks, settings({ count: 120 }), 1).questions).toHaveLength(120);
    expect(buildPaper([bank("small", 12)], settings(), 1).questions).toHaveLength(12);
    expect(buildPaper([bank("small", 12)], settings({ count: 50 }), 1)).toMatchObject({ pool: 12 });
  });

  it("the time limit defaults to 72 s a question", () => {
    expect(buildPaper([bank("small", 12)], settings(), 1).timeLimitMs).toBe(12 * 72_000);
    expect(buildPaper([bank("small", 12)], settings({ timeLimitMs: 90_000 }), 1).timeLimitMs).toBe(90_000);
  });

  it("filters by topic and difficulty, and names the banks the paper was drawn from", () => {
    const paper = buildPaper([bank("alpha", 6), bank("beta", 6), bank("gamma", 3)], settings({ filter: { topics: ["beta", "gamma"], difficulty: "hard" } }), 3);
    expect(paper.questions.every((item) => item.difficulty === "hard" && item.bank !== "alpha")).toBe(true);
    expect(paper.banks).toEqual(["beta", "gamma"]);
    expect(() => buildPaper([bank("alpha", 3)], settings({ filter: { topics: ["none"] } }), 1)).toThrow("no questions match topic none");
  });

  it("marking: the flag, else the bank's, else UPSC's", () => {
    const own: Marking = { correct: 1, wrong: -0.25, unanswered: 0 };
    expect(buildPaper([bank("plain", 3)], settings(), 1).marking).toEqual(UPSC_MARKING);
    expect(buildPaper([bank("own", 3, own)], settings(), 1).marking).toEqual(own);
    expect(buildPaper([bank("own", 3, own)], settings({ marking: { correct: 3, wrong: -1, unanswered: 0 } }), 1).marking).toMatchObject({ correct: 3 });
    // A bank filtered out of the paper does not get a say.
    expect(buildPaper([bank("own", 3, own), bank("other", 3, { correct: 4, wrong: -1, unanswered: 0 })], settings({ filter: { topics: ["own"] } }), 1).marking).toEqual(own);
  });
});

describe("chooseReporter", () => {
  it("--reporter, else --output's extension, else pretty on a terminal and json elsewhere", () => {
    expect(chooseReporter("tap", "report.xml", true)).toBe("tap");
    expect(chooseReporter(undefined, "report.xml", true)).toBe("junit");
    expect(chooseReporter(undefined, "out/report.JSON", false)).toBe("json");
    expect(chooseReporter(undefined, "report.tap", false)).toBe("tap");
    expect(chooseReporter(undefined, undefined, true)).toBe("pretty");
    expect(chooseReporter(undefined, undefined, false)).toBe("json");
    expect(chooseReporter(undefined, "report.out", true)).toBe("json");
  });
});

describe("the scorecard at a terminal uses the letters shown", () => {
  it("re-letters the pretty scorecard's choices and answers in screen order; other reports and marks stay canonical", () => {
    const item = question("alpha", "q", { answer: [0] });
    const presented = { question: item, order: [2, 0, 3, 1] };
    const result = scoreAttempt([makeAnswer(item, [3])], UPSC_MARKING);
    // Shown order [c, a, d, b]: canonical d was third on screen (c), the answer a second (b).
    expect(renderPretty(result, plainStyle, [presented])).toContain("chose c, answer b");
    expect(renderPretty(result, plainStyle)).toContain("chose d, answer a");
    expect(result.score).toBe(-0.66);
  });
});

describe("the mistake view", () => {
  it("shows options as they were on screen, the answer given, the right one and the explanation", () => {
    const item = question("alpha", "q", { answer: [0], explanation: "Because \x1b[2J one.", source: "Book" });
    const presented = presentQuestion(item, 11);
    const result = scoreAttempt([makeAnswer(item, [1])], UPSC_MARKING).questions[0];
    if (result === undefined) throw new Error("no result");
    const text = mistakeText({ presented, result, number: 4 }, 0, 2, 70, plainStyle);
    const shownRight = presented.order.indexOf(0);
    const shownGiven = presented.order.indexOf(1);
    expect(text).toContain("Mistake 1 of 2 · question 4 · wrong (-0.66)");
    expect(text).toContain(`✔ (${"abcd"[shownRight]}) one`);
    expect(text).toContain(`✘ (${"abcd"[shownGiven]}) two  ← your answer`);
    expect(text).toContain(`The answer is (${"abcd"[shownRight]}) one`);
    expect(text).toContain("Because ^[[2J one.");
    expect(text).toContain("Source: Book");
  });
});

describe("review-log entries from a mock", () => {
  it("one per answered question, mode mock, Good when right and Again when wrong", () => {
    const right = question("alpha", "right");
    const wrong = question("alpha", "wrong");
    const skipped = question("alpha", "skipped");
    const result = scoreAttempt(
      [
        makeAnswer(right, [2], { ms: 4_000 }),
        makeAnswer(wrong, [0, 1], { ms: 90_000 }),
        makeAnswer(skipped, []),
      ],
      UPSC_MARKING,
    );
    expect(reviewEntries(result, new Date("2025-01-02T03:04:05Z"))).toEqual([
      { at: "2025-01-02T03:04:05.000Z", key: "alpha/right", given: ["c"], correct: true, ms: 4_000, rating: "good", mode: "mock" },
      { at: "2025-01-02T03:04:05.000Z", key: "alpha/wrong", given: ["a", "b"], correct: false, ms: 90_000, rating: "again", mode: "mock" },
    ]);
  });
});

describe("finishAttempt", () => {
  it("scores the sitting, and gives the attempt to keep and the log entries of the answered questions", () => {
    const paper = buildPaper([bank("alpha", 3)], settings(), 4);
    const [first, second, third] = paper.questions;
    if (!first || !second || !third) throw new Error("paper too short");
    const at = new Date("2025-03-04T05:06:07Z");
    const sitting = { answers: [makeAnswer(first, [2], { marked: true, ms: 1_000 }), makeAnswer(second, [0]), makeAnswer(third, [])], warnings: ["w"], scripted: true };
    const previous = attemptFrom(scoreAttempt([makeAnswer(first, [0])], UPSC_MARKING), { at, banks: ["alpha"], seed: 1, scripted: false });
    const finished = finishAttempt(paper, sitting, at, "a-1", { previous });
    expect(finished.result).toMatchObject({ correct: 1, wrong: 1, unanswered: 1, score: 1.34, previousScore: -0.66, change: 2, seed: 4, warnings: ["w"] });
    expect(finished.attempt).toMatchObject({ id: "a-1", at: at.toISOString(), banks: ["alpha"], seed: 4, scripted: true, score: 1.34 });
    expect(finished.entries.every((entry) => entry.attempt === "a-1")).toBe(true);
    expect(finished.attempt.outcomes.map((item) => item.outcome)).toEqual(["correct", "wrong", "unanswered"]);
    expect(finished.entries.map((entry) => [entry.key, entry.rating, entry.mode])).toEqual([
      [first.key, "good", "mock"],
      [second.key, "again", "mock"],
    ]);
  });
});

describe("the attempt history file", () => {
  const temps: (() => void)[] = [];
  afterEach(() => {
    for (const remove of temps.splice(0)) remove();
  });
  function home(): string {
    const temp = makeTempDir("prelim-attempts-");
    temps.push(temp.remove);
    return path.join(temp.dir, "data");
  }
  const attempt = (banks: string[], score: number, at = "2025-01-01T00:00:00Z") =>
    attemptFrom(scoreAttempt([makeAnswer(question(banks[0] ?? "a", "q"), score > 0 ? [2] : [0])], UPSC_MARKING), {
      at: new Date(at),
      banks,
      seed: 5,
      scripted: false,
    });

  it("appends one line per attempt, creating the folder, and reads them back", () => {
    const dir = home();
    appendAttempt(dir, attempt(["beta", "alpha", "alpha"], 2));
    appendAttempt(dir, attempt(["alpha"], 0));
    const text = fs.readFileSync(attemptsFile(dir), "utf8");
    expect(text.split("\n")).toHaveLength(3);
    const read = readAttempts(dir);
    expect(read.skipped).toBe(0);
    expect(read.attempts.map((item) => [item.banks, item.score])).toEqual([
      [["alpha", "beta"], 2],
      [["alpha"], -0.66],
    ]);
    expect(read.attempts[0]?.outcomes).toEqual([{ key: "beta/q", given: ["c"], outcome: "correct", marked: false }]);
  });

  it("a missing file is an empty history", () => {
    expect(readAttempts(home())).toEqual({ attempts: [], skipped: 0 });
  });

  it("skips a torn last line and lines that are not attempts, and appends after them on a new line", () => {
    const dir = home();
    appendAttempt(dir, attempt(["alpha"], 2));
    fs.appendFileSync(attemptsFile(dir), '{"not":"an attempt"}\n{"v":1,"at":"20');
    appendAttempt(dir, attempt(["alpha"], 0));
    const read = readAttempts(dir);
    expect(read.attempts).toHaveLength(2);
    expect(read.skipped).toBe(2);
  });

  it("the previous attempt is the latest on exactly the same set of banks", () => {
    const attempts = [attempt(["alpha", "beta"], 2), attempt(["alpha"], 0), attempt(["beta", "alpha"], 0), attempt(["beta"], 2)];
    expect(previousAttempt(attempts, ["alpha", "beta"])).toBe(attempts[2]);
    expect(previousAttempt(attempts, ["alpha"])).toBe(attempts[1]);
    expect(previousAttempt(attempts, ["gamma"])).toBeUndefined();
    expect(historyRows(attempts).map((row) => row.change)).toEqual([undefined, undefined, -2.66, undefined]);
  });
});
