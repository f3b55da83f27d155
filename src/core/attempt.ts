// What a submitted mock leaves behind: the scored result, the attempt kept in the history, and one
// review-log entry per answered question for spaced repetition. Pure: finishAttempt computes all three
// and the command only saves them, then reports.

import { logEntryFor, safeLetterOf, type Answer, type Outcome } from "./answer.js";
import type { Paper } from "./paper.js";
import type { ReviewLogEntry } from "./review.js";
import { ratingFor } from "./scheduler.js";
import { judgedItems } from "./statement-memory.js";
import { scoreAttempt, type MockResult, type PassMark } from "./scoring.js";

export const ATTEMPT_VERSION = 1;

export interface AttemptOutcome {
  /** `<bank>/<question>`. */
  readonly key: string;
  /** Canonical letters chosen; empty when unanswered. */
  readonly given: readonly string[];
  readonly outcome: Outcome;
  readonly marked: boolean;
  /** Time on screen, at a terminal. */
  readonly ms?: number;
  /** Which statements the answer judged right (core/statement-memory.ts), for completing a submission. */
  readonly items?: readonly boolean[];
}

/** One line of the attempts journal: the totals of a MockResult and each question's outcome. */
export interface Attempt extends Pick<MockResult, "score" | "maxScore" | "percent" | "correct" | "wrong" | "unanswered"> {
  readonly v: number;
  /** Names the attempt in its journal and on each of its review-log entries; absent in old attempts. */
  readonly id?: string;
  /** When the attempt was submitted, ISO-8601. */
  readonly at: string;
  /** The ids of the banks the paper was drawn from, sorted: attempts on the same set are compared. */
  readonly banks: readonly string[];
  readonly seed: number;
  readonly questions: number;
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
  /** From an answer file rather than a terminal. */
  readonly scripted: boolean;
  readonly outcomes: readonly AttemptOutcome[];
}

/** The answers a paper got, in paper order (`answers[i]` answers `paper.questions[i]`). */
export interface Sitting {
  readonly answers: readonly Answer[];
  /** Found before scoring, e.g. an answer file's unknown ids. */
  readonly warnings: readonly string[];
  /** At a terminal only: an answer file has no clock. */
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
  readonly scripted: boolean;
}

export interface FinishedAttempt {
  readonly result: MockResult;
  readonly attempt: Attempt;
  /** For the review log: answered questions only (skipping says nothing about memory). */
  readonly entries: readonly ReviewLogEntry[];
}

export interface FinishOptions {
  readonly passMark?: PassMark;
  /** The last attempt on the same banks, for the change since. */
  readonly previous?: Attempt;
}

/**
 * The result, the attempt and its log entries. `id` ties them together: the attempt is saved first and
 * its entries after it, each carrying the id, so a submission cut off halfway is completed on the next
 * open (completionEntries) rather than left half recorded.
 */
export function finishAttempt(paper: Paper, sitting: Sitting, at: Date, id: string, options: FinishOptions = {}): FinishedAttempt {
  const result = scoreAttempt(sitting.answers, paper.marking, {
    ...(options.passMark && { passMark: options.passMark }),
    ...(sitting.timeUsedMs !== undefined && { timeUsedMs: sitting.timeUsedMs }),
    ...(sitting.timeLimitMs !== undefined && { timeLimitMs: sitting.timeLimitMs }),
    ...(options.previous && { previousScore: options.previous.score }),
    warnings: sitting.warnings,
    seed: paper.seed,
    submittedAt: at,
  });
  return {
    result,
    attempt: { ...attemptFrom(result, { at, banks: paper.banks, seed: paper.seed, scripted: sitting.scripted }), id },
    entries: reviewEntries(result, at, id),
  };
}

export function attemptFrom(result: MockResult, details: { at: Date; banks: readonly string[]; seed: number; scripted: boolean }): Attempt {
  return {
    v: ATTEMPT_VERSION,
    at: details.at.toISOString(),
    banks: [...new Set(details.banks)].sort(),
    seed: details.seed,
    questions: result.questions.length,
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    correct: result.correct,
    wrong: result.wrong,
    unanswered: result.unanswered,
    ...(result.timeUsedMs === undefined ? {} : { timeUsedMs: result.timeUsedMs }),
    ...(result.timeLimitMs === undefined ? {} : { timeLimitMs: result.timeLimitMs }),
    scripted: details.scripted,
    outcomes: result.questions.map((item) => {
      const items = judgedItems(item.question, item.chosen);
      return {
        key: item.question.key,
        given: item.chosen.map(safeLetterOf),
        outcome: item.outcome,
        marked: item.marked,
        ...(item.ms !== undefined && { ms: Math.max(0, Math.round(item.ms)) }),
        ...(items !== undefined && { items }),
      };
    }),
  };
}

/**
 * One review-log entry per answered question, mode "mock". Time on a question is kept in the log but not
 * used for the rating: in a paper it is spent going back and forth, so a right answer is Good and a wrong
 * one Again.
 */
export function reviewEntries(result: MockResult, at: Date, attempt?: string): ReviewLogEntry[] {
  return result.questions.flatMap((item): ReviewLogEntry[] => {
    if (item.outcome === "unanswered") return [];
    return [logEntryFor(item, { rating: ratingFor({ correct: item.outcome === "correct" }), mode: "mock", at, ...(attempt !== undefined && { attempt }) })];
  });
}

/**
 * The entries a saved attempt should have left in the log and did not (the process died while writing
 * them): rebuilt from the attempt's own outcomes, the same as reviewEntries would have written.
 */
export function completionEntries(attempt: Attempt, logged: ReadonlySet<string>): ReviewLogEntry[] {
  if (attempt.id === undefined) return [];
  const id = attempt.id;
  return attempt.outcomes.flatMap((item): ReviewLogEntry[] => {
    if (item.outcome === "unanswered" || logged.has(item.key)) return [];
    const correct = item.outcome === "correct";
    return [{ at: attempt.at, key: item.key, given: [...item.given], correct, ms: item.ms ?? 0, rating: ratingFor({ correct }), mode: "mock", attempt: id, ...(item.items !== undefined && { items: [...item.items] }) }];
  });
}

export function sameBanks(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/** The latest attempt on exactly this set of banks, to show the change since. */
export function previousAttempt(attempts: readonly Attempt[], banks: readonly string[]): Attempt | undefined {
  for (let index = attempts.length - 1; index >= 0; index--) {
    const attempt = attempts[index];
    if (attempt !== undefined && sameBanks(attempt.banks, banks)) return attempt;
  }
  return undefined;
}
