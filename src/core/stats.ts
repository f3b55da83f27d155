// A learner's progress from the cards and the answer tallies (tally.ts, folded from the review log): per
// bank, per topic, retention, what falls due, activity by day and the weakest questions. Pure: time and
// data are parameters. Its cost follows the questions and the last weeks' answers, not the history.

import { addSums } from "./group.js";
import { questionHeadline, type Bank, type Question } from "./question.js";
import { isFirstAnswer, RECENT_DAYS, type AnswerTally } from "./tally.js";
import { isMastered } from "./scheduler.js";
import type { CardState } from "./scheduler.js";
import { forecast, isDueToday, startOfDay } from "./queue.js";
import { byMisjudged, weakestStatements, type WeakStatement } from "./statement-memory.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BankStats {
  readonly id: string;
  readonly title: string;
  readonly total: number;
  readonly seen: number;
  readonly due: number;
  readonly mastered: number;
  /** Right answers over all answers to this bank's questions, 0–1; null before any answer. */
  readonly accuracy: number | null;
}

export interface TopicStats {
  readonly topic: string;
  readonly answers: number;
  readonly correct: number;
  readonly accuracy: number;
}

export interface WeakQuestion {
  readonly key: string;
  readonly question: string;
  readonly answers: number;
  readonly wrong: number;
  /** Missed leechThreshold times or more. */
  readonly leech: boolean;
}

export interface Stats {
  readonly banks: readonly BankStats[];
  readonly topics: readonly TopicStats[];
  /**
   * Of the answers in the last 30 days to questions seen before, the share answered right: the measured
   * counterpart of the desired retention. null when there were none.
   */
  readonly retention: { readonly reviews: number; readonly correct: number; readonly rate: number | null };
  readonly forecast: readonly { readonly date: string; readonly count: number }[];
  /** Answers per day for the last `activityDays` days, oldest first. */
  readonly activity: readonly { readonly date: string; readonly count: number }[];
  readonly weakest: readonly WeakQuestion[];
  /** The statements and pairs misjudged most (core/statement-memory.ts). */
  readonly weakestStatements: readonly WeakStatement[];
}

/**
 * One bank's share of the stats, in sums rather than rates, so that banks add up (mergeStats): a
 * command can take the banks one at a time and hold one bank's questions and progress at a time.
 */
export interface StatsPart {
  readonly bank: BankStats;
  readonly topics: ReadonlyMap<string, { readonly answers: number; readonly correct: number }>;
  readonly retention: { readonly reviews: number; readonly correct: number };
  readonly forecast: readonly { readonly date: string; readonly count: number }[];
  readonly activity: readonly { readonly date: string; readonly count: number }[];
  /** The bank's weakest, as many as the whole list shows: the weakest of all are among them. */
  readonly weakest: readonly WeakQuestion[];
  readonly weakestStatements: readonly WeakStatement[];
}

const SHOWN = 5;

const byWeakness = (a: WeakQuestion, b: WeakQuestion) =>
  Number(b.leech) - Number(a.leech) || b.wrong / b.answers - a.wrong / a.answers || b.wrong - a.wrong || (a.key < b.key ? -1 : 1);

/**
 * The stats of one bank, from cards and tallies that hold at least its questions' (everyone's will
 * do). `activityDays` and the 30 days of retention must lie within the tallies' RECENT_DAYS.
 */
export function bankStatsPart(
  bank: Bank,
  cards: ReadonlyMap<string, CardState>,
  tallies: ReadonlyMap<string, AnswerTally>,
  now: Date,
  activityDays = 28,
  /** The setting; leeches are listed first among the weakest. Without it, nothing is a leech. */
  leechThreshold = Number.POSITIVE_INFINITY,
): StatsPart {
  if (activityDays > RECENT_DAYS) throw new RangeError(`activity is kept for ${RECENT_DAYS} days, not ${activityDays}`);
  // History of removed questions is kept in the log but not shown: only this bank's questions count.
  const shownCards = new Map<string, CardState>();
  const perKey = new Map<string, { question: Question; tally: AnswerTally }>();
  let seen = 0;
  let due = 0;
  let mastered = 0;
  let answers = 0;
  let correct = 0;
  for (const question of bank.questions) {
    const card = cards.get(question.key);
    if (card !== undefined) shownCards.set(question.key, card);
    if (card && card.state !== "new") {
      seen++;
      if (isDueToday(card, now)) due++;
      if (isMastered(card)) mastered++;
    }
    const tally = tallies.get(question.key);
    if (tally) {
      perKey.set(question.key, { question, tally });
      answers += tally.answers;
      correct += tally.correct;
    }
  }
  const topics = new Map<string, { answers: number; correct: number }>();
  for (const { question, tally } of perKey.values()) {
    for (const tag of question.tags) addSums(topics, tag, { answers: tally.answers, correct: tally.correct });
  }
  const rows = [...perKey.values()].map((row) => row.tally);
  return {
    bank: { id: bank.id, title: bank.title, total: bank.questions.length, seen, due, mastered, accuracy: answers === 0 ? null : correct / answers },
    topics,
    retention: retentionOver(rows, now, 30),
    forecast: forecast(shownCards, now, 7).map((day) => ({ date: isoDate(day.day), count: day.count })),
    activity: activityByDay(rows, now, activityDays),
    weakest: [...perKey]
      .filter(([, row]) => row.tally.answers > row.tally.correct)
      .map(([key, { question, tally }]) => ({ key, question: questionHeadline(question), answers: tally.answers, wrong: tally.answers - tally.correct, leech: tally.answers - tally.correct >= leechThreshold }))
      .sort(byWeakness)
      .slice(0, SHOWN),
    weakestStatements: weakestStatements(bank.questions, tallies, SHOWN),
  };
}

