// A learner's progress from the cards and the answer tallies (tally.ts, folded from the review log): per
// bank, per topic, retention, what falls due, activity by day and the weakest questions. Pure: time and
// data are parameters. Its cost follows the questions and the last weeks' answers, not the history.

import { questionHeadline, type Bank, type Question } from "./question.js";

const headlineOf = (question: Question | undefined) => (question === undefined ? "" : questionHeadline(question));
import { isFirstAnswer, RECENT_DAYS, type AnswerTally } from "./tally.js";
import { isMastered } from "./scheduler.js";
import type { CardState } from "./scheduler.js";
import { forecast, isDueToday, startOfDay } from "./queue.js";
import { weakestStatements, type WeakStatement } from "./statement-memory.js";

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
  if (activityDays > RECENT_DAYS) throw new RangeError(`activity is kept for ${RECENT_DAYS} days, not ${activityDays}`);
  // Loops, not pairs spread into a Map: at 100,000 questions the pairs were megabytes at the peak.
  const questionByKey = new Map<string, Bank["questions"][number]>();
  for (const bank of banks) for (const question of bank.questions) questionByKey.set(question.key, question);
  const shownCards = new Map<string, CardState>();
  for (const [key, card] of cards) if (questionByKey.has(key)) shownCards.set(key, card);
  // History of removed questions is kept in the log but not shown.
  const perKey = new Map<string, AnswerTally>();
  for (const [key, tally] of tallies) if (questionByKey.has(key)) perKey.set(key, tally);

  const bankStats = banks.map((bank): BankStats => {
    let seen = 0;
    let due = 0;
    let mastered = 0;
    let answers = 0;
    let correct = 0;
    for (const question of bank.questions) {
      const card = cards.get(question.key);
      if (card && card.state !== "new") {
        seen++;
        if (isDueToday(card, now)) due++;
        if (isMastered(card)) mastered++;
      }
      const row = perKey.get(question.key);
      if (row) {
        answers += row.answers;
        correct += row.correct;
      }
    }
    return { id: bank.id, title: bank.title, total: bank.questions.length, seen, due, mastered, accuracy: answers === 0 ? null : correct / answers };
  });

  const topics = new Map<string, { answers: number; correct: number }>();
  for (const [key, row] of perKey) {
    for (const tag of questionByKey.get(key)?.tags ?? []) {
      const topic = topics.get(tag) ?? { answers: 0, correct: 0 };
      topic.answers += row.answers;
      topic.correct += row.correct;
      topics.set(tag, topic);
    }
  }

  return {
    banks: bankStats,
    topics: [...topics]
      .map(([topic, row]) => ({ topic, ...row, accuracy: row.correct / row.answers }))
      .sort((a, b) => a.accuracy - b.accuracy || b.answers - a.answers),
    retention: retentionOver(perKey.values(), now, 30),
    forecast: forecast(shownCards, now, 7).map((day) => ({ date: isoDate(day.day), count: day.count })),
    activity: activityByDay(perKey.values(), now, activityDays),
    weakest: [...perKey]
      .filter(([, row]) => row.answers > row.correct)
      .map(([key, row]) => ({ key, question: headlineOf(questionByKey.get(key)), answers: row.answers, wrong: row.answers - row.correct, leech: row.answers - row.correct >= leechThreshold }))
      .sort((a, b) => Number(b.leech) - Number(a.leech) || b.wrong / b.answers - a.wrong / a.answers || b.wrong - a.wrong || (a.key < b.key ? -1 : 1))
      .slice(0, 5),
    weakestStatements: weakestStatements(questionByKey.values(), tallies, 5),
  };
}

function retentionOver(tallies: Iterable<AnswerTally>, now: Date, days: number): Stats["retention"] {
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
  return { reviews, correct, rate: reviews === 0 ? null : correct / reviews };
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
