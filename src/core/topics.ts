// Results by topic, for the practice summary and the mock scorecard alike. A question counts toward
// each of its tags (its tags include the bank's), so rows can add up to more than the questions asked.

import type { Outcome } from "./answer.js";
import type { Question } from "./question.js";

export interface TopicRow {
  readonly topic: string;
  readonly questions: number;
  readonly attempted: number;
  readonly correct: number;
  /** Net marks; 0 where nothing is marked (practice). */
  readonly score: number;
}

/** Shown for a question without tags. */
export const UNTAGGED = "(no tag)";

export interface TopicInput {
  readonly question: Question;
  readonly outcome: Outcome;
  /** In hundredths of a mark, so sums stay exact. */
  readonly hundredths?: number;
}

/** Rows sorted by topic name, so runs with different seeds line up. */
export function topicRows(items: Iterable<TopicInput>): TopicRow[] {
  const rows = new Map<string, { questions: number; attempted: number; correct: number; hundredths: number }>();
  for (const item of items) {
    const tags = item.question.tags.length > 0 ? item.question.tags : [UNTAGGED];
    for (const tag of new Set(tags)) {
      const row = rows.get(tag) ?? { questions: 0, attempted: 0, correct: 0, hundredths: 0 };
      row.questions++;
      if (item.outcome !== "unanswered") row.attempted++;
      if (item.outcome === "correct") row.correct++;
      row.hundredths += item.hundredths ?? 0;
      rows.set(tag, row);
    }
  }
  return [...rows]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, row]) => ({ topic, questions: row.questions, attempted: row.attempted, correct: row.correct, score: row.hundredths / 100 + 0 }));
}
