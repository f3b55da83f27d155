// Scoring a mock test. Marks are summed as whole hundredths, so two wrong answers at -0.66 make -1.32
// and not -1.3200000000000003; every mark in a MockResult is already rounded to two decimals.

import { indexOfLetter, isCorrectChoice, letterOf, UPSC_MARKING, type Marking, type Question } from "./question.js";

/** A command-line value that cannot be used. The message says what is allowed; the CLI maps it to exit 2. */
export class OptionValueError extends Error {
  override readonly name = "OptionValueError";

  constructor(
    readonly option: string,
    readonly value: string,
    message: string,
  ) {
    super(message);
  }
}

export type Outcome = "correct" | "wrong" | "unanswered";

export type PassMark = { readonly kind: "percent"; readonly percent: number } | { readonly kind: "score"; readonly score: number };

export interface AnsweredQuestion {
  readonly question: Question;
  /** Canonical option indexes chosen; undefined or empty when the question was left unanswered. */
  readonly given: readonly number[] | undefined;
  readonly marked?: boolean;
  readonly ms?: number;
}

export interface QuestionResult {
  readonly question: Question;
  /** Canonical option indexes chosen, ascending; undefined when unanswered. May hold indexes past the options. */
  readonly given: readonly number[] | undefined;
  readonly outcome: Outcome;
  readonly marks: number;
  readonly marked: boolean;
  readonly ms: number | undefined;
}

export interface TopicRow {
  readonly topic: string;
  readonly questions: number;
  readonly attempted: number;
  readonly correct: number;
  readonly score: number;
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
}

export interface ScoreOptions {
  readonly passMark?: PassMark;
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
  readonly previousScore?: number;
  /** Warnings found before scoring (an answer file's unknown ids…); scoring adds its own after them. */
  readonly warnings?: readonly string[];
  readonly seed?: number;
}

/** Shown for a question without tags in the topic table. */
export const UNTAGGED = "(no tag)";

const toHundredths = (marks: number): number => Math.round(marks * 100);
// `+ 0` turns -0 into 0, which would otherwise print as "-0" in some places.
const fromHundredths = (hundredths: number): number => hundredths / 100 + 0;
const roundPercent = (part: number, whole: number): number => Math.round((part * 10000) / whole) / 100 + 0;

/** Two decimals at most, as marks are kept in hundredths. */
const MARK_NUMBER = /^[+-]?\d+(?:\.\d{1,2})?$/;
const UNSIGNED_NUMBER = /^\d+(?:\.\d{1,2})?$/;

/**
 * Parses `--marking correct,wrong[,unanswered]`, e.g. `2,-0.66,0`; unanswered defaults to 0. Right answers
 * must gain marks; wrong and unanswered ones may lose marks or score 0, never gain.
 */
export function parseMarking(text: string): Marking {
  const parts = text.split(",").map((part) => part.trim());
  const allowed = "give correct,wrong,unanswered marks such as 2,-0.66,0 (numbers with at most two decimals)";
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => MARK_NUMBER.test(part))) {
    throw new OptionValueError("--marking", text, `--marking "${text}" is not a marking: ${allowed}`);
  }
  const [correct = 0, wrong = 0, unanswered = 0] = parts.map(Number);
  if (correct <= 0 || wrong > 0 || unanswered > 0) {
    throw new OptionValueError(
      "--marking",
      text,
      `--marking "${text}": a right answer must gain marks (more than 0), a wrong or unanswered one cannot (0 or less)`,
    );
  }
  return { correct, wrong: wrong + 0, unanswered: unanswered + 0 };
}

/** The `--marking` flag, else the banks' marking, else UPSC's. Banks that disagree need the flag. */
export function resolveMarking(flag: Marking | undefined, bankMarkings: readonly (Marking | undefined)[]): Marking {
  if (flag !== undefined) return flag;
  const set = bankMarkings.filter((marking): marking is Marking => marking !== undefined);
  const [first] = set;
  if (first === undefined) return UPSC_MARKING;
  const same = (m: Marking): boolean =>
    m.correct === first.correct && m.wrong === first.wrong && m.unanswered === first.unanswered;
  if (!set.every(same)) {
    throw new OptionValueError("--marking", "", "the banks in this test set different markings: choose one with --marking, e.g. --marking 2,-0.66,0");
  }
  return first;
}

/** Parses `--pass-mark`: a percent of the maximum score (`60%`) or a score (`66.5`). */
export function parsePassMark(text: string): PassMark {
  const trimmed = text.trim();
  const allowed = "give a percent of the maximum score (60%) or a score (66.5), with at most two decimals";
  if (trimmed.endsWith("%")) {
    const number = trimmed.slice(0, -1).trim();
    if (UNSIGNED_NUMBER.test(number) && Number(number) <= 100) return { kind: "percent", percent: Number(number) };
    throw new OptionValueError("--pass-mark", text, `--pass-mark "${text}" is not a percent from 0% to 100%: ${allowed}`);
  }
  if (UNSIGNED_NUMBER.test(trimmed)) return { kind: "score", score: Number(trimmed) };
  throw new OptionValueError("--pass-mark", text, `--pass-mark "${text}" is not a pass mark: ${allowed}`);
}

