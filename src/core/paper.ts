// A mock paper: the questions drawn, their on-screen option order, the marking and the time. The same
// banks, filters and seed always give the same paper.

import { defaultTimeLimitMs } from "./duration.js";
import type { Bank, Marking, Question } from "./question.js";
import { seededRandom } from "./random.js";
import { resolveMarking } from "./scoring.js";
import { filterQuestions, noQuestionsError, pickQuestions, presentQuestion, type PresentedQuestion, type QuestionFilter } from "./session.js";

/** A paper is at most as long as the UPSC's, unless -n asks for more. */
export const MAX_DEFAULT_QUESTIONS = 100;

export interface PaperRequest {
  readonly filter: QuestionFilter;
  readonly count: number | undefined;
  readonly timeLimitMs: number | undefined;
  /** --marking; else the banks', else UPSC's. */
  readonly marking: Marking | undefined;
}

export interface Paper {
  readonly questions: readonly Question[];
  /** The questions with their on-screen option order, from the seed; `presented[i]` shows `questions[i]`. */
  readonly presented: readonly PresentedQuestion[];
  readonly seed: number;
  readonly marking: Marking;
  readonly timeLimitMs: number;
  /** Ids of the banks the questions were drawn from (after --topic and --difficulty), sorted. */
  readonly banks: readonly string[];
  /** How many questions matched; more than the paper holds when it was cut to -n or 100. */
  readonly pool: number;
}

export function buildPaper(banks: readonly Bank[], request: PaperRequest, seed: number): Paper {
  const pool = filterQuestions(
    banks.flatMap((bank) => bank.questions),
    request.filter,
  );
  if (pool.length === 0) throw noQuestionsError(request.filter);
  const count = Math.min(pool.length, request.count ?? MAX_DEFAULT_QUESTIONS);
  const questions = pickQuestions(pool, count, seededRandom(seed));
  const poolBanks = new Set(pool.map((question) => question.bank));
  const paperBanks = new Set(questions.map((question) => question.bank));
  const marking = resolveMarking(
    request.marking,
    banks.filter((bank) => paperBanks.has(bank.id)).map((bank) => bank.marking),
  );
  return {
    questions,
    presented: questions.map((question) => presentQuestion(question, seed)),
    seed,
    marking,
    timeLimitMs: request.timeLimitMs ?? defaultTimeLimitMs(questions.length),
    banks: [...poolBanks].sort(),
    pool: pool.length,
  };
}
