// The mock-test prompt through @inquirer/testing: keys drive the exam state, the screen shows the header,
// the question and the palette, the confirmation guards the submission, and the clock cancels the
// prompt when time runs out with every answer given so far kept.

import { PassThrough, Writable } from "node:stream";
import { renderPrompt as render } from "./render.js";
import { describe, expect, it } from "vitest";
import { createExam, type ExamState } from "../../src/core/exam.js";
import type { ChoiceQuestion, Question } from "../../src/core/question.js";
import { presentQuestion, type PresentedQuestion } from "../../src/core/session.js";
import { InterruptedError } from "../../src/errors.js";
import { examPrompt, type ExamPromptConfig } from "../../src/ui/exam-prompt.js";
import { takeExam, type ExamRun, type TakeExamOptions } from "../../src/ui/take-exam.js";
import { plainStyle } from "../../src/core/style.js";

function choice(id: string, options: string[], answer: number[], extra: Partial<ChoiceQuestion> = {}): ChoiceQuestion {
  return {
    kind: "choice",
    bank: "exam-test",
    id,
    key: `exam-test/${id}`,
    question: `Question ${id}?`,
    options,
    answer,
    shuffle: false,
    tags: [],
    multiple: answer.length > 1,
    ...extra,
  };
}

const QUESTIONS: Question[] = [
  choice("first", ["Alpha", "Bravo", "Charlie", "Delta"], [1]),
  choice("second", ["Red", "Green", "Blue", "Yellow"], [0, 2]),
  choice("third", ["One", "Two"], [0]),
];

function present(questions: readonly Question[] = QUESTIONS): PresentedQuestion[] {
  return questions.map((question) => presentQuestion(question, 7));
}

interface Setup {
  readonly config: ExamPromptConfig;
  /** Every state the prompt reported, latest last. */
  readonly states: ExamState[];
  readonly clock: { now: number };
}

function setup(more: Partial<ExamPromptConfig> = {}, questions: readonly Question[] = QUESTIONS): Setup {
  const clock = { now: 1_000_000 };
  const presented = present(questions);
  const states: ExamState[] = [];
  const config: ExamPromptConfig = {
    questions: presented,
    initial: createExam(
      presented.map((item) => ({ options: item.order.length, multiple: item.question.kind === "choice" && item.question.multiple })),
      clock.now,
    ),
    deadline: clock.now + 10 * 60_000,
    now: () => clock.now,
    title: "Mock test · exam-test",
    style: plainStyle,
    width: 76,
    height: 40,
    onChange: (state) => states.push(state),
    ...more,
  };
  return { config, states, clock };
}

const latest = (states: readonly ExamState[]): ExamState => {
  const state = states[states.length - 1];
  if (state === undefined) throw new Error("the prompt reported no state");
  return state;
};

