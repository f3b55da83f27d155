// The end of a practice or review session as text: a summary for people, JSON for scripts.

import { letterOf } from "../core/question.js";
import { formatDuration } from "../core/duration.js";
import { sanitize, sanitizeLine } from "../core/sanitize.js";
import { summarizePractice } from "../core/session.js";
import type { Style } from "../ui/color.js";
import type { RecordedAnswer } from "./answer-loop.js";

export function prettySummary(recorded: readonly RecordedAnswer[], options: { interrupted: boolean; style: Style; width: number }): string {
  const { style } = options;
  const summary = summarizePractice(recorded.map((answer) => answer.outcome));
  const lines = [""];
  if (options.interrupted) lines.push(style.yellow(`Stopped. ${summary.answered} answer${summary.answered === 1 ? "" : "s"} saved.`));
  if (summary.answered === 0) return [...lines, "No questions answered.", ""].join("\n");
  const percent = Math.round(summary.accuracy * 100);
  lines.push(style.bold(options.interrupted ? "Summary so far" : "Summary"));
  lines.push(`  Score     ${summary.correct} / ${summary.answered}  (${percent}%)`);
  if (summary.totalMs > 0) lines.push(`  Time      ${formatDuration(summary.totalMs)}`);
  if (summary.topics.length > 0) {
    const width = Math.max(5, ...summary.topics.map((row) => row.topic.length));
    lines.push("", `  ${"Topic".padEnd(width)}  Right`);
    for (const row of summary.topics) lines.push(`  ${sanitizeLine(row.topic).padEnd(width)}  ${row.correct}/${row.answered}`);
  }
  const missed = recorded.filter((answer) => !answer.outcome.correct);
  if (missed.length > 0) {
    lines.push("", style.bold("Missed"));
    for (const answer of missed) {
      const { question } = answer.outcome;
      const right = question.answer.map((index) => `${letterOf(answer.presented.order.indexOf(index))}) ${question.options[index] ?? ""}`).join("; ");
      lines.push(`  ${truncate(sanitizeLine(question.question), options.width - 2)}`);
      lines.push(`    ${style.green(`→ ${truncate(sanitizeLine(right), options.width - 6)}`)}  ${style.dim(sanitizeLine(question.key))}`);
    }
  }
  return [...lines, ""].join("\n");
}

export function jsonSummary(
  recorded: readonly RecordedAnswer[],
  details: { mode: string; seed: number; interrupted: boolean; warnings: readonly string[] },
): string {
  const summary = summarizePractice(recorded.map((answer) => answer.outcome));
  const report = {
    mode: details.mode,
    seed: details.seed,
    interrupted: details.interrupted,
    answered: summary.answered,
    correct: summary.correct,
    wrong: summary.answered - summary.correct,
    accuracy: Math.round(summary.accuracy * 10_000) / 10_000,
    totalMs: summary.totalMs,
    topics: summary.topics.map((row) => ({ ...row, topic: sanitize(row.topic) })),
    warnings: details.warnings.map(sanitize),
    questions: recorded.map((answer) => ({
      bank: sanitize(answer.outcome.question.bank),
      id: sanitize(answer.outcome.question.id),
      given: answer.entry.given,
      answer: answer.outcome.question.answer.map(letterOf),
      outcome: answer.outcome.correct ? "correct" : "wrong",
      rating: answer.entry.rating,
      ms: answer.entry.ms,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
