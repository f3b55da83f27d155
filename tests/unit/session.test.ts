// The session core: which questions, in what order, how options are shown, how answers are judged and
// summed up. Randomness comes in as a seed, so every assertion here is exact.

import { describe, expect, it } from "vitest";
import type { ChoiceQuestion, Question } from "../../src/core/question.js";
import { seededRandom } from "../../src/core/random.js";
import { filterQuestions, pickQuestions, presentQuestion, summarizePractice } from "../../src/core/session.js";
import { makeAnswer, outcomeOf } from "../../src/core/answer.js";

/** An answer as every source makes it, with its verdict. */
function judgeAnswer(question: Question, chosen: readonly number[], ms: number) {
  const answer = makeAnswer(question, chosen, { ms });
  return { ...answer, correct: outcomeOf(answer) === "correct" };
}
import { sessionBank } from "../fixtures/fixtures.js";



const daily = sessionBank("daily");
const extra = sessionBank("extra");
const all = [...daily.questions, ...extra.questions];

function byId(id: string): Question {
  const question = all.find((item) => item.id === id);
  if (!question) throw new Error(`no fixture question ${id}`);
  return question;
}

function generated(count: number): ChoiceQuestion[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: "choice",
    bank: "gen",
    id: `q${index}`,
    key: `gen/q${index}`,
    question: `Question ${index}?`,
    options: ["one", "two", "three", "four"],
    answer: [0],
    shuffle: true,
    tags: [],
    multiple: false,
  }));
}

const keys = (questions: readonly Question[]) => questions.map((question) => question.key);

describe("filterQuestions", () => {
  it("keeps every question when there is no filter", () => {
    expect(keys(filterQuestions(all, {}))).toEqual(keys(all));
    expect(keys(filterQuestions(all, { topics: [] }))).toEqual(keys(all));
  });

  it("keeps questions with any of the topics, in their order", () => {
    expect(keys(filterQuestions(all, { topics: ["maths", "business"] }))).toEqual(["daily/primes", "daily/founders"]);
    expect(keys(filterQuestions(all, { topics: ["geography"] }))).toEqual(["daily/capital", "daily/rivers", "extra/oceans"]);
  });

  it("matches bank tags too, since questions inherit them", () => {
    expect(filterQuestions(all, { topics: ["fixture"] })).toHaveLength(all.length);
  });

  it("filters by difficulty, alone and with topics", () => {
    expect(keys(filterQuestions(all, { difficulty: "hard" }))).toEqual(["daily/founders"]);
    expect(keys(filterQuestions(all, { topics: ["science"], difficulty: "easy" }))).toEqual(["daily/sky-blue", "daily/ordered", "extra/water", "extra/moon"]);
    expect(filterQuestions(all, { topics: ["maths"], difficulty: "easy" })).toEqual([]);
  });

  it("matches no question for an unknown topic", () => {
    expect(filterQuestions(all, { topics: ["no-such-topic"] })).toEqual([]);
  });
});

describe("pickQuestions", () => {
  const pool = generated(40);

  it("gives the same questions in the same order for the same seed", () => {
    expect(keys(pickQuestions(pool, 10, seededRandom(7)))).toEqual(keys(pickQuestions(pool, 10, seededRandom(7))));
    expect(keys(pickQuestions(pool, undefined, seededRandom(123)))).toEqual(keys(pickQuestions(pool, undefined, seededRandom(123))));
  });

  it("gives a different order for a different seed", () => {
    expect(keys(pickQuestions(pool, undefined, seededRandom(1)))).not.toEqual(keys(pickQuestions(pool, undefined, seededRandom(2))));
  });

  it("takes every question, each once, when count is undefined", () => {
    const picked = pickQuestions(pool, undefined, seededRandom(5));
    expect(picked).toHaveLength(pool.length);
    expect(new Set(keys(picked))).toEqual(new Set(keys(pool)));
  });

  it("takes the first `count` of the seeded order", () => {
    const full = keys(pickQuestions(pool, undefined, seededRandom(9)));
    expect(keys(pickQuestions(pool, 5, seededRandom(9)))).toEqual(full.slice(0, 5));
    expect(pickQuestions(pool, 100, seededRandom(9))).toHaveLength(pool.length);
  });

  it("does not reorder the pool it was given", () => {
    const before = keys(pool);
    pickQuestions(pool, 10, seededRandom(3));
    expect(keys(pool)).toEqual(before);
  });
});

