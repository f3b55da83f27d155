// Prompts at the terminal's size: options wrap to the width, a list longer than the screen pages with
// the cursor in view, a question taller than the screen scrolls, and a resize redraws at the new size.

import { describe, expect, it } from "vitest";
import { renderPrompt as render } from "./render.js";
import { createExam } from "../../src/core/exam.js";
import type { ChoiceQuestion } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { answerPrompt } from "../../src/ui/answer-prompt.js";
import { examPrompt } from "../../src/ui/exam-prompt.js";
import type { Viewport } from "../../src/ui/viewport.js";

interface FakeTerminal extends Viewport {
  columns: number;
  rows: number;
  resize(columns: number, rows: number): void;
}

function fakeTerminal(columns: number, rows: number): FakeTerminal {
  const listeners = new Set<() => void>();
  return {
    columns,
    rows,
    onResize(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    resize(newColumns, newRows) {
      this.columns = newColumns;
      this.rows = newRows;
      for (const listener of listeners) listener();
    },
  };
}

const widest = (screen: string) => Math.max(...screen.split("\n").map((line) => Array.from(line).length));
const LONG = "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I";

describe("the answer prompt at the terminal's size", () => {
  it("wraps long options under their label, never past the width", async () => {
    const terminal = fakeTerminal(40, 30);
    const options = [`a) ${LONG}`, "b) Statement-I is correct but Statement-II is incorrect"];
    const { getScreen } = await render(answerPrompt, { message: "Consider the following statements:", options, multiple: false, style: plainStyle, viewport: terminal });
    const screen = getScreen();
    expect(widest(screen)).toBeLessThanOrEqual(39);
    expect(screen).toMatch(/❯ a\) Both Statement-I and Statement-II\n {5}are correct/);
  });

  it("redraws at the new width when the terminal is resized", async () => {
    const terminal = fakeTerminal(100, 30);
    const { getScreen } = await render(answerPrompt, { message: (width: number) => `width ${width}`, options: [`a) ${LONG}`], multiple: false, style: plainStyle, viewport: terminal });
    expect(getScreen()).toContain("width 99");
    expect(widest(getScreen())).toBeGreaterThan(80);
    terminal.resize(40, 30);
    expect(getScreen()).toContain("width 39");
    expect(widest(getScreen())).toBeLessThanOrEqual(39);
  });

  it("pages a list longer than the screen and keeps the cursor's option in view", async () => {
    const terminal = fakeTerminal(40, 10);
    const options = Array.from({ length: 26 }, (_, index) => `${String.fromCharCode(97 + index)}) bank ${index + 1}`);
    const { events, getScreen } = await render(answerPrompt, { message: "Which banks?", options, multiple: true, style: plainStyle, viewport: terminal });
    expect(getScreen().split("\n").length).toBeLessThanOrEqual(9);
    expect(getScreen()).toContain("Which banks?");
    expect(getScreen()).toMatch(/↓ \d+ more lines below/);
    for (let step = 0; step < 12; step++) events.keypress("down");
    const screen = getScreen();
    expect(screen.split("\n").length).toBeLessThanOrEqual(9);
    expect(screen).toContain("❯ ◯ m) bank 13");
    expect(screen).toContain("Which banks?");
    expect(screen).toMatch(/↑ \d+ more lines above/);
    events.keypress("up");
    events.keypress("up");
    expect(getScreen()).toContain("❯ ◯ k) bank 11");
    // Wrapping round to the top brings the first option back.
    for (let step = 0; step < 16; step++) events.keypress("down");
    events.keypress("down");
    expect(getScreen()).toContain("❯ ◯ b) bank 2");
  });

  it("starts with the cursor in view when it starts far down the list", async () => {
    const options = Array.from({ length: 20 }, (_, index) => `${String.fromCharCode(97 + index)}) ${index + 1}`);
    const { getScreen } = await render(answerPrompt, { message: "How many?", options, multiple: false, initial: [17], style: plainStyle, viewport: fakeTerminal(40, 8) });
    expect(getScreen()).toContain("❯ r) 18");
  });

  it("scrolls a question taller than the screen with PgDn and j, and says how much is left", async () => {
    const message = Array.from({ length: 30 }, (_, index) => `stem line ${index + 1}`).join("\n");
    const { events, getScreen } = await render(answerPrompt, { message, options: ["a) yes", "b) no"], multiple: false, style: plainStyle, viewport: fakeTerminal(40, 15) });
    expect(getScreen()).toContain("stem line 1\n");
    expect(getScreen()).toMatch(/↓ \d+ more lines below · PgDn or j/);
    events.keypress("pagedown");
    expect(getScreen()).not.toContain("stem line 1\n");
    expect(getScreen()).toMatch(/↑ \d+ more lines above · PgUp or k/);
    for (let step = 0; step < 30; step++) events.keypress("j");
    expect(getScreen()).toContain("a) yes");
    expect(getScreen()).not.toContain("below");
    events.keypress("k");
    expect(getScreen()).toContain("below");
  });

  it("on a question with an option j, j answers and Shift+J scrolls", async () => {
    const message = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join("\n");
    const options = Array.from({ length: 12 }, (_, index) => `${String.fromCharCode(97 + index)}) option ${index + 1}`);
    const { answer, events, getScreen } = await render(answerPrompt, { message, options, multiple: false, style: plainStyle, viewport: fakeTerminal(40, 15) });
    expect(getScreen()).toMatch(/PgDn or J/);
    events.keypress({ name: "j", shift: true });
    expect(getScreen()).toMatch(/↑ 1 more line above/);
    events.keypress("j");
    await expect(answer).resolves.toEqual([9]);
  });

  it("t and f answer a true-false question, whatever the order on screen", async () => {
    const config = { message: "Lynas is Australian.", options: ["a) False", "b) True"], multiple: false, style: plainStyle, keys: { t: 1, f: 0 } };
    const first = await render(answerPrompt, config);
    first.events.keypress("t");
    await expect(first.answer).resolves.toEqual([1]);
    const second = await render(answerPrompt, config);
    second.events.keypress("f");
    await expect(second.answer).resolves.toEqual([0]);
  });

  it("the key help says how to stop", async () => {
    const { getScreen } = await render(answerPrompt, { message: "Q?", options: ["a) x", "b) y"], multiple: false, style: plainStyle });
    expect(getScreen()).toContain("Ctrl-C stops");
  });
});

