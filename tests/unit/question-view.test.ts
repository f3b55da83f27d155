// How a question looks: header, stem, numbered statements, pairs in two columns, labelled options,
// feedback. Text from a bank is bounded in height and never reaches the terminal with raw controls.

import { describe, expect, it } from "vitest";
import type { PairsQuestion, Question, StatementsQuestion } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { feedback, optionLabels, questionBody, questionHeader, rightAnswerText, wrap } from "../../src/ui/question-view.js";
import { sessionBank } from "../fixtures/fixtures.js";



const daily = sessionBank("daily");
function question<Q extends Question = Question>(id: string): Q {
  const found = daily.questions.find((item) => item.id === id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found as Q;
}

/** Anything a terminal could act on, except newline and tab (RELIABILITY.md row 11). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
const HOSTILE = "evil \x1b[2J clear \x1b]52;c;aGk=\x07 osc52 \x1b]0;title \x9b c1 \r cr \b bs \x07 bel \x7f del \u202e rtl \x00 nul";

describe("questionHeader", () => {
  it("gives the position, the most specific tag and the difficulty", () => {
    expect(questionHeader(2, 5, question("capital"), plainStyle)).toBe("Question 2 of 5 · geography · easy");
  });
});

describe("questionBody", () => {
  it("numbers the statements and adds the prompt line", () => {
    const body = questionBody(question("rivers"), 80, plainStyle).split("\n");
    expect(body).toEqual([
      "Consider the following statements:",
      "  1. The Ganga rises at Gangotri.",
      "  2. The Yamuna flows into the Arabian Sea.",
      "Which of the statements given above is/are correct?",
    ]);
  });

  it("indents a long statement under its own text", () => {
    const long = { ...question<StatementsQuestion>("rivers"), statements: [{ text: "word ".repeat(40).trim(), correct: true }, { text: "short", correct: false }] };
    const lines = questionBody(long, 40, plainStyle).split("\n");
    expect(lines[1]?.startsWith("  1. word")).toBe(true);
    expect(lines[2]?.startsWith("     word")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it("shows pairs as two aligned columns", () => {
    const body = questionBody(question("founders"), 80, plainStyle).split("\n");
    expect(body[0]).toBe("Consider the following pairs:");
    const rows = body.slice(1, 4);
    expect(rows).toEqual(["  1. Amazon     —  Jeff Bezos", "  2. Microsoft  —  Steve Jobs", "  3. Tesla      —  Larry Page"]);
    expect(new Set(rows.map((row) => row.indexOf("—"))).size).toBe(1);
    expect(body[4]).toBe("How many of the pairs given above are correctly matched?");
  });

  it("keeps long pairs inside the width, both columns wrapped", () => {
    const base = question<PairsQuestion>("founders");
    const long = { ...base, pairs: [{ left: "left ".repeat(20).trim(), right: "right ".repeat(30).trim(), correct: true }, ...base.pairs.slice(1)] };
    const lines = questionBody(long, 60, plainStyle).split("\n");
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(lines.filter((line) => line.includes("—")).length).toBeGreaterThanOrEqual(3);
    // One dash per pair, on its first line: wrapped lines do not read as pairs of their own.
    expect(lines.filter((line) => line.includes("—")).length).toBe(long.pairs.length);
  });

  it("keeps unbroken words in pairs inside the width too", () => {
    const base = question<PairsQuestion>("founders");
    const long = { ...base, pairs: [{ left: "l".repeat(100), right: "r".repeat(200), correct: true }, ...base.pairs.slice(1)] };
    for (const width of [40, 60, 98]) {
      for (const line of questionBody(long, width, plainStyle).split("\n")) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it("asks for every right answer on a several-answer question", () => {
    expect(questionBody(question("primes"), 80, plainStyle)).toContain("Select every right answer.");
    expect(questionBody(question("capital"), 80, plainStyle)).not.toContain("Select every right answer.");
  });

  it("bounds a huge question: at most 30 lines a text, none wider than the screen", () => {
    const huge = { ...question("capital"), question: "lorem ipsum dolor ".repeat(3000) };
    const lines = questionBody(huge, 60, plainStyle).split("\n");
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.at(-1)).toMatch(/… \(\d+ more lines\)/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it("cuts one unbroken word longer than the line", () => {
    const lines = wrap("x".repeat(250), 50);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });
});

describe("optionLabels and feedback", () => {
  it("labels options by their place on screen and names the right one the same way", () => {
    const shown = presentQuestion(question("capital"), 3);
    const labels = optionLabels(shown);
    expect(labels.map((label) => label.slice(0, 3))).toEqual(["a) ", "b) ", "c) ", "d) "]);
    expect(labels.map((label) => label.slice(3))).toEqual(shown.order.map((index) => ["Paris", "Lyon", "Marseille", "Nice"][index]));
    const position = shown.order.indexOf(0);
    expect(rightAnswerText(shown)).toBe(`(${"abcd"[position]}) Paris`);
  });

  it("keeps the written order where shuffling is off", () => {
    expect(optionLabels(presentQuestion(question("ordered"), 3))).toEqual(["a) Apple", "b) Carrot", "c) Potato", "d) All of the above"]);
  });

  it("says right or wrong, with the answer, the explanation and the source", () => {
    const shown = presentQuestion(question("rivers"), 1);
    expect(feedback(shown, true, 80, plainStyle)).toBe("✔ Correct. The answer is (a) 1 only\n  The Yamuna joins the Ganga at Prayagraj.\n  Source: A geography book");
    expect(feedback(shown, false, 80, plainStyle).split("\n")[0]).toBe("✘ Wrong. The answer is (a) 1 only");
  });
});

describe("control characters from a bank", () => {
  const statements: StatementsQuestion = {
    ...question<StatementsQuestion>("rivers"),
    question: HOSTILE,
    statements: [
      { text: HOSTILE, correct: true },
      { text: "plain", correct: false },
    ],
    options: [HOSTILE, "b", "c", "d"],
    explanation: HOSTILE,
    source: HOSTILE,
    tags: [HOSTILE],
    prompt: HOSTILE,
  };
  const pairs: PairsQuestion = {
    ...question<PairsQuestion>("founders"),
    question: HOSTILE,
    pairs: [
      { left: HOSTILE, right: HOSTILE, correct: true },
      { left: "x", right: "y", correct: false },
    ],
    prompt: HOSTILE,
  };

  it("never reach the screen raw, in any part of a question", () => {
    for (const item of [statements, pairs]) {
      const shown = presentQuestion(item, 1);
      const screen = [
        questionHeader(1, 1, item, plainStyle),
        questionBody(item, 70, plainStyle),
        ...optionLabels(shown),
        rightAnswerText(shown),
        feedback(shown, false, 70, plainStyle),
        feedback(shown, true, 70, plainStyle),
      ].join("\n");
      expect(screen).not.toMatch(RAW_CONTROL);
      expect(screen).toContain("^[[2J");
    }
  });

  it("are shown as caret or \\u{…} notation", () => {
    const text = wrap("a\x1b[31mred\x9b\u202eb", 80).join("\n");
    expect(text).toBe("a^[[31mred\\u{9b}\\u{202e}b");
  });
});

describe("when the question comes back", () => {
  it("says the day and the date, as the scheduler set them", async () => {
    const { nextReviewText } = await import("../../src/core/relative-day.js");
    const now = new Date(2026, 11, 1, 9, 0);
    expect(nextReviewText(new Date(2026, 11, 2, 9, 0), now)).toBe("tomorrow, Wed 2 Dec");
    expect(nextReviewText(new Date(2026, 11, 5, 9, 0), now)).toBe("in 4 days, Sat 5 Dec");
    expect(nextReviewText(new Date(2027, 0, 20, 9, 0), now)).toBe("in 50 days, Wed 20 Jan 2027");
  });
});
