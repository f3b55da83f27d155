// The end of a practice or review session as text: a summary for people, JSON for scripts.

import { letterOf } from "../core/question.js";
import { formatDuration } from "../core/duration.js";
import { sanitize, sanitizeLine } from "../core/sanitize.js";
import { summarizePractice, type RecordedAnswer } from "../core/session.js";
import type { Style } from "../core/style.js";
import { fitLines } from "./text.js";


export function prettySummary(recorded: readonly RecordedAnswer[], options: { interrupted: boolean; style: Style; width: number }): string {
  const { style } = options;
  const summary = summarizePractice(recorded.map((item) => item.answer));
  const lines = [""];
  if (summary.answered === 0) return [...lines, options.interrupted ? style.yellow("Stopped. No questions answered.") : "No questions answered.", ""].join("\n");
  if (options.interrupted) lines.push(style.yellow(`Stopped. ${summary.answered} answer${summary.answered === 1 ? "" : "s"} saved.`));
  const percent = Math.round(summary.accuracy * 100);
  lines.push(style.bold(options.interrupted ? "Summary so far" : "Summary"));
  lines.push(`  Score     ${summary.correct} / ${summary.answered}  (${percent}%)`);
  if (summary.totalMs > 0) lines.push(`  Time      ${formatDuration(summary.totalMs)}`);
  if (summary.topics.length > 0) {
    const width = Math.max(5, ...summary.topics.map((row) => row.topic.length));
    lines.push("", `  ${"Topic".padEnd(width)}  Right`);
    for (const row of summary.topics) lines.push(`  ${sanitizeLine(row.topic).padEnd(width)}  ${row.correct}/${row.attempted}`);
  }
  const missed = recorded.filter((item) => !item.correct);
  if (missed.length > 0) {
    lines.push("", style.bold("Missed"));
    for (const item of missed) {
      const { question } = item.answer;
      const right = question.answer.map((index) => `${letterOf(item.presented.order.indexOf(index))}) ${question.options[index] ?? ""}`).join("; ");
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
  const summary = summarizePractice(recorded.map((item) => item.answer));
  const report = {
    mode: details.mode,
    seed: details.seed,
    interrupted: details.interrupted,
    answered: summary.answered,
    correct: summary.correct,
    wrong: summary.answered - summary.correct,
    accuracy: Math.round(summary.accuracy * 10_000) / 10_000,
    totalMs: summary.totalMs,
    topics: summary.topics.map((row) => ({ topic: sanitize(row.topic), answered: row.attempted, correct: row.correct })),
    warnings: details.warnings.map(sanitize),
    questions: recorded.map(({ answer, correct, entry }) => ({
      bank: sanitize(answer.question.bank),
      id: sanitize(answer.question.id),
      given: entry.given,
      answer: answer.question.answer.map(letterOf),
      outcome: correct ? "correct" : "wrong",
      rating: entry.rating,
      ms: entry.ms,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Why a review has nothing to ask, and when it will. */
export interface NothingDue {
  /** Due today but past the daily review limit. */
  readonly dueLeft: number;
  /** Never reviewed; waiting for the daily new limit. */
  readonly newLeft: number;
  readonly limits: { readonly newPerDay: number; readonly reviewsPerDay: number };
  readonly next?: { readonly count: number; readonly when: string; readonly at: string };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The sentence: what the learner is really waiting for (a limit, or the next due date). */
export function nothingDueText(nothing: NothingDue): string {
  const parts: string[] = [];
  if (nothing.dueLeft > 0) {
    parts.push(
      `Today's review limit (reviewsPerDay ${nothing.limits.reviewsPerDay}) is reached: ${plural(nothing.dueLeft, "more question")} ${nothing.dueLeft === 1 ? "is" : "are"} due. ` +
        `They come first tomorrow, or raise the limit: prelim config set reviewsPerDay ${nothing.limits.reviewsPerDay + nothing.dueLeft}.`,
    );
  } else parts.push("Nothing due.");
  if (nothing.newLeft > 0) {
    parts.push(
      `Today's ${plural(nothing.limits.newPerDay, "new question")} ${nothing.limits.newPerDay === 1 ? "is" : "are"} done; ${nothing.newLeft} more wait ` +
        `(the limit is the setting newPerDay).`,
    );
  }
  if (nothing.dueLeft === 0) parts.push(nothing.next ? `Next: ${plural(nothing.next.count, "question")} ${nothing.next.when}.` : "Nothing scheduled yet.");
  return parts.join(" ");
}

/** The same as text, JSON or TAP, so a scripted run always gets its own format. */
export function nothingDueReport(nothing: NothingDue, reporter: "pretty" | "json" | "tap", width = Number.POSITIVE_INFINITY): string {
  return nothingToAskReport(nothingDueText(nothing), reporter, width, {
    dueLeft: nothing.dueLeft,
    newLeft: nothing.newLeft,
    ...(nothing.next && { next: { count: nothing.next.count, at: nothing.next.at } }),
  });
}

/**
 * A review with nothing to ask, in the reporter's format: `fields` go into the JSON beside the message;
 * as text it is wrapped to `width`, the terminal's.
 */
export function nothingToAskReport(message: string, reporter: "pretty" | "json" | "tap", width = Number.POSITIVE_INFINITY, fields: Record<string, unknown> = {}): string {
  if (reporter === "json") return `${JSON.stringify({ mode: "review", answered: 0, nothingDue: true, message, ...fields, questions: [] }, null, 2)}\n`;
  // TAP 14: a plan of 0 with a SKIP directive is a run with nothing to test, and says why.
  if (reporter === "tap") return `TAP version 14\n1..0 # SKIP ${message.replace(/[\\#]/g, (char) => `\\${char}`)}\n`;
  return `${fitLines([message], width).join("\n")}\n`;
}
