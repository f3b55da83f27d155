// The options of `prelim mock`, checked before anything is loaded or shown: the session options it shares
// with practice and review, and its own (--time, --marking, --pass-mark, --reporter, --output).

import path from "node:path";
import type { Marking } from "../../core/question.js";
import type { PaperRequest } from "../../core/paper.js";
import type { PassMark } from "../../core/scoring.js";
import { REPORTER_NAMES, type ReporterName } from "../../report/names.js";
import { UsageError } from "../../errors.js";
import { parseSessionOptions, type SessionOptions } from "../session/options.js";

export interface MockOptions extends SessionOptions {
  readonly time?: string;
  readonly marking?: string;
  readonly passMark?: string;
  readonly output?: string;
  readonly history?: boolean;
  /** `--resume [id]`: true when no id was given. */
  readonly resume?: string | true;
  readonly discard?: string | true;
}

export interface MockSettings extends PaperRequest {
  /** Undefined when no --seed was given: the caller draws one and says which. */
  readonly seed: number | undefined;
  readonly passMark: PassMark | undefined;
  readonly reporter: ReporterName | undefined;
  readonly requireAnswers: boolean;
}

/** Every option value checked at once, before banks are read or a prompt opens. */
export function parseMockOptions(options: MockOptions): MockSettings {
  const shared = parseSessionOptions(options);
  return {
    filter: shared.filter,
    count: shared.count,
    seed: shared.seed,
    timeLimitMs: options.time === undefined ? undefined : parseDuration(options.time),
    marking: options.marking === undefined ? undefined : parseMarking(options.marking),
    passMark: options.passMark === undefined ? undefined : parsePassMark(options.passMark),
    reporter: options.reporter === undefined ? undefined : parseReporterName(options.reporter),
    requireAnswers: options.requireAnswers === true,
  };
}

export function parseReporterName(text: string): ReporterName {
  if ((REPORTER_NAMES as readonly string[]).includes(text)) return text as ReporterName;
  throw new UsageError(`--reporter "${text}" is not a reporter: use one of ${REPORTER_NAMES.join(", ")}`);
}

const REPORTER_OF_EXTENSION: Record<string, ReporterName> = { ".json": "json", ".xml": "junit", ".tap": "tap", ".txt": "pretty" };

/** --reporter, else what --output's extension says (report.xml: junit), else pretty on a terminal, json elsewhere. */
export function chooseReporter(given: ReporterName | undefined, output: string | undefined, stdoutIsTTY: boolean): ReporterName {
  if (given !== undefined) return given;
  const byExtension = output === undefined ? undefined : REPORTER_OF_EXTENSION[path.extname(output).toLowerCase()];
  return byExtension ?? (stdoutIsTTY && output === undefined ? "pretty" : "json");
}

/** A day: anything longer is a typo (`120h` for `120m`), not a mock test. */
const LONGEST_MS = 24 * 60 * 60 * 1000;
const PLAIN_MINUTES = /^\d+$/;
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses `--time`: `120m`, `90s`, `1h30m`, `2h`, `1h30m15s` (h, m, s in that order, each at most once,
 * spaces allowed between parts), or a plain whole number, which means minutes because the paper states
 * its duration in minutes ("120"). Returns milliseconds; zero and more than 24 hours are refused.
 */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, "");
  const ms = PLAIN_MINUTES.test(compact) ? Number(compact) * 60_000 : unitsToMs(compact);
  if (ms === undefined) {
    throw new UsageError(`--time "${text}" is not a duration: give minutes (120) or hours, minutes and seconds (2h, 90m, 1h30m, 45s)`);
  }
  if (ms <= 0 || ms > LONGEST_MS) throw new UsageError(`--time "${text}" must be more than 0 and at most 24h`);
  return ms;
}

function unitsToMs(compact: string): number | undefined {
  const match = UNITS.exec(compact);
  if (match === null || compact === "") return undefined;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/** Two decimals at most, as marks are kept in hundredths. */
const MARK_NUMBER = /^[+-]?\d+(?:\.\d{1,2})?$/;
const UNSIGNED_NUMBER = /^\d+(?:\.\d{1,2})?$/;

/**
 * Parses `--marking correct,wrong[,unanswered]`, e.g. `2,-0.66,0`; unanswered defaults to 0. Right answers
 * must gain marks; wrong and unanswered ones may lose marks or score 0, never gain.
 */
export function parseMarking(text: string): Marking {
  const parts = text.split(",").map((part) => part.trim());
  const allowed = "give correct,wrong,unanswered marks such as 2,-0.66,0 (numbers with at most two decimals)";
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => MARK_NUMBER.test(part))) {
    throw new UsageError(`--marking "${text}" is not a marking: ${allowed}`);
  }
  const [correct = 0, wrong = 0, unanswered = 0] = parts.map(Number);
  if (correct <= 0 || wrong > 0 || unanswered > 0) {
    throw new UsageError(`--marking "${text}": a right answer must gain marks (more than 0), a wrong or unanswered one cannot (0 or less)`);
  }
  return { correct, wrong: wrong + 0, unanswered: unanswered + 0 };
}

/** Parses `--pass-mark`: a percent of the maximum score (`60%`) or a score (`66.5`). */
export function parsePassMark(text: string): PassMark {
  const trimmed = text.trim();
  const allowed = "give a percent of the maximum score (60%) or a score (66.5), with at most two decimals";
  if (trimmed.endsWith("%")) {
    const number = trimmed.slice(0, -1).trim();
    if (UNSIGNED_NUMBER.test(number) && Number(number) <= 100) return { kind: "percent", percent: Number(number) };
    throw new UsageError(`--pass-mark "${text}" is not a percent from 0% to 100%: ${allowed}`);
  }
  if (UNSIGNED_NUMBER.test(trimmed)) return { kind: "score", score: Number(trimmed) };
  throw new UsageError(`--pass-mark "${text}" is not a pass mark: ${allowed}`);
}
