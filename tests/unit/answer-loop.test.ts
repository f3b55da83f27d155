// The answer loop with a memory store, a fake answer source and an injected clock: each answer is in
// the store before it is acknowledged, and an interruption keeps everything recorded so far.

import { describe, expect, it } from "vitest";
import type { Question } from "../../src/core/question.js";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { presentQuestion, type PresentedQuestion } from "../../src/core/session.js";
import { InterruptedError } from "../../src/errors.js";
import { makeAnswer } from "../../src/core/answer.js";
import { runAnswerLoop, type AnswerSource, type RecordedAnswer } from "../../src/commands/session/answer-loop.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { sessionBank } from "../fixtures/fixtures.js";



const daily = sessionBank("daily");
const question = (id: string): Question => {
  const found = daily.questions.find((item) => item.id === id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found;
};
const presented = (ids: readonly string[], seed = 1): PresentedQuestion[] => ids.map((id) => presentQuestion(question(id), seed));

/** A clock that moves one second each time it is read. */
function fakeClock(start = Date.UTC(2024, 4, 20, 8, 0, 0)) {
  let time = start;
  return () => new Date((time += 1000));
}

/** Answers from a list, one per question; `undefined` skips, an Error is thrown instead of answering. */
/** Given as chosen indexes and time; the source makes the Answer, as every real one does. */
type Given = { chosen: number[]; ms: number | undefined };

function listSource(answers: readonly (Given | undefined | Error)[], confidence?: AnswerSource["confidence"]): AnswerSource & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    async answer(presented, position) {
      asked.push(position);
      const next = answers[position - 1];
      if (next instanceof Error) throw next;
      return next === undefined ? undefined : makeAnswer(presented.question, next.chosen, next.ms === undefined ? {} : { ms: next.ms });
    },
    ...(confidence && { confidence }),
  };
}