describe("the exam screen", () => {
  it("shows the header with the clock and counts, the question, its options and the palette", async () => {
    const { config } = setup();
    const { getScreen } = await render(examPrompt, config);
    const screen = getScreen();
    expect(screen).toContain("Mock test · exam-test · Question 1 of 3");
    expect(screen).toContain("Time left 10:00");
    // One counting scheme: the palette's five states, each question in exactly one.
    expect(screen).not.toContain("Answered 0");
    expect(screen).toContain("Question first?");
    expect(screen).toMatch(/○ \(a\) Alpha\n\s+○ \(b\) Bravo\n\s+○ \(c\) Charlie\n\s+○ \(d\) Delta/);
    expect(screen).toContain("1–3  [1○] 2·  3·");
    // The legend takes two lines at 76 columns rather than dropping the names.
    expect(screen).toContain("● answered 0  ○ not answered 1  ◇ marked 0  ◆ answered & marked 0\n· not visited 2");
    expect(screen).toContain("S submit");
  });

  it("a letter answers, another changes the answer, the same one again clears it", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("b");
    expect(getScreen()).toContain("● (b) Bravo");
    expect(latest(states).answers[0]).toEqual([1]);
    events.keypress("d");
    expect(getScreen()).toContain("● (d) Delta");
    expect(getScreen()).toContain("○ (b) Bravo");
    expect(latest(states).answers[0]).toEqual([3]);
    events.keypress("d");
    expect(latest(states).answers[0]).toEqual([]);
    expect(getScreen()).toContain("● answered 0  ○ not answered 1");
  });

  it("x clears the answer and m marks for review; answered and marked counts as answered", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("a");
    events.keypress("m");
    // Answered and marked is its own state, counted once, not also under "answered" or "marked".
    expect(getScreen()).toContain("● answered 0  ○ not answered 0  ◇ marked 0  ◆ answered & marked 1");
    expect(getScreen()).toContain("[1◆]");
    expect(getScreen()).toContain("◇ Marked for review");
    events.keypress("x");
    expect(latest(states).answers[0]).toEqual([]);
    expect(latest(states).marked[0]).toBe(true);
    expect(getScreen()).toContain("[1◇]");
  });

  it("several-answer questions tick and untick", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress({ name: "right" });
    expect(getScreen()).toContain("Question second?");
    expect(getScreen()).toContain("Select every right answer.");
    events.keypress("a");
    events.keypress("c");
    events.keypress("d");
    events.keypress("d");
    expect(latest(states).answers[1]).toEqual([0, 2]);
    expect(getScreen()).toContain("■ (a) Red");
    expect(getScreen()).toContain("□ (b) Green");
  });

  it("moves with arrows, p and n and Enter, and says so at either end", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("p");
    expect(getScreen()).toContain("This is the first question.");
    events.keypress("n");
    expect(latest(states).current).toBe(1);
    events.keypress("enter");
    expect(getScreen()).toContain("Question 3 of 3");
    events.keypress({ name: "right" });
    expect(getScreen()).toContain("This is the last question");
    events.keypress({ name: "left" });
    expect(latest(states).current).toBe(1);
    // Question 1 answered nothing and was left: not answered; 3 was visited too.
    expect(getScreen()).toContain("[2○]");
    expect(getScreen()).toContain(" 1○ ");
    expect(getScreen()).toContain(" 3○");
  });

  it("on a question with 13 options m answers and Shift-M marks; Caps Lock letters still answer", async () => {
    const many = choice("many", Array.from({ length: 13 }, (_, index) => `Option ${index + 1}`), [12]);
    const { config, states } = setup({}, [many, QUESTIONS[0] as Question]);
    const { events, getScreen } = await render(examPrompt, config);
    expect(getScreen()).toContain("x clear · M mark for review · ←→ or p n move");
    expect(getScreen()).toContain("G palette");
    events.keypress("m");
    expect(latest(states).answers[0]).toEqual([12]);
    expect(latest(states).marked[0]).toBe(false);
    events.keypress({ name: "m", shift: true });
    expect(latest(states).marked[0]).toBe(true);
    events.keypress({ name: "b", shift: true });
    expect(latest(states).answers[0]).toEqual([1]);
    events.keypress({ name: "n", shift: true });
    expect(latest(states).current).toBe(1);
  });

  it("a letter past the options is not an answer", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("n");
    events.keypress("n");
    events.keypress("c");
    expect(getScreen()).toContain("c is not an option here: the options are a–b.");
    expect(latest(states).answers[2]).toEqual([]);
  });

  it("a typed number and Enter jump to that question; a wrong number says why", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("3");
    expect(getScreen()).toContain("Go to question 3_");
    events.keypress("enter");
    expect(latest(states).current).toBe(2);
    events.keypress("9");
    events.keypress("enter");
    expect(getScreen()).toContain("There is no question 9: the paper has 3.");
    expect(latest(states).current).toBe(2);
  });

  it("g opens the palette, where arrows and Enter open a question", async () => {
    const { config, states } = setup();
    const { events, getScreen } = await render(examPrompt, config);
    events.keypress("g");
    expect(getScreen()).toContain("Question palette");
    expect(getScreen()).not.toContain("Question first?");
    events.keypress({ name: "right" });
    events.keypress({ name: "right" });
    events.keypress("enter");
    expect(latest(states).current).toBe(2);
    expect(getScreen()).toContain("Question third?");
  });

  it("S asks to confirm with the counts; n goes back, y submits and resolves with the state", async () => {
    const { config } = setup();
    const { answer, events, getScreen } = await render(examPrompt, config);
    events.keypress("b");
    events.keypress("m");
    events.keypress({ name: "s", shift: true });
    const confirm = getScreen();
    expect(confirm).toContain("Submit the test?");
    expect(confirm).toMatch(/● Answered\s+0/);
    expect(confirm).toMatch(/◆ Answered & marked\s+1/);
    expect(confirm).toMatch(/· Not visited\s+2/);
    expect(confirm).toContain("1 of 3 scored");
    expect(confirm).toContain("2 unanswered");
    events.keypress("n");
    expect(getScreen()).toContain("Question first?");
    events.keypress({ name: "s", shift: true });
    events.keypress("y");
    const state = await answer;
    expect(state.answers).toEqual([[1], [], []]);
    expect(state.marked).toEqual([true, false, false]);
    expect(getScreen().replace(/\n/g, " ")).toContain("Submitted. ● answered 0 · ○ not answered 0 · ◇ marked 0 · ◆ answered & marked 1");
  });

  it("the clock ticks down on its own and turns to 'Time is up'", async () => {
    const { config, clock } = setup({ tickMs: 10 });
    const { getScreen, nextRender } = await render(examPrompt, config);
    clock.now += 9 * 60_000 + 30_500;
    await nextRender();
    expect(getScreen()).toContain("Time left 00:30");
    clock.now += 60_000;
    await nextRender();
    expect(getScreen()).toContain("Time is up");
  });

  it("never draws more lines than the terminal has, however long the question", async () => {
    const long = choice("long", ["Short", `A long option ${"word ".repeat(300)}`], [0], { question: `Long ${"text ".repeat(3000)}` });
    const { config } = setup({ height: 20 }, [long]);
    const { getScreen } = await render(examPrompt, config);
    const lines = getScreen().split("\n");
    expect(lines.length).toBeLessThanOrEqual(20);
    // The question scrolls: a marker says how much is below and which keys bring it up.
    expect(getScreen()).toMatch(/↓ \d+ more lines below · PgDn or j/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(76);
  });

  it("a change that cannot be recorded is not drawn: the prompt ends with the recorder's error", async () => {
    const full = Object.assign(new Error("Could not save the mock attempt: the disk is full"), { code: "store-disk-full" });
    const { config } = setup({
      onChange: () => {
        throw full;
      },
    });
    const { answer, events, getScreen } = await render(examPrompt, config);
    events.keypress("b");
    await expect(answer).rejects.toBe(full);
    expect(getScreen()).toContain("○ (b) Bravo");
    expect(getScreen()).not.toContain("● (b) Bravo");
  });

  it("shows bank text with control characters made visible, never raw", async () => {
    const hostile = choice("hostile", ["ok \x1b]52;c;aGk=\x07", "bidi \u202e x"], [0], { question: "Clear \x1b[2J now\r\b \x9b1m" });
    const { config } = setup({}, [hostile]);
    const { getScreen } = await render(examPrompt, config);
    const raw = getScreen({ raw: true });
    expect(raw).not.toContain("\x1b[2J");
    expect(raw).not.toContain("\x1b]52");
    expect(raw).not.toMatch(/[\u0007\u0008\u000d\u009b\u202e]/);
    expect(getScreen()).toContain("Clear ^[[2J now^M^H \\u{9b}1m");
  });
});

