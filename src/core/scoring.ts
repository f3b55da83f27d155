// Scoring a mock test. Marks are summed as whole hundredths, so two wrong answers at -0.66 make -1.32
// and not -1.3200000000000003; every mark in a MockResult is already rounded to two decimals.

import { UsageError } from "../errors.js";
import { outcomeOf, safeLetterOf, type Answer, type Outcome } from "./answer.js";
import { UPSC_MARKING, type Marking, type Question } from "./question.js";
import { topicRows, type TopicRow } from "./topics.js";

export type { Outcome } from "./answer.js";
export { UNTAGGED, type TopicRow } from "./topics.js";

export type PassMark = { readonly kind: "percent"; readonly percent: number } | { readonly kind: "score"; readonly score: number };

/** An answer as scored: what it was worth in the paper. */
export interface QuestionResult extends Answer {
  readonly outcome: Outcome;
  readonly marks: number;
  readonly marked: boolean;
}

/** How the answers marked for review turned out: did the risky attempts pay? */
export interface MarkedSummary {
  readonly marked: number;
  readonly correct: number;
  readonly wrong: number;
  readonly unanswered: number;
  /** Net marks from the marked questions. */
  readonly marks: number;
}

export interface MockResult {
  /** In paper order. */
  readonly questions: readonly QuestionResult[];
  readonly marking: Marking;
  readonly score: number;
  readonly maxScore: number;
  /** Score as a percent of the maximum. */
  readonly percent: number;
  readonly correct: number;
  readonly wrong: number;
  readonly unanswered: number;
  readonly attempted: number;
  /** Percent of attempted questions answered right; undefined when none was attempted. */
  readonly accuracy: number | undefined;
  /** Marks lost to negative marking, as a positive number. */
  readonly marksLost: number;
  /** Sorted by topic name, so runs with different seeds line up. */
  readonly topics: readonly TopicRow[];
  readonly markedForReview: MarkedSummary;
  readonly passMark: PassMark | undefined;
  /** The score needed to pass, when a pass mark is set. */
  readonly passScore: number | undefined;
  readonly passed: boolean | undefined;
  readonly timeUsedMs: number | undefined;
  readonly timeLimitMs: number | undefined;
  /** Time used over every question of the paper, answered or not, to compare with the 72 s a question pace. */
  readonly averageMs: number | undefined;
  readonly previousScore: number | undefined;
  /** Score minus the previous score. */
  readonly change: number | undefined;
  readonly seed: number | undefined;
  readonly warnings: readonly string[];
  /** When the attempt was submitted, when known (finishAttempt's clock): the JUnit report's timestamp. */
  readonly submittedAt?: Date;
}

export interface ScoreOptions {
  readonly passMark?: PassMark;
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
  readonly previousScore?: number;
  /** Warnings found before scoring (an answer file's unknown ids…); scoring adds its own after them. */
  readonly warnings?: readonly string[];
  readonly seed?: number;
  readonly submittedAt?: Date;
}

const toHundredths = (marks: number): number => Math.round(marks * 100);
// `+ 0` turns -0 into 0, which would otherwise print as "-0" in some places.
const fromHundredths = (hundredths: number): number => hundredths / 100 + 0;
const roundPercent = (part: number, whole: number): number => Math.round((part * 10000) / whole) / 100 + 0;

/** The `--marking` flag, else the banks' marking, else UPSC's. Banks that disagree need the flag. */
export function resolveMarking(flag: Marking | undefined, bankMarkings: readonly (Marking | undefined)[]): Marking {
  if (flag !== undefined) return flag;
  const set = bankMarkings.filter((marking): marking is Marking => marking !== undefined);
  const [first] = set;
  if (first === undefined) return UPSC_MARKING;
  const same = (m: Marking): boolean =>
    m.correct === first.correct && m.wrong === first.wrong && m.unanswered === first.unanswered;
  if (!set.every(same)) {
    throw new UsageError("the banks in this test set different markings: choose one with --marking, e.g. --marking 2,-0.66,0");
  }
  return first;
}

