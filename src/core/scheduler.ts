// Spaced repetition: FSRS through ts-fsrs. This is the only file that imports ts-fsrs; its snake_case
// cards, enums and future breaking changes stop here, and the rest of prelim speaks CardState.
// Time is always a parameter: nothing here reads a clock.

import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  Rating as FsrsRating,
  State as FsrsState,
  type Card,
  type FSRS,
  type Grade,
} from "ts-fsrs";
import { MAX_INTERVAL_DAYS } from "./review-dates.js";
import type { Rating, ReviewLogEntry } from "./review.js";
import { itemKey } from "./statement-memory.js";

export type CardPhase = "new" | "learning" | "review" | "relearning";
export const CARD_PHASES: readonly CardPhase[] = ["new", "learning", "review", "relearning"];

/** The scheduling state of one question, derived from its reviews in the log. */
export interface CardState {
  /** When the question is next due, as an ISO-8601 string. */
  readonly due: string;
  /** Days until recall probability falls to 90%. */
  readonly stability: number;
  /** 1 (easy) to 10 (hard). */
  readonly difficulty: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: CardPhase;
  /** When the question was last reviewed, as an ISO-8601 string. */
  readonly lastReview?: string;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly elapsedDays: number;
}

export interface SchedulerSettings {
  /** The recall probability FSRS aims for when it picks the next interval: 0.70 to 0.99. */
  readonly desiredRetention: number;
  /** FSRS-6's 21 parameters fitted to this learner (`prelim optimize`); absent or empty: FSRS's defaults. */
  readonly weights?: readonly number[];
  /** The exam day, YYYY-MM-DD: no next review is put past it while recall on that day would fall below desiredRetention. */
  readonly examDate?: string;
  /**
   * Weak statements come back alone, as checks in review (core/statement-memory.ts): a question then
   * keeps its own schedule. Without the drill, a question comes back no later than its weakest statement.
   */
  readonly statementDrill?: boolean;
}

const DAY = 86_400_000;

/** When the exam day starts: local midnight, the learner's day as the review queue counts it. */
export function examStart(examDate: string): Date {
  const [year, month, day] = examDate.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/** FSRS-6's default parameters, which `prelim optimize` compares a fit against. */
export const DEFAULT_WEIGHTS: readonly number[] = [...default_w];

/** A question counts as mastered once FSRS expects it to be remembered (90%) for three weeks. */
export const MASTERED_STABILITY_DAYS = 21;

const PHASE_OF_STATE: Record<FsrsState, CardPhase> = {
  [FsrsState.New]: "new",
  [FsrsState.Learning]: "learning",
  [FsrsState.Review]: "review",
  [FsrsState.Relearning]: "relearning",
};

const STATE_OF_PHASE: Record<CardPhase, FsrsState> = {
  new: FsrsState.New,
  learning: FsrsState.Learning,
  review: FsrsState.Review,
  relearning: FsrsState.Relearning,
};

const GRADE_OF_RATING: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

const schedulers = new Map<string, FSRS>();

// Fuzz is off so the same log always folds to the same state. Short-term (minute) learning steps are
// off too: prelim sessions are daily and a multiple-choice question asked again ten minutes later is
// answered from memory of the letter, so FSRS picks whole-day intervals from the first answer
// (new card: again 1 day, hard 2, good 3, easy 8 at 0.90 retention).
// Fitted weights are taken as given: ts-fsrs clamps each parameter to the range FSRS allows, so a
// hand-typed list cannot make an interval negative or infinite.
function schedulerFor(settings: SchedulerSettings): FSRS {
  const retention = settings.desiredRetention;
  const weights = settings.weights !== undefined && settings.weights.length > 0 ? settings.weights : undefined;
  const key = weights === undefined ? String(retention) : `${retention}:${weights.join(",")}`;
  let scheduler = schedulers.get(key);
  if (scheduler === undefined) {
    scheduler = fsrs(generatorParameters({
      request_retention: retention,
      maximum_interval: MAX_INTERVAL_DAYS,
      enable_fuzz: false,
      enable_short_term: false,
      ...(weights === undefined ? {} : { w: [...weights] }),
    }));
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

function toFsrsCard(card: CardState): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_OF_PHASE[card.state],
    ...(card.lastReview === undefined ? {} : { last_review: new Date(card.lastReview) }),
  };
}

function fromFsrsCard(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    state: PHASE_OF_STATE[card.state],
    ...(card.last_review === undefined ? {} : { lastReview: card.last_review.toISOString() }),
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    elapsedDays: card.elapsed_days,
  };
}

