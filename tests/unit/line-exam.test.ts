// The mock test in line mode (TERM=dumb): typed commands against the exam state, the journal fed on
// every change, and the clock that submits when time runs out.

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createExam } from "../../src/core/exam.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { lineCommand, takeExamInLines } from "../../src/ui/line-exam.js";
import { sessionBank } from "../fixtures/fixtures.js";

const questions = sessionBank("extra").questions.map((question) => presentQuestion(question, 1));
const first = questions[0];
if (first === undefined) throw new Error("the extra fixture has no questions");

function sit(lines: string, timeLimitMs = 60_000, record?: (answers: readonly (readonly number[])[]) => void) {
  const input = new PassThrough();
  input.end(lines);
  const written: string[] = [];
  const run = takeExamInLines({
    questions,
    timeLimitMs,
    title: "Mock test · extra",
    style: plainStyle,
    width: 80,
    now: () => Date.now(),
    input,
    write: (text) => void written.push(text),
    signal: new AbortController().signal,
    ...(record && { record: (state) => record(state.answers) }),
  });
  return { run, text: () => written.join("") };
}

describe("lineCommand", () => {
  const state = createExam(questions.map((presented) => ({ options: presented.order.length, multiple: false })), 0);
  it.each([
    ["", { kind: "next" }],
    ["  P ", { kind: "previous" }],
    ["back", { kind: "previous" }],
    ["m", { kind: "mark" }],
    ["x", { kind: "clear" }],
    ["r", { kind: "show" }],
    ["l", { kind: "list" }],
    ["s", { kind: "submit" }],
    ["?", { kind: "help" }],
    ["g 2", { kind: "go", index: 1 }],
    ["g2", { kind: "go", index: 1 }],
    ["2", { kind: "answer", positions: [1] }],
    ["b", { kind: "answer", positions: [1] }],
    // An option's letter answers, even where it is also a command's: c is option (c), not "clear".
    ["c", { kind: "answer", positions: [2] }],
    ["g 99", { kind: "unknown", typed: "g 99" }],
    ["9", { kind: "unknown", typed: "9" }],
    ["submit now", { kind: "unknown", typed: "submit now" }],
  ])("%j → %j", (typed, command) => {
    expect(first.order.length).toBeGreaterThanOrEqual(3);
    expect(lineCommand(typed, state, first)).toEqual(command);
  });

  it("on a question with 13 options or more, m is an option and the word mark marks", () => {
    const many = { ...first, order: Array.from({ length: 14 }, (_, index) => index), question: { ...first.question, options: Array.from({ length: 14 }, (_, index) => `option ${index}`) } } as typeof first;
    expect(lineCommand("m", state, many)).toEqual({ kind: "answer", positions: [12] });
    expect(lineCommand("mark", state, many)).toEqual({ kind: "mark" });
  });
});

describe("takeExamInLines", () => {
  it("answers, goes back, clears, submits after y; every change reaches the journal before the screen says so", async () => {
    const journal: { answers: readonly (readonly number[])[]; shown: string }[] = [];
    let view = () => "";
    const { run, text } = sit("1\np\nx\n2\ns\nn\ns\ny\n", 60_000, (answers) => journal.push({ answers, shown: view() }));
    view = text;
    const result = await run;
    expect(result.ending).toBe("submitted");
    // Question 1 answered with the second option shown, after the first was cleared.
    expect(result.state.answers[0]).toEqual([first.order[1]]);
    expect(journal.at(-1)?.answers).toEqual(result.state.answers);
    // The clear was journaled while the screen had not yet said "Answer cleared.".
    const cleared = journal.find((entry) => (entry.answers[0] ?? []).length === 0 && entry.shown.includes("Answer ("));
    expect(cleared?.shown).not.toContain("Answer cleared.");
    expect(text()).toContain("Answer cleared.");
    expect(text().match(/Submit the test with \d+ unanswered\? \(y\/n\)/g)).toHaveLength(2);
  });

  it("submits what was answered when time runs out while a line is awaited", async () => {
    const input = new PassThrough();
    input.write("1\n");
    const run = takeExamInLines({ questions, timeLimitMs: 1_000, title: "T", style: plainStyle, width: 80, now: () => Date.now(), input, write: () => {}, signal: new AbortController().signal });
    const result = await run;
    expect(result.ending).toBe("time-up");
    // Ended at the deadline: the whole limit used, not the moment the read was cancelled.
    expect(result.usedMs).toBe(1_000);
    expect(result.state.answers[0]).toHaveLength(1);
    input.end();
  });

  it("the end of input leaves the test as a hang-up would, unsubmitted, at a question or at the submit question", async () => {
    await expect(sit("1\n").run).rejects.toMatchObject({ name: "InterruptedError", signal: "SIGHUP" });
    const atSubmit = sit("s\n");
    await expect(atSubmit.run).rejects.toMatchObject({ name: "InterruptedError", signal: "SIGHUP" });
    // Not drawn again before leaving.
    expect(atSubmit.text().match(/Question 1 of/g)).toHaveLength(1);
  });

  it("a change the journal cannot take ends the test with the journal's error, before the screen moves on", async () => {
    const full = new Error("the disk is full");
    const { run, text } = sit("1\n", 60_000, () => {
      throw full;
    });
    await expect(run).rejects.toBe(full);
    expect(text()).not.toContain("Question 2 of");
  });

  it("a record of the time used that fails ends the test with its error while a line is awaited", async () => {
    const full = new Error("the disk is full");
    const input = new PassThrough();
    const run = takeExamInLines({
      questions,
      timeLimitMs: 60_000,
      title: "T",
      style: plainStyle,
      width: 80,
      now: () => Date.now(),
      input,
      write: () => {},
      signal: new AbortController().signal,
      recordEveryMs: 20,
      record: () => {
        throw full;
      },
    });
    await expect(run).rejects.toBe(full);
  });
});
