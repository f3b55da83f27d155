// Choosing and presenting questions for a session, and judging answers. Pure: randomness comes in as a
// seeded function, time as numbers.

import { UsageError } from "../errors.js";
import { outcomeOf, type Answer } from "./answer.js";
import type { Difficulty, Question } from "./question.js";
import type { ReviewLogEntry } from "./review.js";
import { topicRows, type TopicRow } from "./topics.js";
import type { Random } from "./random.js";
import { hashString, seededRandom, shuffled } from "./random.js";

export interface QuestionFilter {
  /** Keep questions with at least one of these tags. */
  readonly topics?: readonly string[];
  readonly difficulty?: Difficulty;
}

/** The error for a filter that leaves nothing to ask, naming the filter. */
export function noQuestionsError(filter: QuestionFilter): UsageError {
  const topics = filter.topics ?? [];
  const parts = [...(topics.length > 0 ? [`topic ${topics.join(" or ")}`] : []), ...(filter.difficulty ? [`difficulty ${filter.difficulty}`] : [])];
  const message = parts.length > 0 ? `no questions match ${parts.join(" and ")}` : "the banks hold no questions";
  return new UsageError(message, "`prelim banks` lists the topics of each bank.");
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

/** One answer of a practice or review session, as recorded in the review log. */
export interface RecordedAnswer {
  readonly answer: Answer;
  readonly correct: boolean;
  readonly entry: ReviewLogEntry;
  readonly presented: PresentedQuestion;
  /** 1-based position in the session. */
  readonly position: number;
}

export interface PracticeSummary {
  readonly answered: number;
  readonly correct: number;
  /** Share of answered questions answered right, 0–1; 0 when none were answered. */
  readonly accuracy: number;
  readonly totalMs: number;
  /** Most answered first. */
  readonly topics: readonly TopicRow[];
}

/** A practice or review session's answers, each judged; a question counts toward every one of its tags. */
export function summarizePractice(answers: readonly Answer[]): PracticeSummary {
  const judged = answers.map((answer) => ({ question: answer.question, outcome: outcomeOf(answer) }));
  const correct = judged.filter((item) => item.outcome === "correct").length;
  return {
    answered: answers.length,
    correct,
    accuracy: answers.length === 0 ? 0 : correct / answers.length,
    totalMs: answers.reduce((total, answer) => total + (answer.ms ?? 0), 0),
    topics: topicRows(judged).sort((a, b) => b.attempted - a.attempted || (a.topic < b.topic ? -1 : 1)),
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
