// The journal of a mock in progress, pure parts: a state written and read back restores the exam, bad
// values in a hand-edited journal are clamped, and a submission cut short is completed from the attempt.

import { describe, expect, it } from "vitest";
import { journalState, parseHeader, parseState, restoreExam } from "../../src/core/attempt-journal.js";
import { completionEntries, type Attempt } from "../../src/core/attempt.js";
import { choose, createExam, goTo, toggleMark } from "../../src/core/exam.js";

const QUESTIONS = [
  { options: 4, multiple: false },
  { options: 2, multiple: false },
  { options: 4, multiple: true },
];

describe("the attempt journal", () => {
  it("a state written at one time restores the same answers, marks, visits and time, shown again from now", () => {
    let state = createExam(QUESTIONS, 1_000);
    state = choose(state, 2);
    state = toggleMark(state);
    state = goTo(state, 2, 4_000);
    state = choose(choose(state, 0), 3);
    const line = JSON.parse(JSON.stringify({ ...journalState(state, 3_500, new Date("2026-01-01T00:00:00Z"), 5_000), pid: 42 })) as unknown;
    const saved = parseState(line);
    expect(saved).toMatchObject({ usedMs: 3_500, current: 2, pid: 42 });
    const restored = restoreExam(QUESTIONS, saved, 90_000);
    expect(restored).toMatchObject({ current: 2, answers: [[2], [], [0, 3]], marked: [true, false, false], visited: [true, false, true], shownAt: 90_000 });
    // The time on the question on screen up to the moment written is kept.
    expect(restored.spentMs).toEqual([3_000, 0, 1_000]);
  });

  it("clamps what a hand-edited journal gets wrong: a current question out of range, options past the question", () => {
    const restored = restoreExam(QUESTIONS, { type: "state", at: "x", usedMs: 0, current: 9, answers: [[7], [1]], marked: [], visited: [], spentMs: [-5], pid: 0 }, 0);
    expect(restored).toMatchObject({ current: 0, answers: [[], [1], []], marked: [false, false, false], spentMs: [0, 0, 0] });
    expect(parseState({ type: "state", at: "x", usedMs: 1, current: 0, answers: "no" })).toBeUndefined();
  });

  it("reads a header and refuses one without its paper", () => {
    const header = {
      type: "start",
      id: "20260101-000000-1",
      startedAt: "2026-01-01T00:00:00.000Z",
      seed: 1,
      banks: ["b"],
      title: "t",
      timeLimitMs: 60_000,
      marking: { correct: 2, wrong: -0.66, unanswered: 0 },
      questions: [{ key: "b/q", order: [1, 0] }],
      scripted: false,
      pid: 7,
    };
    expect(parseHeader(header)).toMatchObject({ id: header.id, pid: 7, questions: [{ key: "b/q", order: [1, 0] }] });
    expect(parseHeader({ ...header, questions: [] })).toBeUndefined();
    expect(parseHeader({ ...header, marking: { correct: "2" } })).toBeUndefined();
  });
});

describe("completing a submission cut short", () => {
  const attempt: Attempt = {
    v: 1,
    id: "a-1",
    at: "2026-01-01T10:00:00.000Z",
    banks: ["b"],
    seed: 1,
    questions: 3,
    score: 1.34,
    maxScore: 6,
    percent: 22.33,
    correct: 1,
    wrong: 1,
    unanswered: 1,
    scripted: true,
    outcomes: [
      { key: "b/right", given: ["a"], outcome: "correct", marked: false, ms: 4_000 },
      { key: "b/wrong", given: ["c"], outcome: "wrong", marked: true },
      { key: "b/skip", given: [], outcome: "unanswered", marked: false },
    ],
  };

  it("gives the answered questions' entries the log does not have, as the submit would have written them", () => {
    expect(completionEntries(attempt, new Set())).toEqual([
      { at: attempt.at, key: "b/right", given: ["a"], correct: true, ms: 4_000, rating: "good", mode: "mock", attempt: "a-1" },
      { at: attempt.at, key: "b/wrong", given: ["c"], correct: false, ms: 0, rating: "again", mode: "mock", attempt: "a-1" },
    ]);
    expect(completionEntries(attempt, new Set(["b/right"])).map((entry) => entry.key)).toEqual(["b/wrong"]);
    expect(completionEntries({ ...attempt, id: undefined } as unknown as Attempt, new Set())).toEqual([]);
  });
});

describe("a journal's header, written whole", () => {
  it("a temp file left by a process killed while starting an attempt is removed on the next open", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { spawnSync } = await import("node:child_process");
    const { completeSubmissions, journalFolder } = await import("../../src/store/mock-journal.js");
    const { createMemoryStore } = await import("../../src/store/memory-store.js");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-journal-"));
    try {
      const folder = journalFolder(dir);
      fs.mkdirSync(folder, { recursive: true });
      // A pid that has just ended: its process is gone.
      const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
      fs.writeFileSync(path.join(folder, `.start-${dead}.tmp`), '{"type":"start","id":"torn');
      // This process's own temp (an attempt it is starting) is left alone.
      fs.writeFileSync(path.join(folder, `.start-${process.pid}.tmp`), "{");
      completeSubmissions(dir, createMemoryStore());
      expect(fs.readdirSync(folder)).toEqual([`.start-${process.pid}.tmp`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