describe("runAnswerLoop", () => {
  it("records each answer before calling onRecorded, in order, with the entry the log keeps", async () => {
    const store = createMemoryStore();
    const questions = presented(["capital", "rivers", "primes"]);
    const seenInStore: number[] = [];
    const result = await runAnswerLoop(
      questions,
      listSource([
        { chosen: [0], ms: undefined },
        { chosen: [1], ms: undefined },
        { chosen: [2, 0], ms: undefined },
      ]),
      {
        mode: "practice",
        store,
        now: fakeClock(),
        onRecorded: (answer: RecordedAnswer) => {
          // The acknowledgement comes after the answer is in the store, never before.
          expect(store.entries()).toContainEqual(answer.entry);
          expect(store.cards().has(answer.entry.key)).toBe(true);
          seenInStore.push(store.entries().length);
        },
      },
    );
    expect(seenInStore).toEqual([1, 2, 3]);
    expect(result.interrupted).toBeUndefined();
    expect(result.recorded.map((answer) => answer.position)).toEqual([1, 2, 3]);
    expect(store.entries()).toEqual([
      { at: "2024-05-20T08:00:01.000Z", key: "daily/capital", given: ["a"], correct: true, ms: 0, rating: "good", mode: "practice" },
      // "2 only" against "1 only": both statements misjudged.
      { at: "2024-05-20T08:00:02.000Z", key: "daily/rivers", given: ["b"], correct: false, ms: 0, rating: "again", mode: "practice", items: [false, false] },
      { at: "2024-05-20T08:00:03.000Z", key: "daily/primes", given: ["a", "c"], correct: true, ms: 0, rating: "good", mode: "practice" },
    ]);
  });

  it("skips a question the source does not answer, and records nothing for it", async () => {
    const store = createMemoryStore();
    const acknowledged: string[] = [];
    const result = await runAnswerLoop(presented(["capital", "rivers", "founders"]), listSource([{ chosen: [0], ms: undefined }, undefined, { chosen: [0], ms: undefined }]), {
      mode: "review",
      store,
      now: fakeClock(),
      onRecorded: (answer) => void acknowledged.push(answer.entry.key),
    });
    expect(acknowledged).toEqual(["daily/capital", "daily/founders"]);
    expect(result.recorded.map((answer) => answer.position)).toEqual([1, 3]);
    expect(store.entries().map((entry) => entry.mode)).toEqual(["review", "review"]);
  });

  it("stops at an InterruptedError and returns what was recorded, all of it in the store", async () => {
    const store = createMemoryStore();
    const interruption = new InterruptedError("SIGTERM");
    const source = listSource([{ chosen: [0], ms: 2000 }, { chosen: [1], ms: 2000 }, interruption, { chosen: [0], ms: 2000 }]);
    const result = await runAnswerLoop(presented(["capital", "rivers", "primes", "founders"]), source, {
      mode: "practice",
      store,
      now: fakeClock(),
      onRecorded: () => {},
    });
    expect(result.interrupted).toBe(interruption);
    expect(result.recorded).toHaveLength(2);
    expect(store.entries().map((entry) => entry.key)).toEqual(["daily/capital", "daily/rivers"]);
    expect(source.asked).toEqual([1, 2, 3]);
  });

  it("lets any other error through", async () => {
    const store = createMemoryStore();
    await expect(
      runAnswerLoop(presented(["capital", "rivers"]), listSource([{ chosen: [0], ms: undefined }, new Error("disk on fire")]), {
        mode: "practice",
        store,
        now: fakeClock(),
        onRecorded: () => {},
      }),
    ).rejects.toThrow("disk on fire");
    expect(store.entries()).toHaveLength(1);
  });

  it("never acknowledges an answer the store failed to record", async () => {
    const memory = createMemoryStore();
    let calls = 0;
    const store = {
      ...memory,
      settings: memory.settings,
      record(entry: Parameters<typeof memory.record>[0]) {
        if (++calls === 2) throw new Error("disk full");
        memory.record(entry);
      },
    };
    const acknowledged: string[] = [];
    await expect(
      runAnswerLoop(presented(["capital", "rivers", "founders"]), listSource([{ chosen: [0], ms: undefined }, { chosen: [0], ms: undefined }, { chosen: [0], ms: undefined }]), {
        mode: "practice",
        store,
        now: fakeClock(),
        onRecorded: (answer) => void acknowledged.push(answer.entry.key),
      }),
    ).rejects.toThrow("disk full");
    expect(acknowledged).toEqual(["daily/capital"]);
    expect(memory.entries().map((entry) => entry.key)).toEqual(["daily/capital"]);
  });

  it("rates a right answer Good, or Hard when slow, never Easy from speed; a wrong one Again", async () => {
    const store = createMemoryStore();
    const result = await runAnswerLoop(
      presented(["capital", "sky-blue", "ordered", "rivers"]),
      listSource([
        { chosen: [0], ms: 1000 },
        { chosen: [0], ms: 120_000 },
        { chosen: [0], ms: 6_000 },
        { chosen: [1], ms: 1000 },
      ]),
      { mode: "practice", store, now: fakeClock(), onRecorded: () => {} },
    );
    expect(result.recorded.map((answer) => answer.entry.rating)).toEqual(["good", "hard", "good", "again"]);
    expect(result.recorded.map((answer) => answer.entry.ms)).toEqual([1000, 120_000, 6000, 1000]);
  });

  it("asks for confidence only after a right answer, and uses it as the rating", async () => {
    const store = createMemoryStore();
    let asked = 0;
    const result = await runAnswerLoop(
      presented(["capital", "rivers"]),
      listSource([{ chosen: [0], ms: 1000 }, { chosen: [1], ms: 1000 }], async () => {
        asked++;
        return "guess";
      }),
      { mode: "practice", store, now: fakeClock(), onRecorded: () => {} },
    );
    expect(asked).toBe(1);
    expect(result.recorded.map((answer) => answer.entry.rating)).toEqual(["hard", "again"]);
  });

  it("stops when the source is interrupted while asking for confidence, keeping earlier answers", async () => {
    const store = createMemoryStore();
    const result = await runAnswerLoop(
      presented(["rivers", "capital"]),
      listSource([{ chosen: [1], ms: 1000 }, { chosen: [0], ms: 1000 }], async () => {
        throw new InterruptedError("SIGINT");
      }),
      { mode: "practice", store, now: fakeClock(), onRecorded: () => {} },
    );
    expect(result.interrupted?.signal).toBe("SIGINT");
    expect(store.entries().map((entry) => entry.key)).toEqual(["daily/rivers"]);
  });
});

describe("undo", () => {
  it("answer, undo, answer again: three lines in the log, the card as if answered once, the count once", async () => {
    const store = createMemoryStore();
    let undone = false;
    // Answers in the order asked: the question comes again after the undo.
    const given = [[1], [0]];
    const source: AnswerSource = { answer: async (shown) => makeAnswer(shown.question, given.shift() ?? [], { ms: 5_000 }) };
    const result = await runAnswerLoop(presented(["capital"]), source, {
      mode: "practice",
      store,
      now: fakeClock(),
      undoable: true,
      onRecorded: () => {
        if (undone) return undefined;
        undone = true;
        return "undo";
      },
    });
    const log = store.entries();
    expect(log).toHaveLength(3);
    expect(log[1]).toMatchObject({ key: "daily/capital", voids: log[0]?.at, restore: null, correct: false });
    expect(result.recorded.map((item) => item.entry.given)).toEqual([["a"]]);
    // The card is the one a single right answer at that moment makes.
    const once = createMemoryStore();
    once.record(log[2] as ReviewLogEntry);
    expect(store.cards().get("daily/capital")).toEqual(once.cards().get("daily/capital"));
  });
});
