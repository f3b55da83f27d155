// Which questions a review session asks, in what order, and when the next ones fall due.
// Pure: the cards, the time and today's counts are parameters.

import type { CardState } from "./scheduler.js";
import { standingEntries, type ReviewLogEntry } from "./review.js";
import type { AnswerTally } from "./tally.js";
import type { Question, TrueFalseQuestion } from "./question.js";
import { eachItem, isItemKey, statementCheck } from "./statement-memory.js";

export interface QueueLimits {
  /** Questions never reviewed before that may be introduced in one day. */
  readonly newPerDay: number;
  /** Questions already reviewed that may be reviewed again in one day. */
  readonly reviewsPerDay: number;
}

/** Distinct questions answered since the start of the day, split by whether they were new then. */
export interface DoneToday {
  readonly newCards: number;
  readonly reviews: number;
}

export const NOTHING_DONE: DoneToday = { newCards: 0, reviews: 0 };

export interface ReviewQueue {
  /** Due keys (most overdue first), then new keys: the order to ask them in. */
  readonly keys: readonly string[];
  readonly dueKeys: readonly string[];
  readonly newKeys: readonly string[];
  /** How many were due before the daily review limit cut the list. */
  readonly dueTotal: number;
  /** How many never-reviewed keys there were before the daily new limit cut the list. */
  readonly newTotal: number;
}

export interface QueueRequest {
  /** Every question key in the selected banks, in a stable order (new questions are taken in it). */
  readonly keys: Iterable<string>;
  readonly cards: ReadonlyMap<string, CardState>;
  readonly now: Date;
  /** From the settings table; core holds no defaults. */
  readonly limits: QueueLimits;
  readonly doneToday?: DoneToday;
}

/**
 * Due today: by the end of the learner's day, not by the minute. FSRS puts a due time at the time of day
 * of the last answer, so a card answered at 20:00 would otherwise hide from a 09:00 review on its day
 * and a morning habit would push every card back a day.
 */
export function isDueToday(card: CardState, now: Date): boolean {
  return Date.parse(card.due) < startOfNextDay(now).getTime();
}

function isNew(card: CardState | undefined): boolean {
  return card === undefined || card.state === "new";
}

export function buildReviewQueue(request: QueueRequest): ReviewQueue {
  const { limits } = request;
  const done = request.doneToday ?? NOTHING_DONE;
  const due: { key: string; at: number; order: number }[] = [];
  const fresh: string[] = [];
  const seen = new Set<string>();
  for (const key of request.keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const card = request.cards.get(key);
    if (card === undefined || isNew(card)) fresh.push(key);
    else if (isDueToday(card, request.now)) due.push({ key, at: Date.parse(card.due), order: due.length });
  }
  // The earliest due date is the most overdue; ties keep the banks' order.
  due.sort((a, b) => a.at - b.at || a.order - b.order);
  const reviewRoom = Math.max(0, limits.reviewsPerDay - done.reviews);
  const newRoom = Math.max(0, limits.newPerDay - done.newCards);
  const dueKeys = due.slice(0, reviewRoom).map((item) => item.key);
  const newKeys = fresh.slice(0, newRoom);
  return { keys: [...dueKeys, ...newKeys], dueKeys, newKeys, dueTotal: due.length, newTotal: fresh.length };
}

/**
 * Counts what was done since `dayStart`: a question whose first answer falls in the day counts once as
 * new, any other question answered in the day counts once as a review. Every answer since `dayStart`
 * is in `recent`, so a question answered today was new today exactly when all its answers are today's
 * (an answer dated before the day may follow today's in the log when the clock was moved back: then it
 * is a review). Statement checks (core/statement-memory.ts) are left out.
 */
export function countDoneToday(tallies: ReadonlyMap<string, AnswerTally>, dayStart: Date): DoneToday {
  const start = dayStart.getTime();
  let newCards = 0;
  let reviews = 0;
  for (const [key, tally] of tallies) {
    // A statement check is not a question of its own: it counts against neither daily limit.
    if (isItemKey(key)) continue;
    let today = 0;
    for (const [at] of tally.recent) if (at >= start) today++;
    if (today === 0) continue;
    if (today === tally.answers) newCards++;
    else reviews++;
  }
  return { newCards, reviews };
}

