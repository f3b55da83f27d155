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
    ["m", { kind: "mark" }],
    ["c", { kind: "clear" }],
    ["l", { kind: "list" }],
    ["s", { kind: "submit" }],
    ["?", { kind: "help" }],
    ["g 2", { kind: "go", index: 1 }],
    ["g2", { kind: "go", index: 1 }],
    ["2", { kind: "answer", positions: [1] }],
    ["b", { kind: "answer", positions: [1] }],
    ["g 99", { kind: "unknown", typed: "g 99" }],
    ["9", { kind: "unknown", typed: "9" }],
    ["submit now", { kind: "unknown", typed: "submit now" }],
  ])("%j → %j", (typed, command) => {
    expect(lineCommand(typed, state, first)).toEqual(command);
  });
});

describe("takeExamInLines", () => {
  it("answers, goes back, submits after y; every change reaches the journal first", async () => {
    const journal: (readonly (readonly number[])[])[] = [];
    const { run, text } = sit("1\np\nc\n2\ns\nn\ns\ny\n", 60_000, (answers) => journal.push(answers));
    const result = await run;
    expect(result.ending).toBe("submitted");
    // Question 1 answered with the second option shown, after the first was cleared.
    expect(result.state.answers[0]).toEqual([first.order[1]]);
    expect(journal.at(-1)).toEqual(result.state.answers);
    expect(text()).toContain("Answer cleared.");
    expect(text().match(/Submit the test with \d+ unanswered\? \(y\/n\)/g)).toHaveLength(2);
  });

  it("submits what was answered when time runs out while a line is awaited", async () => {
    const input = new PassThrough();
    input.write("1\n");
    const run = takeExamInLines({ questions, timeLimitMs: 1_000, title: "T", style: plainStyle, width: 80, now: () => Date.now(), input, write: () => {}, signal: new AbortController().signal });
    const result = await run;
    expect(result.ending).toBe("time-up");
    expect(result.usedMs).toBeLessThanOrEqual(1_000);
    expect(result.state.answers[0]).toHaveLength(1);
    input.end();
  });

  it("the end of input leaves the test as a hang-up would, unsubmitted", async () => {
    const { run } = sit("1\n");
    await expect(run).rejects.toMatchObject({ name: "InterruptedError", signal: "SIGHUP" });
  });
});
