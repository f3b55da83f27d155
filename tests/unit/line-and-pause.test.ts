// The pieces of practice that decide what the learner sees: typed answers in line mode (TERM=dumb),
// whether to wait after the feedback, the review offer after a mock, and the end of a stopped session.

import { feedbackKeysLine } from "../../src/ui/terminal-answers.js";
import { describe, expect, it } from "vitest";
import type { ChoiceQuestion } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { prettySummary } from "../../src/report/session.js";
import { parseTyped } from "../../src/ui/line-answers.js";
import { questionScreenLines, shouldPause } from "../../src/ui/pause-after-feedback.js";
import { reviewQuestion, type Mistake } from "../../src/ui/review-mistakes.js";

const question = (text: string, options: string[]): ChoiceQuestion => ({
  kind: "choice",
  bank: "b",
  id: "q",
  key: "b/q",
  question: text,
  options,
  answer: [0],
  shuffle: false,
  tags: [],
  multiple: false,
});

describe("typed answers in line mode", () => {
  it("reads numbers and letters, several for a several-answer question", () => {
    expect(parseTyped("2", 4, { multiple: false })).toEqual([1]);
    expect(parseTyped(" C ", 4, { multiple: false })).toEqual([2]);
    expect(parseTyped("1 3", 4, { multiple: true })).toEqual([0, 2]);
    expect(parseTyped("c,a,c", 4, { multiple: true })).toEqual([0, 2]);
  });

  it("reads t and f for a true-false question, wherever True is shown", () => {
    expect(parseTyped("t", 2, { multiple: false, trueFalse: { t: 1, f: 0 } })).toEqual([1]);
    expect(parseTyped("false", 2, { multiple: false, trueFalse: { t: 1, f: 0 } })).toEqual([0]);
  });

  it("refuses what names no option", () => {
    for (const typed of ["", "5", "e", "1 2", "0", "yes"]) expect(parseTyped(typed, 4, { multiple: false }), typed).toBeUndefined();
  });
});

describe("pauseAfterFeedback", () => {
  const short = presentQuestion(question("Short?", ["a", "b"]), 1);
  const long = presentQuestion(question(`Long ${"word ".repeat(120)}`, ["a", "b", "c", "d"]), 1);

  it("auto waits only when the feedback and the next question do not fit on the screen together", () => {
    expect(shouldPause("auto", 3, short, { width: 79, height: 40 })).toBe(false);
    expect(shouldPause("auto", 8, long, { width: 39, height: 15 })).toBe(true);
    expect(questionScreenLines(long, 39)).toBeGreaterThan(15);
  });

  it("always and never are what they say; after the last question only always waits", () => {
    expect(shouldPause("always", 1, short, { width: 79, height: 50 })).toBe(true);
    expect(shouldPause("never", 30, long, { width: 39, height: 15 })).toBe(false);
    // The last answer can still be undone, suspended or buried before the summary.
    expect(shouldPause("always", 30, undefined, { width: 39, height: 15 })).toBe(true);
    expect(shouldPause("auto", 30, undefined, { width: 39, height: 15 })).toBe(false);
  });
});

describe("after a mock", () => {
  const item = (outcome: "correct" | "wrong" | "unanswered") => ({ result: { outcome } }) as unknown as Mistake;

  it("names the wrong and the unanswered in the offer to review", () => {
    expect(reviewQuestion([item("wrong"), item("unanswered"), item("unanswered"), item("unanswered"), item("correct")])).toBe("Review 1 wrong and 3 unanswered?");
    expect(reviewQuestion([item("unanswered")])).toBe("Review 1 unanswered?");
    expect(reviewQuestion([item("correct")])).toBe("Every answer was right.");
  });
});

describe("a stopped session's summary", () => {
  it("says once that nothing was answered", () => {
    const text = prettySummary([], { interrupted: true, style: plainStyle, width: 80 });
    expect(text.trim()).toBe("Stopped. No questions answered.");
  });
});

describe("the keys after the feedback", () => {
  it("say as much as fits the width, and after the last question that Enter goes on to the summary", () => {
    for (const width of [38, 58, 78, 98]) {
      for (const last of [false, true]) {
        const line = feedbackKeysLine(width, last);
        for (const part of line.split("\n")) expect(part.length, `${width} ${line}`).toBeLessThanOrEqual(width);
        expect(line).toMatch(last ? /summary/ : /next/);
        expect(line).toMatch(/u:? undo/);
      }
    }
    expect(feedbackKeysLine(98)).toBe("Enter: next question · u: undo the answer · s: suspend it · b: bury it until tomorrow · q: stop");
  });
});