// ts-fsrs throws on a review dated before the card's last one (negative elapsed time). That happens
// when the clock moves back or a log holds future times, so such a review is taken to happen at the
// moment of the last one: the schedule never goes backwards and no interval is negative.
function reviewTime(card: CardState | undefined, now: Date): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError("review time is not a valid date");
  if (card?.lastReview === undefined) return now;
  const last = new Date(card.lastReview);
  return now.getTime() < last.getTime() ? last : now;
}

/** The state after answering with `rating` at `now`; `card` undefined means the question was never reviewed. */
export function nextCardState(
  card: CardState | undefined,
  rating: Rating,
  now: Date,
  settings: SchedulerSettings,
): CardState {
  const at = reviewTime(card, now);
  const current = card === undefined ? createEmptyCard(at) : toFsrsCard(card);
  return towardExam(fromFsrsCard(schedulerFor(settings).next(current, at, GRADE_OF_RATING[rating]).card), at, settings);
}

/**
 * With an exam date, an interval that ends past the exam while recall on the exam day would be below
 * desiredRetention ends the day before the exam instead: the days just before it bring back what
 * would otherwise be forgotten by then. An interval is rounded to whole days, so without this a card
 * can land past the exam a little below target; after a change of weights or retention many can.
 * An answer given on the last day before the exam is left alone: no review could come between.
 */
export function towardExam(next: CardState, at: Date, settings: SchedulerSettings): CardState {
  if (settings.examDate === undefined) return next;
  const exam = examStart(settings.examDate);
  const lastChance = exam.getTime() - DAY;
  if (Date.parse(next.due) <= exam.getTime() || lastChance <= at.getTime()) return next;
  if (retrievability(next, exam, settings) >= settings.desiredRetention) return next;
  return { ...next, due: new Date(lastChance).toISOString(), scheduledDays: Math.max(1, Math.round((lastChance - at.getTime()) / DAY)) };
}

/**
 * Applies log entries in order to `cards`, which is updated in place and returned. The log is the
 * truth and this is the one way state is derived from it.
 */
export function foldReviews(
  cards: Map<string, CardState>,
  entries: Iterable<ReviewLogEntry>,
  settings: SchedulerSettings,
): Map<string, CardState> {
  for (const entry of entries) applyReview(cards, entry, settings);
  return cards;
}

/**
 * One answer's effect on its card, the only way an answer changes a schedule. A crammed answer logged
 * with `reschedule: false` (Anki's filtered decks without rescheduling) is kept in the log and counted,
 * and leaves the schedule alone. An answer that judged a question's items (`items`) moves each item's
 * own card too: a misjudged item is Again, and from its first misjudgement on, a right judgement Good.
 */
export function applyReview(cards: Map<string, CardState>, entry: ReviewLogEntry, settings: SchedulerSettings): void {
  if (entry.voids !== undefined) {
    // An undo puts the cards back as they were before the answer it takes back.
    entry.restoreItems?.forEach((card, index) => restoreCard(cards, itemKey(entry.key, index + 1), card));
    if (entry.restore !== undefined) restoreCard(cards, entry.key, entry.restore);
    return;
  }
  if (entry.reschedule === false) return;
  const at = new Date(entry.at);
  const next = nextCardState(cards.get(entry.key), entry.rating, at, settings);
  if (entry.items === undefined) {
    cards.set(entry.key, next);
    return;
  }
  const itemDue = judgeItems(cards, entry.key, entry.items, at, settings);
  cards.set(entry.key, settings.statementDrill === true ? next : soonerForWeakItems(next, itemDue, at));
}

function restoreCard(cards: Map<string, CardState>, key: string, card: CardState | null): void {
  if (card === null) cards.delete(key);
  else cards.set(key, card);
}

