import { describe, expect, it } from "vitest";
import { UPSC_MARKING, type Marking } from "../../src/core/question.js";
import { UNTAGGED, resolveMarking, scoreAttempt } from "../../src/core/scoring.js";
import { answerFromFile, matchAnswerFile } from "../../src/core/answer-file.js";
import { makeAnswer } from "../../src/core/answer.js";
import { parseMarking, parsePassMark } from "../../src/commands/mock/options.js";
import { UsageError } from "../../src/errors.js";
import type { Question } from "../../src/core/question.js";

/** What the file says for each question of the paper, in paper order, as every command reads it. */
function answersFromFile(paper: readonly Question[], entries: ReadonlyMap<string, readonly string[]>) {
  const matched = matchAnswerFile(paper, entries);
  return { answers: paper.map((question) => answerFromFile(matched, question)), warnings: matched.warnings };
}
import { answered, choice, indexes } from "./report-fixtures.js";

describe("scoreAttempt marks", () => {
  const markings: [string, Marking, number, number, number][] = [
    ["UPSC", UPSC_MARKING, 2, -0.66, 0],
    ["quarter off", { correct: 1, wrong: -0.25, unanswered: 0 }, 1, -0.25, 0],
    ["no negative", { correct: 4, wrong: 0, unanswered: 0 }, 4, 0, 0],
    ["skip penalised", { correct: 3, wrong: -1, unanswered: -0.5 }, 3, -1, -0.5],
  ];
  it.each(markings)("%s: right, wrong and unanswered", (_, marking, right, wrong, blank) => {
    const result = scoreAttempt([answered("q1", "a"), answered("q2", "b"), answered("q3", undefined)], marking);
    expect(result.questions.map((q) => q.outcome)).toEqual(["correct", "wrong", "unanswered"]);
    expect(result.questions.map((q) => q.marks)).toEqual([right, wrong, blank]);
    expect(result.score).toBe(Math.round((right + wrong + blank) * 100) / 100);
    expect(result.maxScore).toBe(right * 3);
    expect([result.correct, result.wrong, result.unanswered, result.attempted]).toEqual([1, 1, 1, 2]);
    expect(result.marksLost).toBe(0 - wrong - blank);
  });

  it("sums in hundredths: two wrong at -0.66 are -1.32, three are -1.98", () => {
    const two = scoreAttempt([answered("q1", "b"), answered("q2", "c")], UPSC_MARKING);
    expect(two.score).toBe(-1.32);
    expect(two.marksLost).toBe(1.32);
    const three = scoreAttempt([answered("q1", "b"), answered("q2", "c"), answered("q3", "d")], UPSC_MARKING);
    expect(three.score).toBe(-1.98);
    const mixed = scoreAttempt([answered("q1", "a"), answered("q2", "b"), answered("q3", "b"), answered("q4", "b")], UPSC_MARKING);
    expect(mixed.score).toBe(0.02);
    expect(mixed.percent).toBe(0.25);
  });

  it("scores a several-answer question only when the choice is exactly right", () => {
    const question = choice("multi", ["w", "x", "y", "z"], ["a", "c"]);
    const outcome = (given: string[]) => scoreAttempt([makeAnswer(question, indexes(given))], UPSC_MARKING).questions[0]?.outcome;
    expect(outcome(["a", "c"])).toBe("correct");
    expect(outcome(["c", "a"])).toBe("correct");
    expect(outcome(["a"])).toBe("wrong");
    expect(outcome(["a", "b", "c"])).toBe("wrong");
    expect(outcome(["a", "a"])).toBe("wrong");
    expect(outcome([])).toBe("unanswered");
  });

  it("counts an empty choice as unanswered and an option past the list as wrong, with a warning", () => {
    const question = choice("four", ["w", "x", "y", "z"], "a");
    const result = scoreAttempt([makeAnswer(question, []), makeAnswer({ ...question, id: "p", key: "polity/p" }, [4])], UPSC_MARKING, {
      warnings: ["from the file"],
    });
    expect(result.questions.map((q) => q.outcome)).toEqual(["unanswered", "wrong"]);
    expect(result.questions[0]?.chosen).toEqual([]);
    expect(result.warnings).toEqual(["from the file", "polity/p: e is not an option (a–d); counted as wrong"]);
  });

  it("reports accuracy, percent, time, change and seed", () => {
    const answers = [answered("q1", "a"), answered("q2", "a"), answered("q3", "a"), answered("q4", "b"), answered("q5", undefined)];
    const result = scoreAttempt(answers, UPSC_MARKING, { timeUsedMs: 300_000, timeLimitMs: 360_000, previousScore: 7.34, seed: 7 });
    expect(result.score).toBe(5.34);
    expect(result.maxScore).toBe(10);
    expect(result.percent).toBe(53.4);
    expect(result.accuracy).toBe(75);
    expect(result.averageMs).toBe(60_000);
    expect(result.timeLimitMs).toBe(360_000);
    expect(result.change).toBe(-2);
    expect(result.seed).toBe(7);
    expect(result.passed).toBeUndefined();
    expect(scoreAttempt([answered("q1", undefined)], UPSC_MARKING).accuracy).toBeUndefined();
  });

  it("handles an empty paper", () => {
    const result = scoreAttempt([], UPSC_MARKING, { timeUsedMs: 1000 });
    expect([result.score, result.maxScore, result.percent, result.averageMs]).toEqual([0, 0, 0, undefined]);
  });
});

