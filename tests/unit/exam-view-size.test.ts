// The mock screen at the sizes people's terminals have: never a line wider than the screen, never more
// lines than it has rows, and the question's own text on screen however small it is.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { createExam, goTo, toggleMark, choose } from "../../src/core/exam.js";
import { isMultiAnswer, type Question } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { drawExam, type ExamMode, type ExamScreen } from "../../src/ui/exam-view.js";

const FOLDER = path.join(import.meta.dirname, "..", "..", "questions");
const BUILT_IN: Question[] = fs
  .readdirSync(FOLDER)
  .filter((file) => file.endsWith(".yaml"))
  .flatMap((file) => loadBankFile(path.join(FOLDER, file), { maxBytes: 20 * 1024 * 1024 }).bank?.questions ?? []);
const PRESENTED = BUILT_IN.map((question) => presentQuestion(question, 3));
const EXAM = createExam(PRESENTED.map((item) => ({ options: item.order.length, multiple: isMultiAnswer(item.question) })), 0);

function screen(index: number, width: number, height: number, more: Partial<ExamScreen> = {}): ExamScreen {
  let state = goTo(EXAM, index, 0);
  state = toggleMark(choose(state, 0));
  return { questions: PRESENTED, state, remainingMs: 7_187_000, mode: "question", typed: "", cursor: index, title: "Mock test · 9 banks", style: plainStyle, width, height, ...more };
}

/** The first words of the question's stem, as the screen wraps them. */
const stemStart = (question: Question) => question.question.split(/\s+/).slice(0, 2).join(" ");

describe("the exam screen at every size", () => {
  it("has built-in questions of every kind to draw", () => {
    expect(new Set(BUILT_IN.map((question) => question.kind)).size).toBeGreaterThanOrEqual(5);
  });

  for (const [width, height] of [[39, 15], [59, 20], [99, 50], [39, 40], [99, 15]] as const) {
    it(`${width + 1}×${height}: no line wider than ${width}, at most ${height - 1} lines, the question visible`, () => {
      for (const [index, question] of BUILT_IN.entries()) {
        for (const mode of ["question", "palette", "confirm", "help"] as ExamMode[]) {
          const lines = drawExam(screen(index, width, height, { mode })).text.split("\n");
          const where = `${question.key} in ${mode}`;
          expect(lines.length, where).toBeLessThanOrEqual(height - 1);
          for (const line of lines) expect(Array.from(line).length, `${where}: ${line}`).toBeLessThanOrEqual(width);
        }
        const text = drawExam(screen(index, width, height)).text;
        expect(text, question.key).toContain(stemStart(question));
      }
    });
  }

  it("keeps the clock whole on one line, even at 40 columns", () => {
    const [first] = drawExam(screen(0, 39, 15)).text.split("\n");
    expect(first).toMatch(/Question 1 of \d+ +Time left 01:59:47$/);
    const tiny = drawExam(screen(0, 20, 15)).text.split("\n")[0];
    expect(tiny).toMatch(/01:59:47$/);
  });

  it("at 15 rows folds the keys into one line that ends in '? keys', and the counts into one", () => {
    const lines = drawExam(screen(0, 39, 15)).text.split("\n");
    expect(lines[lines.length - 1]).toMatch(/\? keys$/);
    expect(lines.some((line) => /^●\d+ ○\d+ ◇\d+ ◆\d+/.test(line))).toBe(true);
  });

  it("scrolls a question taller than its room, with markers above and below", () => {
    const index = BUILT_IN.findIndex((question) => question.kind === "assertion");
    const top = drawExam(screen(index, 39, 15));
    expect(top.maxScroll).toBeGreaterThan(0);
    expect(top.text).toMatch(/↓ \d+ more lines? below · PgDn or j/);
    expect(top.text).not.toContain("above");
    const bottom = drawExam(screen(index, 39, 15, { scroll: top.maxScroll }));
    expect(bottom.text).toMatch(/↑ \d+ more lines? above · PgUp or k/);
    expect(bottom.text).not.toContain("below ·");
    expect(bottom.text).toContain("(d)");
  });

  it("uses one counting scheme: the legend and the confirmation count the same five states", () => {
    const state = toggleMark(choose(goTo(choose(EXAM, 0), 1, 0), 0));
    const at = { ...screen(0, 99, 50), state };
    const legend = drawExam(at).text;
    expect(legend).toContain("● answered 1  ○ not answered 0  ◇ marked 0  ◆ answered & marked 1");
    const confirm = drawExam({ ...at, mode: "confirm" }).text;
    expect(confirm).toMatch(/● Answered\s+1\n\s+○ Not answered\s+0\n\s+◇ Marked\s+0\n\s+◆ Answered & marked\s+1/);
    expect(confirm).not.toMatch(/Answered 2|of which/);
  });
});
