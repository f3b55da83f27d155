// Choosing and presenting questions for a session, and judging answers. Pure: randomness comes in as a
// seeded function, time as numbers.

import type { Difficulty, Question } from "./question.js";
import { isCorrectChoice } from "./question.js";
import type { Random } from "./random.js";
import { hashString, seededRandom, shuffled } from "./random.js";

export interface QuestionFilter {
  /** Keep questions with at least one of these tags. */
  readonly topics?: readonly string[];
  readonly difficulty?: Difficulty;
}

export function filterQuestions(questions: readonly Question[], filter: QuestionFilter): Question[] {
  const topics = filter.topics && filter.topics.length > 0 ? new Set(filter.topics) : undefined;
  return questions.filter(
    (question) =>
      (!topics || question.tags.some((tag) => topics.has(tag))) &&
      (!filter.difficulty || question.difficulty === filter.difficulty),
  );
}

/** `count` questions in a seeded random order (all of them when count is undefined). */
export function pickQuestions(questions: readonly Question[], count: number | undefined, random: Random): Question[] {
  const order = shuffled(questions, random);
  return count === undefined ? order : order.slice(0, count);
}

export interface PresentedQuestion {
  readonly question: Question;
  /** Canonical option indexes in the order shown: display position i shows option order[i]. */
  readonly order: readonly number[];
}

/**
 * The on-screen order of a question's options. It is derived from the session seed and the question's
 * key, so one seed gives the same option order whatever else is in the session.
 */
export function presentQuestion(question: Question, seed: number): PresentedQuestion {
  const canonical = question.options.map((_, index) => index);
  if (!question.shuffle) return { question, order: canonical };
  return { question, order: shuffled(canonical, seededRandom(hashString(`${seed}:${question.key}`))) };
}

export interface AnswerOutcome {
  readonly question: Question;
  /** Canonical indexes chosen; empty when skipped. */
  readonly chosen: readonly number[];
  readonly correct: boolean;
  readonly ms: number;
}

export function judgeAnswer(question: Question, chosen: readonly number[], ms: number): AnswerOutcome {
  return { question, chosen: [...chosen].sort((a, b) => a - b), correct: isCorrectChoice(question, chosen), ms };
}

export interface TopicRow {
  readonly topic: string;
  readonly answered: number;
  readonly correct: number;
}

export interface PracticeSummary {
  readonly answered: number;
  readonly correct: number;
  /** Share of answered questions answered right, 0–1; 0 when none were answered. */
  readonly accuracy: number;
  readonly totalMs: number;
  readonly topics: readonly TopicRow[];
  readonly missed: readonly AnswerOutcome[];
}

/** A question counts toward every one of its tags. */
export function summarizePractice(outcomes: readonly AnswerOutcome[]): PracticeSummary {
  const topics = new Map<string, { answered: number; correct: number }>();
  for (const outcome of outcomes) {
    for (const tag of outcome.question.tags) {
      const row = topics.get(tag) ?? { answered: 0, correct: 0 };
      row.answered++;
      if (outcome.correct) row.correct++;
      topics.set(tag, row);
    }
  }
  const correct = outcomes.filter((outcome) => outcome.correct).length;
  return {
    answered: outcomes.length,
    correct,
    accuracy: outcomes.length === 0 ? 0 : correct / outcomes.length,
    totalMs: outcomes.reduce((total, outcome) => total + outcome.ms, 0),
    topics: [...topics].map(([topic, row]) => ({ topic, ...row })).sort((a, b) => b.answered - a.answered || (a.topic < b.topic ? -1 : 1)),
    missed: outcomes.filter((outcome) => !outcome.correct),
  };
}

/** The characters a learner reads for a question: what the time-based rating rule scales with. */
export function readingLength(question: Question): number {
  let length = question.question.length + question.options.reduce((total, option) => total + option.length, 0);
  if (question.kind === "statements") length += question.statements.reduce((total, item) => total + item.text.length, 0);
  if (question.kind === "pairs") length += question.pairs.reduce((total, item) => total + item.left.length + item.right.length, 0);
  if (question.kind === "assertion") length += question.reasons.reduce((total, item) => total + item.text.length, question.claim.text.length);
  if (question.kind === "match") length += [...question.list1, ...question.list2].reduce((total, item) => total + item.length, 0);
  return length;
}