/** Adds day counts that cover the same days. */
function addDays(lists: readonly (readonly { date: string; count: number }[])[]): { date: string; count: number }[] {
  const [first = []] = lists;
  return first.map((day, index) => ({ date: day.date, count: lists.reduce((sum, list) => sum + (list[index]?.count ?? 0), 0) }));
}

/** The stats of several banks from theirs, as if computed over all of them at once. */
export function mergeStats(parts: readonly StatsPart[]): Stats {
  const topics = new Map<string, { answers: number; correct: number }>();
  let reviews = 0;
  let correct = 0;
  for (const part of parts) {
    for (const [tag, row] of part.topics) addSums(topics, tag, row);
    reviews += part.retention.reviews;
    correct += part.retention.correct;
  }
  return {
    banks: parts.map((part) => part.bank),
    topics: [...topics]
      .map(([topic, row]) => ({ topic, ...row, accuracy: row.correct / row.answers }))
      .sort((a, b) => a.accuracy - b.accuracy || b.answers - a.answers || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    retention: { reviews, correct, rate: reviews === 0 ? null : correct / reviews },
    forecast: addDays(parts.map((part) => part.forecast)),
    activity: addDays(parts.map((part) => part.activity)),
    weakest: parts.flatMap((part) => part.weakest).sort(byWeakness).slice(0, SHOWN),
    weakestStatements: byMisjudged(parts.flatMap((part) => part.weakestStatements)).slice(0, SHOWN),
  };
}

/** `activityDays` and the 30 days of retention must lie within the tallies' RECENT_DAYS. */
export function computeStats(
  banks: readonly Bank[],
  cards: ReadonlyMap<string, CardState>,
  tallies: ReadonlyMap<string, AnswerTally>,
  now: Date,
  activityDays = 28,
  /** The setting; leeches are listed first among the weakest. Without it, nothing is a leech. */
  leechThreshold = Number.POSITIVE_INFINITY,
): Stats {
  return mergeStats(banks.map((bank) => bankStatsPart(bank, cards, tallies, now, activityDays, leechThreshold)));
}

function retentionOver(tallies: Iterable<AnswerTally>, now: Date, days: number): StatsPart["retention"] {
  const since = now.getTime() - days * DAY_MS;
  let reviews = 0;
  let correct = 0;
  for (const tally of tallies) {
    tally.recent.forEach(([at, right], index) => {
      if (at >= since && !isFirstAnswer(tally, index)) {
        reviews++;
        correct += right;
      }
    });
  }
  return { reviews, correct };
}

function activityByDay(tallies: Iterable<AnswerTally>, now: Date, days: number): { date: string; count: number }[] {
  const today = startOfDay(now);
  const dates = Array.from({ length: days }, (_, index) => {
    const day = new Date(today.getTime());
    day.setDate(day.getDate() - (days - 1 - index));
    return isoDate(day);
  });
  const counts = new Map(dates.map((date) => [date, 0]));
  const earliest = new Date(today.getTime());
  earliest.setDate(earliest.getDate() - days);
  for (const tally of tallies) {
    for (const [at] of tally.recent) {
      if (at < earliest.getTime()) continue;
      const date = isoDate(new Date(at));
      const count = counts.get(date);
      if (count !== undefined) counts.set(date, count + 1);
    }
  }
  return dates.map((date) => ({ date, count: counts.get(date) ?? 0 }));
}

/** The local calendar date, YYYY-MM-DD. */
export function isoDate(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