/** Moves the cards of the items judged; returns the earliest time one of them is due again. */
function judgeItems(cards: Map<string, CardState>, questionKey: string, items: readonly boolean[], at: Date, settings: SchedulerSettings): number {
  let earliest = Number.POSITIVE_INFINITY;
  items.forEach((right, index) => {
    const key = itemKey(questionKey, index + 1);
    const card = cards.get(key);
    // An item judged right that was never misjudged has no card: most statements are never weak, and
    // a card for each would only be noise in the drill and in the snapshot.
    if (card === undefined && right) return;
    const next = nextCardState(card, right ? "good" : "again", at, settings);
    cards.set(key, next);
    earliest = Math.min(earliest, Date.parse(next.due));
  });
  return earliest;
}

/**
 * A statements question comes back no later than its weakest item: a right answer given while one of
 * its statements is still shaky (judged right by luck, or by elimination) is not the whole question known.
 */
function soonerForWeakItems(next: CardState, itemDue: number, at: Date): CardState {
  if (!(itemDue < Date.parse(next.due))) return next;
  return { ...next, due: new Date(itemDue).toISOString(), scheduledDays: Math.max(0, Math.round((itemDue - at.getTime()) / DAY)) };
}

/** Probability of recall at `now`, 0 to 1; 0 for a question never reviewed. */
export function retrievability(card: CardState, now: Date, settings: SchedulerSettings): number {
  if (card.state === "new") return 0;
  return schedulerFor(settings).get_retrievability(toFsrsCard(card), reviewTime(card, now), false);
}

export function isMastered(card: CardState): boolean {
  return card.state !== "new" && card.stability >= MASTERED_STABILITY_DAYS;
}

export function isDue(card: CardState, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

export type Confidence = "guess" | "unsure" | "sure";
export const CONFIDENCES: readonly Confidence[] = ["guess", "unsure", "sure"];

/**
 * The timing rule for a right answer with no confidence given: Good, or Hard when it took clearly
 * longer than reading the question needs (15 s plus twice a reading allowance of 25 ms a character,
 * about 400 words a minute). Never Easy from speed: in a multiple-choice question a quick answer may
 * be a lucky guess or the memory of a letter, so only the learner's own rating says Easy.
 */
export const RATING_TIME = {
  readingMsPerChar: 25,
  slowBaseMs: 15_000,
  slowReadingFactor: 2,
} as const;

export interface RatingThresholds {
  /** A right answer at or over this many ms is Hard. */
  readonly slowMs: number;
}

export function ratingThresholds(textLength: number): RatingThresholds {
  const readingMs = Math.max(0, textLength) * RATING_TIME.readingMsPerChar;
  return { slowMs: RATING_TIME.slowBaseMs + RATING_TIME.slowReadingFactor * readingMs };
}

/** What the rating of one answer depends on. */
export interface RatingInput {
  readonly correct: boolean;
  /**
   * Milliseconds from the question appearing to the answer; undefined when the answer was not timed
   * (an answer file) or its time says nothing about recall (a mock, where time goes back and forth).
   */
  readonly ms?: number;
  /** Characters the learner had to read: stem, statements or pairs, prompt and options. */
  readonly textLength?: number;
  /** The learner's own rating (`--confidence`), which overrides the timing rule. */
  readonly confidence?: Confidence;
}

// A wrong answer is always Again, whatever the confidence. A right one rated by the learner:
// guessed → Hard (it was luck, bring it back soon), unsure → Good, sure → Easy.
const RATING_OF_CONFIDENCE: Record<Confidence, Rating> = { guess: "hard", unsure: "good", sure: "easy" };

/** The one rating rule, for every answer that feeds spaced repetition. */
export function ratingFor(answer: RatingInput): Rating {
  if (!answer.correct) return "again";
  if (answer.confidence !== undefined) return RATING_OF_CONFIDENCE[answer.confidence];
  // Not timed, or a time we cannot trust (negative after a clock jump): plain Good.
  if (answer.ms === undefined || !Number.isFinite(answer.ms) || answer.ms < 0) return "good";
  return answer.ms >= ratingThresholds(answer.textLength ?? 0).slowMs ? "hard" : "good";
}
