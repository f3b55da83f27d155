// The exam day seen from today: predicted recall on that day (FSRS retrievability at the exam, if no
// more reviews came), the questions most at risk, how many new questions a day see every question
// twice before it, and the load per week until then. Pure: the cards, the time and the settings are
// parameters. (Kept apart from stats.ts: it is about a day to come, not the history.)

import { addSums } from "./group.js";
import { questionHeadline, type Question } from "./question.js";
import { startOfDay } from "./queue.js";
import { examStart, nextCardState, retrievability, type CardState, type SchedulerSettings } from "./scheduler.js";
import { UNTAGGED } from "./topics.js";

const DAY = 86_400_000;

/**
 * A question first answered today comes back in 1 to 3 days (Again or Good, short-term steps off),
 * so the last day a new question can be introduced and still be seen twice is this many days out.
 */
export const SECOND_LOOK_DAYS = 3;

/** Whole days from the start of today to the start of the exam day (0 on the day itself, negative after). */
export function daysUntilExam(examDate: string, now: Date): number {
  return Math.round((examStart(examDate).getTime() - startOfDay(now).getTime()) / DAY);
}

export interface ExamRisk {
  readonly key: string;
  readonly question: string;
  /** Predicted recall on the exam day, 0 to 1. */
  readonly recall: number;
}

export interface ExamTopicRecall {
  readonly topic: string;
  readonly questions: number;
  /** Mean predicted recall on the exam day over the topic's questions (never seen counts 0). */
  readonly recall: number;
}

export interface ExamDayRecall {
  readonly examDate: string;
  readonly daysLeft: number;
  readonly questions: number;
  readonly seen: number;
  /** Mean predicted recall on the exam day over every question (never seen counts 0). */
  readonly recall: number;
  /** The same over the questions seen. null when none are. */
  readonly recallSeen: number | null;
  readonly topics: readonly ExamTopicRecall[];
  /** Seen questions with the lowest predicted recall on the day, lowest first. */
  readonly atRisk: readonly ExamRisk[];
  readonly suggestion: NewPerDaySuggestion;
}

type ExamQuestion = Pick<Question, "key" | "tags" | "question">;

/** Predicted recall of one card on the exam day; 0 for a question never seen. */
export function recallOnExamDay(card: CardState | undefined, settings: SchedulerSettings & { readonly examDate: string }): number {
  if (card === undefined || card.state === "new") return 0;
  return retrievability(card, examStart(settings.examDate), settings);
}

/** One bank's share of the exam day, in sums, so that banks add up (mergeExamDay). */
export interface ExamDayPart {
  readonly questions: number;
  readonly seen: number;
  /** Predicted recall summed over every question, and over those seen. */
  readonly recall: number;
  readonly recallSeen: number;
  readonly topics: ReadonlyMap<string, { readonly questions: number; readonly recall: number }>;
  /** As many as the whole list shows: the most at risk of all are among them. */
  readonly atRisk: readonly ExamRisk[];
  /** Questions never seen, for the suggested pace. */
  readonly unseen: number;
}

const byRisk = (a: ExamRisk, b: ExamRisk) => a.recall - b.recall || (a.key < b.key ? -1 : 1);

export function examDayPart(
  questions: readonly ExamQuestion[],
  cards: ReadonlyMap<string, CardState>,
  settings: SchedulerSettings & { readonly examDate: string },
  atRiskCount = 5,
): ExamDayPart {
  const topics = new Map<string, { questions: number; recall: number }>();
  const atRisk: ExamRisk[] = [];
  let seen = 0;
  let recall = 0;
  let recallSeen = 0;
  let unseen = 0;
  for (const question of questions) {
    const card = cards.get(question.key);
    const row = recallOnExamDay(card, settings);
    recall += row;
    if (card === undefined || card.state === "new") unseen++;
    else {
      seen++;
      recallSeen += row;
      if (row < settings.desiredRetention) atRisk.push({ key: question.key, question: questionHeadline(question), recall: row });
    }
    for (const tag of new Set(question.tags.length > 0 ? question.tags : [UNTAGGED])) addSums(topics, tag, { questions: 1, recall: row });
  }
  return { questions: questions.length, seen, recall, recallSeen, topics, atRisk: atRisk.sort(byRisk).slice(0, atRiskCount), unseen };
}

