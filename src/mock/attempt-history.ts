// Past mock attempts, one JSON line each in <dataDir>/mock-attempts.jsonl: appended with O_APPEND in
// one write and fsynced, so an attempt shown as saved is on disk and two processes never interleave.
// A reader keeps every line it can read and skips the rest (a torn last line after a crash, a line
// edited by hand), saying how many it skipped; the file is never rewritten.

import fs from "node:fs";
import path from "node:path";
import type { MockResult, Outcome } from "../core/scoring.js";
import { letters } from "../report/text.js";
import { storeFailure } from "../store/store-fs.js";
import { appendLine } from "../store/append-line.js";

export const ATTEMPTS_FILE = "mock-attempts.jsonl";
const VERSION = 1;

export interface AttemptOutcome {
  /** `<bank>/<question>`. */
  readonly key: string;
  /** Canonical letters chosen; empty when unanswered. */
  readonly given: readonly string[];
  readonly outcome: Outcome;
  readonly marked: boolean;
}

export interface Attempt {
  readonly v: number;
  /** When the attempt was submitted, ISO-8601. */
  readonly at: string;
  /** The ids of the banks the paper was drawn from, sorted: attempts on the same set are compared. */
  readonly banks: readonly string[];
  readonly seed: number;
  readonly questions: number;
  readonly score: number;
  readonly maxScore: number;
  readonly percent: number;
  readonly correct: number;
  readonly wrong: number;
  readonly unanswered: number;
  readonly timeUsedMs?: number;
  readonly timeLimitMs?: number;
  /** From an answer file rather than a terminal. */
  readonly scripted: boolean;
  readonly outcomes: readonly AttemptOutcome[];
}

export interface AttemptRead {
  readonly attempts: readonly Attempt[];
  /** Lines that could not be read and were left out. */
  readonly skipped: number;
}

export function attemptsFile(dataDir: string): string {
  return path.join(dataDir, ATTEMPTS_FILE);
}

export function attemptFrom(result: MockResult, details: { at: Date; banks: readonly string[]; seed: number; scripted: boolean }): Attempt {
  return {
    v: VERSION,
    at: details.at.toISOString(),
    banks: [...new Set(details.banks)].sort(),
    seed: details.seed,
    questions: result.questions.length,
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    correct: result.correct,
    wrong: result.wrong,
    unanswered: result.unanswered,
    ...(result.timeUsedMs === undefined ? {} : { timeUsedMs: result.timeUsedMs }),
    ...(result.timeLimitMs === undefined ? {} : { timeLimitMs: result.timeLimitMs }),
    scripted: details.scripted,
    outcomes: result.questions.map((item) => ({ key: item.question.key, given: letters(item.given), outcome: item.outcome, marked: item.marked })),
  };
}

/** Appends one attempt; it is on disk when this returns. */
export function appendAttempt(dataDir: string, attempt: Attempt): void {
  const file = attemptsFile(dataDir);
  let fd: number | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
    appendLine(fd, Buffer.from(`${JSON.stringify(attempt)}\n`, "utf8"), fs);
  } catch (error) {
    throw storeFailure(error, "save the mock attempt to", file);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function readAttempts(dataDir: string): AttemptRead {
  let text: string;
  try {
    text = fs.readFileSync(attemptsFile(dataDir), "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { attempts: [], skipped: 0 };
    throw storeFailure(error, "read", attemptsFile(dataDir));
  }
  const attempts: Attempt[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const attempt = parseAttempt(line);
    if (attempt === undefined) skipped++;
    else attempts.push(attempt);
  }
  return { attempts, skipped };
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const OUTCOMES: readonly string[] = ["correct", "wrong", "unanswered"];

function parseAttempt(line: string): Attempt | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
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
    outcomes: outcomes.map((item) => ({ key: item.key, given: [...item.given], outcome: item.outcome, marked: item.marked === true })),
  };
}

export function sameBanks(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/** The latest attempt on exactly this set of banks, to show the change since. */
export function previousAttempt(attempts: readonly Attempt[], banks: readonly string[]): Attempt | undefined {
  for (let index = attempts.length - 1; index >= 0; index--) {
    const attempt = attempts[index];
    if (attempt !== undefined && sameBanks(attempt.banks, banks)) return attempt;
  }
  return undefined;
}