describe("pass mark", () => {
  // Ten questions at +2: the maximum is 20.
  const paper = (right: number, wrong: number) =>
    Array.from({ length: 10 }, (_, i) => answered(`q${i}`, i < right ? "a" : i < right + wrong ? "b" : undefined));

  it("passes a percent pass mark when the score equals it, fails just below", () => {
    const passMark = parsePassMark("60%");
    const equal = scoreAttempt(paper(6, 0), UPSC_MARKING, { passMark });
    expect([equal.score, equal.passScore, equal.passed]).toEqual([12, 12, true]);
    const below = scoreAttempt(paper(6, 1), UPSC_MARKING, { passMark });
    expect([below.score, below.passed]).toEqual([11.34, false]);
  });

  it("rounds a percent pass mark up to the hundredth", () => {
    const result = scoreAttempt(paper(3, 0), UPSC_MARKING, { passMark: parsePassMark("33.33%") });
    expect(result.passScore).toBe(6.67);
    expect(result.passed).toBe(false);
  });

  it("passes a score pass mark at the boundary", () => {
    const passMark = parsePassMark("11.34");
    expect(scoreAttempt(paper(6, 1), UPSC_MARKING, { passMark }).passed).toBe(true);
    expect(scoreAttempt(paper(6, 2), UPSC_MARKING, { passMark }).passed).toBe(false);
  });

  it("warns when no attempt can pass", () => {
    const result = scoreAttempt(paper(10, 0), UPSC_MARKING, { passMark: parsePassMark("25") });
    expect(result.passed).toBe(false);
    expect(result.warnings).toEqual(["the pass mark 25 is above the maximum score 20: no attempt can pass"]);
  });
});

describe("topics and marked for review", () => {
  it("counts a question toward each of its tags, sorted by name, with untagged questions apart", () => {
    const result = scoreAttempt(
      [
        answered("q1", "a", { tags: ["polity", "rights"] }),
        answered("q2", "b", { tags: ["polity"] }),
        answered("q3", undefined, { tags: ["economy", "polity"] }),
        answered("q4", "a"),
      ],
      UPSC_MARKING,
    );
    expect(result.topics).toEqual([
      { topic: UNTAGGED, questions: 1, attempted: 1, correct: 1, score: 2 },
      { topic: "economy", questions: 1, attempted: 0, correct: 0, score: 0 },
      { topic: "polity", questions: 3, attempted: 2, correct: 1, score: 1.34 },
      { topic: "rights", questions: 1, attempted: 1, correct: 1, score: 2 },
    ]);
  });

  it("sums how the marked answers turned out", () => {
    const result = scoreAttempt(
      [
        answered("q1", "a", { marked: true }),
        answered("q2", "b", { marked: true }),
        answered("q3", "c", { marked: true }),
        answered("q4", undefined, { marked: true }),
        answered("q5", "b"),
      ],
      UPSC_MARKING,
    );
    expect(result.markedForReview).toEqual({ marked: 4, correct: 1, wrong: 2, unanswered: 1, marks: 0.68 });
    expect(result.questions.map((q) => q.marked)).toEqual([true, true, true, true, false]);
  });
});

