// `prelim mock --history`: past attempts as a table (or JSON), each with its change since the previous
// attempt on the same banks, and the trend of the latest set of banks.

import type { Style } from "../core/style.js";
import { oneLine, signedMarks, truncate } from "./text.js";
import { type Attempt, sameBanks } from "../core/attempt.js";

export interface HistoryRow {
  readonly attempt: Attempt;
  /** Score minus the score of the previous attempt on the same banks; undefined for the first. */
  readonly change: number | undefined;
}

export function historyRows(attempts: readonly Attempt[]): HistoryRow[] {
  return attempts.map((attempt, index) => {
    let before: Attempt | undefined;
    for (let earlier = index - 1; earlier >= 0 && before === undefined; earlier--) {
      const candidate = attempts[earlier];
      if (candidate && sameBanks(candidate.banks, attempt.banks)) before = candidate;
    }
    return { attempt, change: before === undefined ? undefined : Math.round((attempt.score - before.score) * 100) / 100 + 0 };
  });
}

/** "2025-11-14 09:30" in local time. */
function when(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

const BANKS_WIDTH = 32;

export function renderHistory(attempts: readonly Attempt[], style: Style): string {
  if (attempts.length === 0) return "No mock attempts yet. Take one with: prelim mock [banks…]\n";
  const rows = historyRows(attempts);
  const banksWidth = Math.min(BANKS_WIDTH, Math.max(5, ...attempts.map((attempt) => oneLine(attempt.banks.join(", ")).length)));
  const line = (date: string, how: string, banks: string, questions: string, score: string, percent: string, change: string) =>
    `  ${date.padEnd(16)}  ${how.padEnd(4)}  ${banks.padEnd(banksWidth)}  ${questions.padStart(9)}  ${score.padStart(15)}  ${percent.padStart(7)}  ${change.padStart(7)}`.trimEnd();
  const lines = [
    style.bold(`Mock attempts (${attempts.length})`),
    style.dim(line("Date", "How", "Banks", "Questions", "Score", "Percent", "Change")),
    ...rows.map(({ attempt, change }) => {
      const changeText = change === undefined ? "—" : change === 0 ? "±0" : signedMarks(change);
      const painted = change === undefined || change === 0 ? changeText : change > 0 ? style.green(changeText) : style.red(changeText);
      const text = line(
        when(attempt.at),
        attempt.scripted ? "file" : "sat",
        truncate(oneLine(attempt.banks.join(", ")), banksWidth),
        String(attempt.questions),
        `${attempt.score} / ${attempt.maxScore}`,
        `${attempt.percent}%`,
        changeText,
      );
      return text.slice(0, text.length - changeText.length) + painted;
    }),
  ];
  const latest = attempts[attempts.length - 1];
  if (latest !== undefined) {
    const same = attempts.filter((attempt) => sameBanks(attempt.banks, latest.banks)).slice(-6);
    if (same.length > 1) {
      const first = same[0]?.percent ?? 0;
      const points = Math.round((latest.percent - first) * 100) / 100 + 0;
      lines.push(
        "",
        `Trend on ${truncate(oneLine(latest.banks.join(", ")), 40)}: ${same.map((attempt) => `${attempt.percent}%`).join(" → ")} (${points > 0 ? "+" : ""}${points} points)`,
      );
    }
  }
  lines.push("", style.dim("How: sat at a terminal, or answered from a file (--answers). Change: marks since the previous attempt on the same banks."));
  return `${lines.join("\n")}\n`;
}

export function historyJson(attempts: readonly Attempt[]): string {
  const rows = historyRows(attempts).map(({ attempt, change }) => ({
    at: attempt.at,
    banks: attempt.banks.map(oneLine),
    seed: attempt.seed,
    questions: attempt.questions,
    score: attempt.score,
    maxScore: attempt.maxScore,
    percent: attempt.percent,
    correct: attempt.correct,
    wrong: attempt.wrong,
    unanswered: attempt.unanswered,
    change,
    scripted: attempt.scripted,
  }));
  return `${JSON.stringify({ attempts: rows }, null, 2)}\n`;
}
