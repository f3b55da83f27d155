// Past mock attempts, one JSON line each in <dataDir>/mock-attempts.jsonl: appended with O_APPEND in
// one write and fsynced, so an attempt shown as saved is on disk and two processes never interleave.
// A reader keeps every line it can read and skips the rest (a torn last line after a crash, a line
// edited by hand), saying how many it skipped; the file is never rewritten.

import path from "node:path";
import type { Attempt, AttemptOutcome } from "../core/attempt.js";
import { isItemJudgements } from "../core/statement-memory.js";
import { appendJsonLines, readJsonLines } from "./json-lines.js";

export type { Attempt, AttemptOutcome } from "../core/attempt.js";

export const ATTEMPTS_FILE = "mock-attempts.jsonl";

export interface AttemptRead {
  readonly attempts: readonly Attempt[];
  /** Lines that could not be read and were left out. */
  readonly skipped: number;
}

export function attemptsFile(dataDir: string): string {
  return path.join(dataDir, ATTEMPTS_FILE);
}

/** Appends one attempt; it is on disk when this returns. */
export function appendAttempt(dataDir: string, attempt: Attempt): void {
  appendJsonLines(dataDir, attemptsFile(dataDir), [attempt], "save the mock attempt to");
}

export function readAttempts(dataDir: string): AttemptRead {
  const { items, skipped } = readJsonLines(attemptsFile(dataDir), parseAttempt);
  return { attempts: items, skipped };
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const OUTCOMES: readonly string[] = ["correct", "wrong", "unanswered"];

function parseAttempt(value: unknown): Attempt | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const numbers = ["v", "seed", "questions", "score", "maxScore", "percent", "correct", "wrong", "unanswered"] as const;
  if (typeof record.at !== "string" || Number.isNaN(Date.parse(record.at))) return undefined;
  if (!isStringList(record.banks) || !numbers.every((name) => isNumber(record[name])) || !Array.isArray(record.outcomes)) return undefined;
  const outcomes = record.outcomes.filter(
    (item): item is AttemptOutcome =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as AttemptOutcome).key === "string" &&
      isStringList((item as AttemptOutcome).given) &&
      OUTCOMES.includes((item as AttemptOutcome).outcome),
  );
  return {
    v: record.v as number,
    ...(typeof record.id === "string" && { id: record.id }),
    at: record.at,
    banks: record.banks,
    seed: record.seed as number,
    questions: record.questions as number,
    score: record.score as number,
    maxScore: record.maxScore as number,
    percent: record.percent as number,
    correct: record.correct as number,
    wrong: record.wrong as number,
    unanswered: record.unanswered as number,
    ...(isNumber(record.timeUsedMs) ? { timeUsedMs: record.timeUsedMs } : {}),
    ...(isNumber(record.timeLimitMs) ? { timeLimitMs: record.timeLimitMs } : {}),
    scripted: record.scripted === true,
    outcomes: outcomes.map((item) => ({
      key: item.key,
      given: [...item.given],
      outcome: item.outcome,
      marked: item.marked === true,
      ...(isNumber(item.ms) && { ms: item.ms }),
      ...(isItemJudgements(item.items) && { items: [...item.items] }),
    })),
  };
}