/** Streams for a prompt opened by takeExam: keys are emitted as readline would. */
function terminal() {
  const input = new PassThrough();
  const output = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const press = (name: string, shift = false) => input.emit("keypress", null, { name, ctrl: false, shift });
  return { input, output, press };
}

/** takeExam on the three questions at 76×40, on the real clock, with the streams of `terminal()`. */
function sitExam(streams: { input: PassThrough; output: Writable }, more: Partial<TakeExamOptions> = {}): Promise<ExamRun> {
  return takeExam({ questions: present(), timeLimitMs: 60_000, signal: new AbortController().signal, now: () => Date.now(), title: "t", style: plainStyle, width: 76, height: 40, ...streams, ...more });
}

describe("takeExam: the prompt under the clock", () => {
  it("when time runs out the prompt is cancelled and the answers given count", async () => {
    const { input, output, press } = terminal();
    const started = Date.now();
    const running = sitExam({ input, output }, { timeLimitMs: 1200 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    press("c");
    press("m");
    press("right");
    const run = await running;
    expect(run.ending).toBe("time-up");
    expect(run.state.answers).toEqual([[2], [], []]);
    expect(run.state.marked).toEqual([true, false, false]);
    expect(run.usedMs).toBeLessThanOrEqual(1200);
    expect(run.spentMs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1200);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a submission before the time ends says so", async () => {
    const { input, output, press } = terminal();
    const running = sitExam({ input, output });
    await new Promise((resolve) => setTimeout(resolve, 20));
    press("a");
    press("s", true);
    press("y");
    const run = await running;
    expect(run.ending).toBe("submitted");
    expect(run.state.answers[0]).toEqual([0]);
  });

  it("a record that fails on the clock's tick ends the exam with its error, not a crash", async () => {
    const full = new Error("the disk is full");
    const records: number[] = [];
    const running = sitExam(terminal(), {
      recordEveryMs: 30,
      record: (_state, usedMs) => {
        records.push(usedMs);
        if (records.length === 2) throw full;
      },
    });
    await expect(running).rejects.toBe(full);
    // The ticker stopped at the failure.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(records).toHaveLength(2);
  });

  it("a signal stops the exam with InterruptedError, not a submission", async () => {
    const { input, output, press } = terminal();
    const session = new AbortController();
    const running = sitExam({ input, output }, { signal: session.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    press("a");
    session.abort(new InterruptedError("SIGTERM"));
    await expect(running).rejects.toMatchObject({ name: "InterruptedError", signal: "SIGTERM" });
  });
});