/** Local midnight at the start of the day holding `now` (the learner's day, in the process's time zone). */
export function startOfDay(now: Date): Date {
  const start = new Date(now.getTime());
  start.setHours(0, 0, 0, 0);
  return start;
}

function startOfNextDay(day: Date, days = 1): Date {
  const next = startOfDay(day);
  next.setDate(next.getDate() + days);
  return next;
}

export interface NextDue {
  /** When the first of the questions not yet due falls due. */
  readonly at: Date;
  /** How many fall due from now to the end of that day. */
  readonly count: number;
}

/** The next questions to fall due among `keys` after `now`, or undefined when none are scheduled. */
export function nextDue(keys: Iterable<string>, cards: ReadonlyMap<string, CardState>, now: Date): NextDue | undefined {
  const times: number[] = [];
  for (const key of new Set(keys)) {
    const card = cards.get(key);
    if (card === undefined || isNew(card) || isDueToday(card, now)) continue;
    times.push(Date.parse(card.due));
  }
  if (times.length === 0) return undefined;
  const first = times.reduce((min, time) => Math.min(min, time));
  const end = startOfNextDay(new Date(first)).getTime();
  return { at: new Date(first), count: times.filter((time) => time < end).length };
}

export interface DayForecast {
  /** Local midnight starting the day. */
  readonly day: Date;
  /** Questions falling due that day; the first day also counts those already overdue. */
  readonly count: number;
}

/** How many reviewed questions fall due on each of the `days` days starting today. */
export function forecast(cards: ReadonlyMap<string, CardState>, now: Date, days = 7): DayForecast[] {
  const bounds = Array.from({ length: days }, (_, index) => startOfNextDay(now, index + 1).getTime());
  const counts = new Array<number>(days).fill(0);
  for (const card of cards.values()) {
    if (isNew(card)) continue;
    const due = Date.parse(card.due);
    const index = bounds.findIndex((end) => due < end);
    if (index !== -1) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count, index) => ({ day: index === 0 ? startOfDay(now) : startOfNextDay(now, index), count }));
}

/** Questions answered wrong since `since`, the most recently missed first: Anki's "cram mistakes". */
export function missedSince(entries: Iterable<ReviewLogEntry>, since: Date): string[] {
  const last = new Map<string, number>();
  const from = since.getTime();
  for (const entry of standingEntries(entries)) {
    const at = Date.parse(entry.at);
    if (!entry.correct && at >= from) last.set(entry.key, Math.max(at, last.get(entry.key) ?? 0));
  }
  return [...last].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
}

/** Questions seen before that fall due within `days` days after today, most overdue first: Anki's "review ahead". */
export function dueAhead(keys: Iterable<string>, cards: ReadonlyMap<string, CardState>, now: Date, days: number): string[] {
  const until = startOfNextDay(now, days + 1).getTime();
  const due: { key: string; at: number }[] = [];
  for (const key of new Set(keys)) {
    const card = cards.get(key);
    if (card === undefined || isNew(card)) continue;
    const at = Date.parse(card.due);
    if (at < until) due.push({ key, at });
  }
  return due.sort((a, b) => a.at - b.at).map((item) => item.key);
}

/**
 * The statement checks due today among the questions' items, most overdue first (ties in the
 * questions' order): each item a learner misjudged, on its own card's schedule.
 */
export function dueStatementChecks(questions: Iterable<Question>, cards: ReadonlyMap<string, CardState>, now: Date): TrueFalseQuestion[] {
  const due: { check: TrueFalseQuestion; at: number; order: number }[] = [];
  for (const { question, item, key } of eachItem(questions)) {
    const card = cards.get(key);
    if (card !== undefined && isDueToday(card, now)) due.push({ check: statementCheck(question, item), at: Date.parse(card.due), order: due.length });
  }
  due.sort((a, b) => a.at - b.at || a.order - b.order);
  return due.map((item) => item.check);
}