/** The exam day over several banks from theirs, as if worked out over all of them at once. */
export function mergeExamDay(parts: readonly ExamDayPart[], now: Date, examDate: string, atRiskCount = 5): ExamDayRecall {
  const sum = (field: "questions" | "seen" | "recall" | "recallSeen" | "unseen") => parts.reduce((total, part) => total + part[field], 0);
  const questions = sum("questions");
  const seen = sum("seen");
  const topics = new Map<string, { questions: number; recall: number }>();
  for (const part of parts) {
    for (const [tag, row] of part.topics) addSums(topics, tag, row);
  }
  return {
    examDate,
    daysLeft: daysUntilExam(examDate, now),
    questions,
    seen,
    recall: questions === 0 ? 0 : sum("recall") / questions,
    recallSeen: seen === 0 ? null : sum("recallSeen") / seen,
    topics: [...topics]
      .map(([topic, row]) => ({ topic, questions: row.questions, recall: row.recall / row.questions }))
      .sort((a, b) => a.recall - b.recall || (a.topic < b.topic ? -1 : 1)),
    atRisk: parts.flatMap((part) => part.atRisk).sort(byRisk).slice(0, atRiskCount),
    suggestion: newPerDayFor(sum("unseen"), now, examDate),
  };
}

export function examDayRecall(
  questions: readonly ExamQuestion[],
  cards: ReadonlyMap<string, CardState>,
  now: Date,
  settings: SchedulerSettings & { readonly examDate: string },
  atRiskCount = 5,
): ExamDayRecall {
  return mergeExamDay([examDayPart(questions, cards, settings, atRiskCount)], now, settings.examDate, atRiskCount);
}

export interface NewPerDaySuggestion {
  /** Questions never seen. */
  readonly unseen: number;
  /** Days left in which a new question can still be seen twice before the exam (today included). */
  readonly daysForNew: number;
  /** New questions a day that see every question at least twice before the exam; 0 when none are left. */
  readonly newPerDay: number;
}

/** How many new questions a day, from today, see every question at least twice before the exam. */
export function suggestNewPerDay(keys: Iterable<string>, cards: ReadonlyMap<string, CardState>, now: Date, examDate: string): NewPerDaySuggestion {
  let unseen = 0;
  for (const key of new Set(keys)) {
    const card = cards.get(key);
    if (card === undefined || card.state === "new") unseen++;
  }
  return newPerDayFor(unseen, now, examDate);
}

function newPerDayFor(unseen: number, now: Date, examDate: string): NewPerDaySuggestion {
  const daysForNew = Math.max(0, daysUntilExam(examDate, now) - SECOND_LOOK_DAYS);
  // Past the last day for new questions, all of them today is the best there is.
  const newPerDay = unseen === 0 ? 0 : daysForNew === 0 ? unseen : Math.ceil(unseen / daysForNew);
  return { unseen, daysForNew, newPerDay };
}

export interface PlanWeek {
  /** The first day of the week, YYYY-MM-DD (the first week starts today). */
  readonly start: string;
  readonly days: number;
  /** Reviews falling due in the week, projected. */
  readonly reviews: number;
  /** New questions to introduce in the week. */
  readonly newQuestions: number;
}

export interface ExamPlan {
  readonly examDate: string;
  readonly daysLeft: number;
  readonly newPerDay: number;
  readonly weeks: readonly PlanWeek[];
}

/**
 * The load per week from today until the day before the exam: every question due is reviewed on its
 * day and answered right (Good), and `newPerDay` new questions are introduced each day until none are
 * left. A projection, not a promise: wrong answers bring questions back sooner.
 */
export function examPlan(
  keys: readonly string[],
  cards: ReadonlyMap<string, CardState>,
  now: Date,
  settings: SchedulerSettings & { readonly examDate: string },
  newPerDay: number,
): ExamPlan {
  const daysLeft = daysUntilExam(settings.examDate, now);
  const projected = new Map(cards);
  const unseen = [...new Set(keys)].filter((key) => {
    const card = cards.get(key);
    return card === undefined || card.state === "new";
  });
  const unseenSet = new Set(unseen);
  const seenKeys = [...new Set(keys)].filter((key) => !unseenSet.has(key) && cards.has(key));
  const weeks: { start: string; days: number; reviews: number; newQuestions: number }[] = [];
  const today = startOfDay(now);
  for (let day = 0; day < daysLeft; day++) {
    const dayStart = new Date(today.getTime());
    dayStart.setDate(dayStart.getDate() + day);
    const dayEnd = new Date(dayStart.getTime());
    dayEnd.setDate(dayEnd.getDate() + 1);
    // Reviews at the time of day the learner is now, on each day.
    const at = new Date(Math.max(now.getTime(), dayStart.getTime() + (now.getTime() - today.getTime())));
    if (day % 7 === 0) weeks.push({ start: isoDay(dayStart), days: 0, reviews: 0, newQuestions: 0 });
    const week = weeks[weeks.length - 1] as (typeof weeks)[number];
    week.days++;
    for (const key of seenKeys) {
      const card = projected.get(key) as CardState;
      if (Date.parse(card.due) >= dayEnd.getTime()) continue;
      week.reviews++;
      projected.set(key, nextCardState(card, "good", at, settings));
    }
    for (const key of unseen.splice(0, newPerDay)) {
      week.newQuestions++;
      projected.set(key, nextCardState(undefined, "good", at, settings));
      seenKeys.push(key);
    }
  }
  return { examDate: settings.examDate, daysLeft, newPerDay, weeks };
}

function isoDay(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
