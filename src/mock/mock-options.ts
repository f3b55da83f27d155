// The options of `prelim mock`, checked before anything is loaded or shown, and the paper they describe.

import path from "node:path";
import { defaultTimeLimitMs, parseDuration } from "../core/duration.js";
import type { Bank, Marking, Question } from "../core/question.js";
import { seededRandom } from "../core/random.js";
import { parseMarking, parsePassMark, resolveMarking, type PassMark } from "../core/scoring.js";
import { filterQuestions, pickQuestions, presentQuestion, type PresentedQuestion, type QuestionFilter } from "../core/session.js";
import { parseReporterName, type ReporterName } from "../report/index.js";
import { parseCount, parseDifficulty, parseSeed } from "../session/session-options.js";
import { noQuestionsError } from "../session/session-options.js";

export interface MockOptions {
  readonly topic?: readonly string[];
  readonly difficulty?: string;
  readonly count?: string;
  readonly seed?: string;
  readonly time?: string;
  readonly marking?: string;
  readonly passMark?: string;
  readonly answers?: string;
  readonly reporter?: string;
  readonly output?: string;
  readonly history?: boolean;
}

/** A paper is at most as long as the UPSC's, unless -n asks for more. */
export const MAX_DEFAULT_QUESTIONS = 100;

export interface MockSettings {
  readonly filter: QuestionFilter;
  readonly count: number | undefined;
  /** Undefined when no --seed was given: the caller draws one and says which. */
  readonly seed: number | undefined;
  readonly timeLimitMs: number | undefined;
  readonly marking: Marking | undefined;
  readonly passMark: PassMark | undefined;
  readonly reporter: ReporterName | undefined;
}

/** Every option value checked at once, before banks are read or a prompt opens. Throws for exit 2. */
export function parseMockOptions(options: MockOptions): MockSettings {
  const difficulty = parseDifficulty(options.difficulty);
  return {
    filter: { topics: options.topic ?? [], ...(difficulty && { difficulty }) },
    count: parseCount(options.count, "-n, --count"),
    seed: parseSeed(options.seed),
    timeLimitMs: options.time === undefined ? undefined : parseDuration(options.time),
    marking: options.marking === undefined ? undefined : parseMarking(options.marking),
    passMark: options.passMark === undefined ? undefined : parsePassMark(options.passMark),
    reporter: options.reporter === undefined ? undefined : parseReporterName(options.reporter),
  };
}

const REPORTER_OF_EXTENSION: Record<string, ReporterName> = { ".json": "json", ".xml": "junit", ".tap": "tap", ".txt": "pretty" };

/** --reporter, else what --output's extension says (report.xml: junit), else pretty on a terminal, json elsewhere. */
export function chooseReporter(given: ReporterName | undefined, output: string | undefined, stdoutIsTTY: boolean): ReporterName {
  if (given !== undefined) return given;
  const byExtension = output === undefined ? undefined : REPORTER_OF_EXTENSION[path.extname(output).toLowerCase()];
  return byExtension ?? (stdoutIsTTY && output === undefined ? "pretty" : "json");
}

export interface Paper {
  readonly questions: readonly Question[];
  /** The questions with their on-screen option order, from the seed. */
  readonly presented: readonly PresentedQuestion[];
  readonly seed: number;
  readonly marking: Marking;
  readonly timeLimitMs: number;
  /** Ids of the banks the questions were drawn from (after --topic and --difficulty), sorted. */
  readonly banks: readonly string[];
  /** How many questions matched; more than the paper holds when it was cut to -n or 100. */
  readonly pool: number;
}

/** The same banks, filters and seed always give the same questions, order and option order. */
export function buildPaper(banks: readonly Bank[], settings: MockSettings, seed: number): Paper {
  const pool = filterQuestions(
    banks.flatMap((bank) => bank.questions),
    settings.filter,
  );
  if (pool.length === 0) throw noQuestionsError(settings.filter);
  const count = Math.min(pool.length, settings.count ?? MAX_DEFAULT_QUESTIONS);
  const questions = pickQuestions(pool, count, seededRandom(seed));
  const poolBanks = new Set(pool.map((question) => question.bank));
  const paperBanks = new Set(questions.map((question) => question.bank));
  const marking = resolveMarking(
    settings.marking,
    banks.filter((bank) => paperBanks.has(bank.id)).map((bank) => bank.marking),
  );
  return {
    questions,
    presented: questions.map((question) => presentQuestion(question, seed)),
    seed,
    marking,
    timeLimitMs: settings.timeLimitMs ?? defaultTimeLimitMs(questions.length),
    banks: [...poolBanks].sort(),
    pool: pool.length,
  };
}