describe("parseMarking", () => {
  it.each([
    ["2,-0.66,0", { correct: 2, wrong: -0.66, unanswered: 0 }],
    [" 1 , -0.25 , 0 ", { correct: 1, wrong: -0.25, unanswered: 0 }],
    ["4,-1", { correct: 4, wrong: -1, unanswered: 0 }],
    ["+3,0,-0.5", { correct: 3, wrong: 0, unanswered: -0.5 }],
  ])("parses %j", (text, marking) => {
    expect(parseMarking(text)).toEqual(marking);
  });

  it.each(["", "2", "2,-0.66,0,1", "two,-1,0", "2,-0.666,0", "2;-0.66;0", "0,-1,0", "2,0.5,0", "2,-1,1"])("refuses %j", (text) => {
    expect(() => parseMarking(text)).toThrow(UsageError);
    expect(() => parseMarking(text)).toThrow(/--marking/);
  });

  it("says what is allowed", () => {
    expect(() => parseMarking("x")).toThrow('--marking "x" is not a marking: give correct,wrong,unanswered marks such as 2,-0.66,0');
  });
});

describe("resolveMarking", () => {
  const bank = { correct: 1, wrong: -0.33, unanswered: 0 };
  it("prefers the flag, then the banks, then UPSC", () => {
    expect(resolveMarking({ correct: 4, wrong: -1, unanswered: 0 }, [bank])).toEqual({ correct: 4, wrong: -1, unanswered: 0 });
    expect(resolveMarking(undefined, [undefined, bank, { ...bank }])).toBe(bank);
    expect(resolveMarking(undefined, [undefined])).toBe(UPSC_MARKING);
  });
  it("refuses banks that disagree without the flag", () => {
    expect(() => resolveMarking(undefined, [bank, UPSC_MARKING])).toThrow(/choose one with --marking/);
  });
});

describe("parsePassMark", () => {
  it.each([
    ["60%", { kind: "percent", percent: 60 }],
    ["33.33 %", { kind: "percent", percent: 33.33 }],
    ["100%", { kind: "percent", percent: 100 }],
    ["66.5", { kind: "score", score: 66.5 }],
    [" 0 ", { kind: "score", score: 0 }],
  ])("parses %j", (text, passMark) => {
    expect(parsePassMark(text)).toEqual(passMark);
  });

  it.each(["", "%", "101%", "-5", "-5%", "sixty", "60%%", "66.555", "1e2"])("refuses %j", (text) => {
    expect(() => parsePassMark(text)).toThrow(UsageError);
    expect(() => parsePassMark(text)).toThrow(/percent of the maximum score \(60%\) or a score \(66\.5\)/);
  });
});

describe("answersFromFile", () => {
  const q1 = choice("q1", ["w", "x", "y", "z"], "a", [], { bank: "history" });
  const q2 = choice("q2", ["w", "x", "y"], ["a", "b"], [], { bank: "history" });
  const dupA = choice("same", ["w", "x"], "a", [], { bank: "history" });
  const dupB = choice("same", ["w", "x"], "b", [], { bank: "geography" });
  const paper = [q1, q2, dupA, dupB];

  it("matches ids and bank/ids, in paper order, leaving the rest unanswered", () => {
    const { answers, warnings } = answersFromFile(paper, new Map([["geography/same", ["b"]], ["q2", ["B", "a"]]]));
    expect(answers.map((a) => [a.question.key, a.chosen])).toEqual([
      ["history/q1", []],
      ["history/q2", [0, 1]],
      ["history/same", []],
      ["geography/same", [1]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns about unknown, ambiguous, doubled and malformed entries", () => {
    const { answers, warnings } = answersFromFile(
      paper,
      new Map([
        ["nope", ["a"]],
        ["same", ["a"]],
        ["q1", ["a"]],
        ["history/q1", ["b"]],
        ["q2", ["a", "a"]],
        ["history/same", ["1"]],
      ]),
    );
    expect(warnings).toEqual([
      'answer "nope" names no question in this test; ignored',
      'answer "same" could be history/same or geography/same: write it as bank/id; ignored',
      "history/q1 is answered twice in the answer file; the first answer is used",
      "history/q2: a letter is repeated in the answer file; counted once",
      'history/same: "1" is not an option letter (a, b, c…); counted as unanswered',
    ]);
    expect(answers.map((a) => a.chosen)).toEqual([[0], [0], [], []]);
  });

  it("keeps a letter past the options, which scores as wrong with a warning", () => {
    const { answers, warnings } = answersFromFile(paper, new Map([["q1", ["e"]]]));
    expect(warnings).toEqual([]);
    const result = scoreAttempt(answers, UPSC_MARKING, { warnings });
    expect(result.questions[0]?.outcome).toBe("wrong");
    expect(result.wrong).toBe(1);
    expect(result.warnings).toEqual(["history/q1: e is not an option (a–d); counted as wrong"]);
  });
});