function examConfig(viewport: Viewport, question: string) {
  const presented = [presentQuestion({ kind: "choice", bank: "b", id: "q", key: "b/q", question, options: ["Alpha", LONG, "Gamma", "Delta"], answer: [0], shuffle: false, tags: [], multiple: false } satisfies ChoiceQuestion, 1)];
  return {
    questions: presented,
    initial: createExam([{ options: 4, multiple: false }], 0),
    deadline: 2 * 3600_000,
    now: () => 0,
    title: "Mock test · b",
    style: plainStyle,
    width: 99,
    height: 40,
    viewport,
  };
}

describe("the exam screen at the terminal's size", () => {
  it("redraws at the new width and height on a resize, the clock on the header line", async () => {
    const terminal = fakeTerminal(120, 50);
    const { getScreen } = await render(examPrompt, examConfig(terminal, `Which of these ${"words ".repeat(40)}is right?`));
    expect(getScreen()).toContain("Mock test · b · Question 1 of 1");
    expect(widest(getScreen())).toBeGreaterThan(60);
    terminal.resize(40, 15);
    const screen = getScreen();
    expect(widest(screen)).toBeLessThanOrEqual(39);
    expect(screen.split("\n").length).toBeLessThanOrEqual(14);
    expect(screen.split("\n")[0]).toMatch(/Question 1 of 1 +Time left 02:00:00$/);
    expect(screen).toContain("Which of these words");
  });

  it("scrolls the question with PgDn and ↓, back to its top on another question", async () => {
    const { events, getScreen } = await render(examPrompt, examConfig(fakeTerminal(40, 15), `Which ${"words ".repeat(60)}is right?`));
    expect(getScreen()).toMatch(/↓ \d+ more lines below · PgDn or j/);
    events.keypress("pagedown");
    expect(getScreen()).toMatch(/↑ \d+ more lines above · PgUp or k/);
    for (let step = 0; step < 40; step++) events.keypress("down");
    expect(getScreen()).toContain("(d) Delta");
    events.keypress("pageup");
    events.keypress("k");
    events.keypress("up");
    events.keypress("pageup");
    expect(getScreen()).toContain("Which words");
  });

  it("? shows every key, and goes back", async () => {
    const { events, getScreen } = await render(examPrompt, examConfig(fakeTerminal(40, 15), "Short?"));
    expect(getScreen()).toMatch(/\? keys$/);
    events.keypress({ name: undefined, sequence: "?" } as never);
    expect(getScreen()).toContain("Keys");
    expect(getScreen()).toContain("mark for review");
    events.keypress("escape");
    expect(getScreen()).toContain("Short?");
  });
});
