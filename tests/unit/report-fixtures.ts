// Hand-built questions for the scoring and report tests, following src/core/question.ts exactly.

import { indexOfLetter, UPSC_MARKING, type ChoiceQuestion } from "../../src/core/question.js";
import { scoreAttempt, type MockResult } from "../../src/core/scoring.js";
import { makeAnswer, type Answer } from "../../src/core/answer.js";
import { parsePassMark } from "../../src/commands/mock/options.js";

export function indexes(letters: string | readonly string[]): number[] {
  return (typeof letters === "string" ? [letters] : letters).map((letter) => {
    const index = indexOfLetter(letter);
    if (index === undefined) throw new Error(`test fixture: ${letter} is not a letter`);
    return index;
  });
}

export function choice(
  id: string,
  options: readonly string[],
  answer: string | readonly string[],
  tags: readonly string[] = [],
  more: { bank?: string; question?: string; explanation?: string } = {},
): ChoiceQuestion {
  const bank = more.bank ?? "polity";
  return {
    kind: "choice",
    bank,
    id,
    key: `${bank}/${id}`,
    question: more.question ?? `Question ${id}?`,
    options,
    answer: indexes(answer),
    shuffle: true,
    tags,
    multiple: Array.isArray(answer),
    ...(more.explanation === undefined ? {} : { explanation: more.explanation }),
  };
}

const ABCD = ["first", "second", "third", "fourth"];

/** A question whose answer is `a`, answered with `given` (undefined: unanswered). */
export function answered(id: string, given: string | readonly string[] | undefined, extra: Partial<Answer> & { tags?: string[]; bank?: string } = {}): Answer {
  const question = choice(id, ABCD, "a", extra.tags ?? [], extra.bank === undefined ? {} : { bank: extra.bank });
  return makeAnswer(question, given === undefined ? [] : indexes(given), { ...(extra.marked !== undefined && { marked: extra.marked }), ...(extra.ms !== undefined && { ms: extra.ms }) });
}

// Every kind of text RELIABILITY.md rows 11–12 list, plus XML's own special characters.
export const HOSTILE =
  'Pick <one> & "quote" \'apos\' ]]> # hash \\ back\n next line\r\x1b[2J clear \x1b]0;title \x9b csi \x07 bell \b \x7f \u202e rtl \ud800 lone \ufffe \x00 nul';

/** Raw control characters that must never reach any report. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/;

/**
 * A small mock across two banks: history has a right, a wrong (with hostile text) and an unanswered
 * question; geography a right several-answer question, a wrong one past the options and an unanswered one.
 */
export function sampleResult(): MockResult {
  const hostile = choice("hostile", [HOSTILE, "b <option>"], "b", ["rights", HOSTILE], {
    bank: "history",
    question: HOSTILE,
    explanation: HOSTILE,
  });
  const answers: Answer[] = [
    { question: choice("plain", ["w", "x", "y", "z"], "a", ["ancient"], { bank: "history" }), chosen: [0], ms: 30_000 },
    { question: hostile, chosen: [0], marked: true, ms: 42_000 },
    { question: choice("skipped", ["w", "x"], "a", [], { bank: "history" }), chosen: [], ms: 5_000 },
    { question: choice("multi", ["w", "x", "y"], ["a", "c"], ["rivers"], { bank: "geography" }), chosen: [0, 2], marked: true },
    { question: choice("past", ["w", "x"], "a", ["rivers"], { bank: "geography" }), chosen: [4] },
    { question: choice("blank", ["w", "x"], "b", ["rivers"], { bank: "geography" }), chosen: [], marked: true },
  ];
  return scoreAttempt(answers, UPSC_MARKING, {
    passMark: parsePassMark("50%"),
    timeUsedMs: 400_000,
    timeLimitMs: 432_000,
    previousScore: 1,
    seed: 7,
    warnings: [`answer "${HOSTILE}" names no question in this test; ignored`],
  });
}
