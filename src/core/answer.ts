// One answer, wherever it came from (the terminal, an answer file, the exam screen), and what it is
// worth. Every source makes an Answer; scoring, the review log and every reporter read one.

import { isCorrectChoice, letterOf, type Question } from "./question.js";
import type { Rating, ReviewLogEntry, SessionMode } from "./review.js";
import { judgedItems } from "./statement-memory.js";

export interface Answer {
  readonly question: Question;
  /**
   * Canonical option indexes chosen, ascending and without repeats; empty when the question was left
   * unanswered. An answer file may name indexes past the options: they count as wrong.
   */
  readonly chosen: readonly number[];
  /** Milliseconds the question was on screen; undefined when it was not timed (an answer file). */
  readonly ms?: number;
  /** Marked for review in a mock test. */
  readonly marked?: boolean;
}

export type Outcome = "correct" | "wrong" | "unanswered";

/** An answer with its choice put in canonical form: sorted, each index once. */
export function makeAnswer(question: Question, chosen: Iterable<number>, details: { ms?: number; marked?: boolean } = {}): Answer {
  return {
    question,
    chosen: [...new Set(chosen)].sort((a, b) => a - b),
    ...(details.ms !== undefined && { ms: details.ms }),
    ...(details.marked !== undefined && { marked: details.marked }),
  };
}

export function outcomeOf(answer: Answer): Outcome {
  if (answer.chosen.length === 0) return "unanswered";
  return isCorrectChoice(answer.question, answer.chosen) ? "correct" : "wrong";
}

/** A letter for display; indexes past z (an answer file's mistake) show as their number. */
export function safeLetterOf(index: number): string {
  return Number.isInteger(index) && index >= 0 && index < 26 ? letterOf(index) : `#${index}`;
}

/** The review-log line an answer leaves: what the learner's progress is derived from. */
export function logEntryFor(answer: Answer, details: { rating: Rating; mode: SessionMode; at: Date; attempt?: string }): ReviewLogEntry {
  const items = judgedItems(answer.question, answer.chosen);
  return {
    at: details.at.toISOString(),
    key: answer.question.key,
    given: answer.chosen.map(safeLetterOf),
    correct: outcomeOf(answer) === "correct",
    ms: Math.max(0, Math.round(answer.ms ?? 0)),
    rating: details.rating,
    mode: details.mode,
    ...(details.attempt !== undefined && { attempt: details.attempt }),
    ...(items !== undefined && { items }),
  };
}
