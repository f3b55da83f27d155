// The pure exam state: answers, marks, navigation, the five palette states, counts and the clock.

import { describe, expect, it } from "vitest";
import {
  choose,
  clearAnswer,
  clockText,
  createExam,
  examCounts,
  goTo,
  isFirst,
  isLast,
  next,
  palette,
  paletteRows,
  previous,
  questionIndexOf,
  questionState,
  remainingMs,
  timeSpent,
  toggleMark,
  type ExamQuestion,
  type ExamState,
} from "../../src/core/exam.js";

const single: ExamQuestion = { options: 4, multiple: false };
const several: ExamQuestion = { options: 4, multiple: true };

function exam(count = 5, at = 1000): ExamState {
  return createExam(Array.from({ length: count }, (_, index) => (index === 1 ? several : single)), at);
}

describe("answers", () => {
  it("a choice answers the current question; another choice replaces it", () => {
    let state = choose(exam(), 2);
    expect(state.answers[0]).toEqual([2]);
    state = choose(state, 0);
    expect(state.answers[0]).toEqual([0]);
    expect(state.answers.slice(1)).toEqual([[], [], [], []]);
  });

  it("choosing the chosen option again clears a single-answer question", () => {
    const state = choose(choose(exam(), 1), 1);
    expect(state.answers[0]).toEqual([]);
    expect(questionState(state, 0)).toBe("not-answered");
  });

  it("a several-answer question toggles each option and keeps them in order", () => {
    let state = goTo(exam(), 1, 2000);
    state = choose(choose(choose(state, 3), 0), 2);
    expect(state.answers[1]).toEqual([0, 2, 3]);
    state = choose(state, 2);
    expect(state.answers[1]).toEqual([0, 3]);
  });

  it("options past the question's, negative or fractional ones are ignored", () => {
    const state = exam();
    expect(choose(state, 4)).toBe(state);
    expect(choose(state, -1)).toBe(state);
    expect(choose(state, 1.5)).toBe(state);
  });

  it("clear takes the answer away and keeps the mark for review", () => {
    let state = toggleMark(choose(exam(), 3));
    expect(questionState(state, 0)).toBe("answered-marked");
    state = clearAnswer(state);
    expect(state.answers[0]).toEqual([]);
    expect(state.marked[0]).toBe(true);
    expect(questionState(state, 0)).toBe("marked");
    expect(clearAnswer(state)).toBe(state);
  });

  it("transitions never change the state they are given", () => {
    const state = exam();
    const frozen = JSON.stringify(state);
    choose(state, 1);
    toggleMark(state);
    next(state, 5000);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});

describe("marks for review", () => {
  it("toggles on the current question only", () => {
    let state = toggleMark(exam());
    expect(state.marked).toEqual([true, false, false, false, false]);
    state = toggleMark(state);
    expect(state.marked).toEqual([false, false, false, false, false]);
  });
});

describe("navigation", () => {
  it("starts on question 1, visited, and next/previous stop at the ends", () => {
    let state = exam(3);
    expect(state.current).toBe(0);
    expect(isFirst(state)).toBe(true);
    expect(previous(state, 2000)).toBe(state);
    state = next(next(state, 2000), 3000);
    expect(state.current).toBe(2);
    expect(isLast(state)).toBe(true);
    expect(next(state, 4000)).toBe(state);
    expect(previous(state, 4000).current).toBe(1);
  });

  it("goTo jumps anywhere in range and marks the question visited", () => {
    const state = goTo(exam(5), 4, 2000);
    expect(state.current).toBe(4);
    expect(state.visited).toEqual([true, false, false, false, true]);
    expect(goTo(state, 5, 3000)).toBe(state);
    expect(goTo(state, -1, 3000)).toBe(state);
    expect(goTo(state, 4, 3000)).toBe(state);
  });

  it("reads typed question numbers as indexes", () => {
    const state = exam(12);
    expect(questionIndexOf(state, "1")).toBe(0);
    expect(questionIndexOf(state, "12")).toBe(11);
    expect(questionIndexOf(state, "13")).toBeUndefined();
    expect(questionIndexOf(state, "0")).toBeUndefined();
    expect(questionIndexOf(state, "")).toBeUndefined();
    expect(questionIndexOf(state, "1a")).toBeUndefined();
  });

  it("adds up the time each question was on screen, across visits", () => {
    let state = exam(3, 0);
    state = goTo(state, 1, 10_000);
    state = goTo(state, 0, 15_000);
    state = goTo(state, 2, 18_000);
    expect(state.spentMs).toEqual([13_000, 5_000, 0]);
    expect(timeSpent(state, 20_000)).toEqual([13_000, 5_000, 2_000]);
  });

  it("a clock that moves back adds no negative time", () => {
    const state = goTo(exam(2, 10_000), 1, 5_000);
    expect(state.spentMs).toEqual([0, 0]);
  });
});

describe("palette and counts", () => {
  // 1 answered, 2 answered & marked, 3 marked, 4 visited only, 5 and 6 not visited; on question 4.
  function everyState(): ExamState {
    let state = exam(6, 0);
    state = choose(state, 0);
    state = next(state, 1);
    state = toggleMark(choose(state, 1));
    state = next(state, 2);
    state = toggleMark(state);
    state = next(state, 3);
    return state;
  }

  it("shows all five states", () => {
    expect(palette(everyState())).toEqual([
      { number: 1, state: "answered", current: false },
      { number: 2, state: "answered-marked", current: false },
      { number: 3, state: "marked", current: false },
      { number: 4, state: "not-answered", current: true },
      { number: 5, state: "not-visited", current: false },
      { number: 6, state: "not-visited", current: false },
    ]);
  });

  it("counts an answered question marked for review as answered", () => {
    expect(examCounts(everyState())).toEqual({
      total: 6,
      answered: 2,
      notAnswered: 1,
      marked: 1,
      answeredMarked: 1,
      notVisited: 2,
      unanswered: 4,
      markedTotal: 2,
    });
  });

  it("the submit summary of an untouched paper: all unanswered, one visited", () => {
    expect(examCounts(exam(4))).toMatchObject({ answered: 0, unanswered: 4, notAnswered: 1, notVisited: 3, markedTotal: 0 });
  });

  it("lays the palette out in rows", () => {
    const rows = paletteRows(exam(23), 10);
    expect(rows.map((row) => row.map((cell) => cell.number))).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23],
    ]);
  });
});

describe("clock", () => {
  it("counts down in whole seconds, rounded up, never below zero", () => {
    expect(remainingMs(10_000, 4_000)).toBe(6_000);
    expect(remainingMs(10_000, 12_000)).toBe(0);
    expect(clockText(0)).toBe("00:00");
    expect(clockText(1)).toBe("00:01");
    expect(clockText(59_001)).toBe("01:00");
    expect(clockText(7_200_000)).toBe("02:00:00");
    expect(clockText(3_723_000)).toBe("01:02:03");
    expect(clockText(-5)).toBe("00:00");
    expect(clockText(Number.NaN)).toBe("00:00");
  });
});