/** The score needed to pass, in hundredths: a percent pass mark is rounded up, so equal to it passes. */
function passHundredths(passMark: PassMark, maxHundredths: number): number {
  if (passMark.kind === "score") return toHundredths(passMark.score);
  return Math.ceil((toHundredths(passMark.percent) * maxHundredths) / 10000);
}

function outcomeOf(question: Question, given: readonly number[] | undefined): Outcome {
  if (given === undefined || given.length === 0) return "unanswered";
  return isCorrectChoice(question, given) ? "correct" : "wrong";
}

/** A letter for display; indexes past z (only from a caller's bug) show as their number. */
export function safeLetterOf(index: number): string {
  return Number.isInteger(index) && index >= 0 && index < 26 ? letterOf(index) : `#${index}`;
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
export function scoreAttempt(answers: readonly AnsweredQuestion[], marking: Marking, options: ScoreOptions = {}): MockResult {
  const points: Record<Outcome, number> = {
    correct: toHundredths(marking.correct),
    wrong: toHundredths(marking.wrong),
    unanswered: toHundredths(marking.unanswered),
  };
  const warnings = [...(options.warnings ?? [])];
  const counts: Record<Outcome, number> = { correct: 0, wrong: 0, unanswered: 0 };
  const markedCounts: Record<Outcome, number> = { correct: 0, wrong: 0, unanswered: 0 };
  const topics = new Map<string, { questions: number; attempted: number; correct: number; hundredths: number }>();
  let scoreH = 0;
  let lostH = 0;
  let markedH = 0;

  const questions = answers.map((answer): QuestionResult => {
    // Sorted, so reports show "a, c" however the learner clicked.
    const given = answer.given === undefined || answer.given.length === 0 ? undefined : [...answer.given].sort((x, y) => x - y);
    const outcome = outcomeOf(answer.question, given);
    const warning = given === undefined ? undefined : outOfRangeWarning(answer.question, given);
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
    const tags = answer.question.tags.length > 0 ? answer.question.tags : [UNTAGGED];
    for (const tag of new Set(tags)) {
      const row = topics.get(tag) ?? { questions: 0, attempted: 0, correct: 0, hundredths: 0 };
      row.questions++;
      if (outcome !== "unanswered") row.attempted++;
      if (outcome === "correct") row.correct++;
      row.hundredths += hundredths;
      topics.set(tag, row);
    }
    return { question: answer.question, given, outcome, marks: fromHundredths(hundredths), marked, ms: answer.ms };
  });

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
    topics: [...topics]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([topic, row]) => ({
        topic,
        questions: row.questions,
        attempted: row.attempted,
        correct: row.correct,
        score: fromHundredths(row.hundredths),
      })),
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
  };
}

export interface MatchedAnswers {
  /** One per question, in paper order; a question the file does not mention is unanswered. */
  readonly answers: AnsweredQuestion[];
  readonly warnings: string[];
}

/**
 * Pairs an answer file's entries with the paper's questions. Keys are question ids, or bank/id where an id
 * repeats across banks; values are canonical letters, already read as strings. Mistakes are warnings, not
 * errors, so a CI run still reports: an unknown or ambiguous key is ignored, a value that is not a letter
 * leaves its question unanswered, a repeated letter counts once. A letter past a question's options is kept:
 * scoreAttempt counts it as wrong and warns.
 */
export function answersFromFile(questions: readonly Question[], entries: ReadonlyMap<string, readonly string[]>): MatchedAnswers {
  const warnings: string[] = [];
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const byId = new Map<string, Question[]>();
  for (const question of questions) byId.set(question.id, [...(byId.get(question.id) ?? []), question]);
  const given = new Map<string, readonly number[]>();

  for (const [key, letters] of entries) {
    const sameId = byId.get(key) ?? [];
    const question = byKey.get(key) ?? (sameId.length === 1 ? sameId[0] : undefined);
    if (question === undefined) {
      warnings.push(
        sameId.length > 1
          ? `answer "${key}" could be ${sameId.map((q) => q.key).join(" or ")}: write it as bank/id; ignored`
          : `answer "${key}" names no question in this test; ignored`,
      );
      continue;
    }
    if (given.has(question.key)) {
      warnings.push(`${question.key} is answered twice in the answer file; the first answer is used`);
      continue;
    }
    const notLetters = letters.filter((letter) => indexOfLetter(letter.trim()) === undefined);
    const indexes = letters.flatMap((letter) => indexOfLetter(letter.trim()) ?? []);
    if (notLetters.length > 0) {
      warnings.push(`${question.key}: "${notLetters.join('", "')}" is not an option letter (a, b, c…); counted as unanswered`);
      continue;
    }
    const unique = [...new Set(indexes)];
    if (unique.length < indexes.length) warnings.push(`${question.key}: a letter is repeated in the answer file; counted once`);
    given.set(question.key, unique);
  }
  return { answers: questions.map((question) => ({ question, given: given.get(question.key) })), warnings };
}