/** The score needed to pass, in hundredths: a percent pass mark is rounded up, so equal to it passes. */
function passHundredths(passMark: PassMark, maxHundredths: number): number {
  if (passMark.kind === "score") return toHundredths(passMark.score);
  return Math.ceil((toHundredths(passMark.percent) * maxHundredths) / 10000);
}

function outOfRangeWarning(question: Question, given: readonly number[]): string | undefined {
  const bad = given.filter((index) => !(Number.isInteger(index) && index >= 0 && index < question.options.length));
  if (bad.length === 0) return undefined;
  const last = safeLetterOf(question.options.length - 1);
  return `${question.key}: ${bad.map(safeLetterOf).join(", ")} is not an option (a–${last}); counted as wrong`;
}

/**
 * Scores an attempt. Answers come in paper order. A question with several right answers scores only when
 * the choice is exactly right. A question counts toward each of its tags in the topic table (its tags
 * include the bank's), so rows can add up to more than the paper; a question without tags counts as UNTAGGED.
 */
export function scoreAttempt(answers: readonly Answer[], marking: Marking, options: ScoreOptions = {}): MockResult {
  const points: Record<Outcome, number> = {
    correct: toHundredths(marking.correct),
    wrong: toHundredths(marking.wrong),
    unanswered: toHundredths(marking.unanswered),
  };
  const warnings = [...(options.warnings ?? [])];
  const counts: Record<Outcome, number> = { correct: 0, wrong: 0, unanswered: 0 };
  const markedCounts: Record<Outcome, number> = { correct: 0, wrong: 0, unanswered: 0 };
  let scoreH = 0;
  let lostH = 0;
  let markedH = 0;

  const scored = answers.map((answer) => {
    const outcome = outcomeOf(answer);
    const warning = outOfRangeWarning(answer.question, answer.chosen);
    if (warning !== undefined) warnings.push(warning);
    const hundredths = points[outcome];
    counts[outcome]++;
    scoreH += hundredths;
    if (hundredths < 0) lostH -= hundredths;
    const marked = answer.marked === true;
    if (marked) {
      markedCounts[outcome]++;
      markedH += hundredths;
    }
    return { answer, outcome, hundredths, marked };
  });
  const questions = scored.map(({ answer, outcome, hundredths, marked }): QuestionResult => ({ ...answer, outcome, marks: fromHundredths(hundredths), marked }));
  const topics = topicRows(scored.map(({ answer, outcome, hundredths }) => ({ question: answer.question, outcome, hundredths })));

  const maxH = answers.length * points.correct;
  const attempted = counts.correct + counts.wrong;
  const passMark = options.passMark;
  const neededH = passMark === undefined ? undefined : passHundredths(passMark, maxH);
  if (neededH !== undefined && neededH > maxH) {
    warnings.push(`the pass mark ${fromHundredths(neededH)} is above the maximum score ${fromHundredths(maxH)}: no attempt can pass`);
  }
  const timeUsedMs = options.timeUsedMs;
  const previousScore = options.previousScore;

  return {
    questions,
    marking,
    score: fromHundredths(scoreH),
    maxScore: fromHundredths(maxH),
    percent: maxH > 0 ? roundPercent(scoreH, maxH) : 0,
    correct: counts.correct,
    wrong: counts.wrong,
    unanswered: counts.unanswered,
    attempted,
    accuracy: attempted > 0 ? roundPercent(counts.correct, attempted) : undefined,
    marksLost: fromHundredths(lostH),
    topics,
    markedForReview: {
      marked: markedCounts.correct + markedCounts.wrong + markedCounts.unanswered,
      ...markedCounts,
      marks: fromHundredths(markedH),
    },
    passMark,
    passScore: neededH === undefined ? undefined : fromHundredths(neededH),
    passed: neededH === undefined ? undefined : scoreH >= neededH,
    timeUsedMs,
    timeLimitMs: options.timeLimitMs,
    averageMs: timeUsedMs === undefined || answers.length === 0 ? undefined : Math.round(timeUsedMs / answers.length),
    previousScore,
    change: previousScore === undefined ? undefined : fromHundredths(scoreH - toHundredths(previousScore)),
    seed: options.seed,
    warnings,
    ...(options.submittedAt !== undefined && { submittedAt: options.submittedAt }),
  };
}