describe("presentQuestion", () => {
  it("shows the options of a shuffled question as a permutation, the same for the same seed", () => {
    const capital = byId("capital");
    const first = presentQuestion(capital, 42);
    expect([...first.order].sort()).toEqual([0, 1, 2, 3]);
    expect(presentQuestion(capital, 42).order).toEqual(first.order);
    expect(first.question).toBe(capital);
  });

  it("depends only on the seed and the question, not on the rest of the session", () => {
    const question = generated(10)[4] as ChoiceQuestion;
    const alone = presentQuestion(question, 11).order;
    const inSession = generated(10).map((item) => presentQuestion(item, 11));
    expect(inSession[4]?.order).toEqual(alone);
  });

  it("changes with the seed", () => {
    const question = byId("capital");
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => presentQuestion(question, seed).order.join(",")));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("keeps the written order for shuffle: false, true-false, statements and pairs", () => {
    for (const id of ["ordered", "sky-blue", "rivers", "founders", "moon"]) {
      const question = byId(id);
      expect(question.shuffle, id).toBe(false);
      for (const seed of [0, 1, 2, 99]) expect(presentQuestion(question, seed).order, id).toEqual(question.options.map((_, index) => index));
    }
  });
});

describe("an answer and its outcome", () => {
  it("judges a single-answer question by canonical index", () => {
    const capital = byId("capital");
    expect(judgeAnswer(capital, [0], 1200)).toEqual({ question: capital, chosen: [0], correct: true, ms: 1200 });
    expect(judgeAnswer(capital, [1], 800).correct).toBe(false);
  });

  it("needs exactly the right set for several answers, in any order", () => {
    const primes = byId("primes");
    expect(judgeAnswer(primes, [2, 0], 0)).toMatchObject({ chosen: [0, 2], correct: true });
    expect(judgeAnswer(primes, [0], 0).correct).toBe(false);
    expect(judgeAnswer(primes, [0, 1, 2], 0).correct).toBe(false);
    expect(judgeAnswer(primes, [0, 0], 0)).toMatchObject({ chosen: [0], correct: false });
  });

  it("judges true-false, statements and pairs questions by their generated options", () => {
    expect(judgeAnswer(byId("sky-blue"), [0], 0).correct).toBe(true);
    expect(judgeAnswer(byId("moon"), [1], 0).correct).toBe(true);
    expect(judgeAnswer(byId("rivers"), [0], 0).correct).toBe(true);
    expect(judgeAnswer(byId("rivers"), [2], 0).correct).toBe(false);
    expect(judgeAnswer(byId("founders"), [0], 0).correct).toBe(true);
  });

  it("counts an empty answer as wrong", () => {
    expect(judgeAnswer(byId("capital"), [], 0)).toMatchObject({ chosen: [], correct: false });
  });
});

describe("summarizePractice", () => {
  it("is all zeros for no answers", () => {
    expect(summarizePractice([])).toEqual({ answered: 0, correct: 0, accuracy: 0, totalMs: 0, topics: [] });
  });

  it("counts answers, right ones, time and each tag, most answered topic first", () => {
    const outcomes = [
      judgeAnswer(byId("capital"), [0], 1000),
      judgeAnswer(byId("rivers"), [1], 2000),
      judgeAnswer(byId("primes"), [0, 2], 3000),
      judgeAnswer(byId("water"), [0], 500),
    ];
    const summary = summarizePractice(outcomes);
    expect(summary).toMatchObject({ answered: 4, correct: 3, accuracy: 0.75, totalMs: 6500 });
    expect(summary.topics).toEqual([
      { topic: "fixture", questions: 4, attempted: 4, correct: 3, score: 0 },
      { topic: "geography", questions: 2, attempted: 2, correct: 1, score: 0 },
      { topic: "maths", questions: 1, attempted: 1, correct: 1, score: 0 },
      { topic: "science", questions: 1, attempted: 1, correct: 1, score: 0 },
    ]);
  });
});
