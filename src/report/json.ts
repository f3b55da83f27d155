// The JSON report for scripts and CI. Fields that are not known (no pass mark, no time) are left out
// rather than set to null; `version` changes only when a field changes meaning or goes away.

import type { MockResult, QuestionResult } from "../core/scoring.js";
import { letters, safeText } from "./text.js";

export const JSON_REPORT_VERSION = 1;

function questionJson(result: QuestionResult) {
  const { question } = result;
  return {
    bank: safeText(question.bank),
    id: safeText(question.id),
    kind: question.kind,
    // The options as the paper prints them, generated ones included, under their canonical letters.
    options: question.options.map((text, index) => ({ letter: letters([index])[0], text: safeText(text) })),
    given: letters(result.chosen),
    answer: letters(question.answer),
    outcome: result.outcome,
    marks: result.marks,
    marked: result.marked,
    tags: question.tags.map(safeText),
    ms: result.ms,
  };
}

export function renderJson(result: MockResult): string {
  const report = {
    version: JSON_REPORT_VERSION,
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    passed: result.passed,
    passScore: result.passScore,
    passMark: result.passMark,
    correct: result.correct,
    wrong: result.wrong,
    unanswered: result.unanswered,
    attempted: result.attempted,
    accuracy: result.accuracy,
    marksLost: result.marksLost,
    marking: result.marking,
    seed: result.seed,
    timeUsedMs: result.timeUsedMs,
    timeLimitMs: result.timeLimitMs,
    averageMs: result.averageMs,
    previousScore: result.previousScore,
    change: result.change,
    warnings: result.warnings.map(safeText),
    topics: result.topics.map((row) => ({ ...row, topic: safeText(row.topic) })),
    markedForReview: result.markedForReview,
    questions: result.questions.map(questionJson),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
