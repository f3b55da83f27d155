// What a submitted mock leaves for spaced repetition: one review-log entry per answered question, with
// mode "mock". Unanswered questions leave nothing (skipping says nothing about memory), and neither does
// an attempt that was never submitted. Time on a question is kept in the log but not used for the
// rating: in a paper it is spent going back and forth, so a right answer is Good and a wrong one Again.

import type { ReviewLogEntry } from "../core/review.js";
import { ratingFor } from "../core/scheduler.js";
import type { MockResult } from "../core/scoring.js";
import { readingLength } from "../core/session.js";
import { letters } from "../report/text.js";

export function reviewEntries(result: MockResult, at: Date): ReviewLogEntry[] {
  return result.questions.flatMap((item): ReviewLogEntry[] => {
    if (item.outcome === "unanswered") return [];
    const correct = item.outcome === "correct";
    return [
      {
        at: at.toISOString(),
        key: item.question.key,
        given: letters(item.given),
        correct,
        ms: Math.max(0, Math.round(item.ms ?? 0)),
        rating: ratingFor({ correct, ms: Number.NaN, textLength: readingLength(item.question) }),
        mode: "mock",
      },
    ];
  });
}
