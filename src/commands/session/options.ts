// The options practice, review and mock share: declared once for commander, parsed once here. A bad
// value is a UsageError naming the option and what is allowed.

import { Option, type Command } from "commander";
import { DIFFICULTIES, type Difficulty } from "../../core/question.js";
import type { QuestionFilter } from "../../core/session.js";
import { UsageError } from "../../errors.js";

/** What commander hands a session command for the shared options. */
export interface SessionOptions {
  readonly topic?: readonly string[];
  readonly difficulty?: string;
  readonly count?: string;
  readonly seed?: string;
  readonly answers?: string;
  readonly reporter?: string;
  readonly json?: boolean;
  /** With --answers: a question the file leaves unanswered makes the exit status 1. */
  readonly requireAnswers?: boolean;
}

/** The shared options, checked. */
export interface SessionSettings {
  readonly filter: QuestionFilter;
  readonly count: number | undefined;
  /** Undefined when no --seed was given: the command draws one and says which. */
  readonly seed: number | undefined;
  readonly answers: string | undefined;
}

export interface SessionOptionHelp {
  /** What -n means for this command. */
  readonly count: string;
  /** What --seed repeats. */
  readonly seed: string;
  readonly reporters: readonly string[];
  readonly reporterDefault: string;
  /** --confidence: practice and review give feedback and can ask; a mock cannot. */
  readonly confidence: boolean;
}

/** Practice and review: answers with feedback, so they can ask for a confidence rating. */
export function feedbackSessionHelp(count: string): SessionOptionHelp {
  return {
    count,
    seed: "repeat a session: the same seed gives the same questions in the same order",
    reporters: ["pretty", "json", "tap"],
    reporterDefault: "pretty on a terminal, tap with --answers",
    confidence: true,
  };
}

/** Adds the shared options to a command: the one place they are declared. */
export function withSessionOptions(command: Command, help: SessionOptionHelp): Command {
  const declared = command
    .option("-t, --topic <tags...>", "only questions with one of these tags")
    .addOption(new Option("-d, --difficulty <level>", "only questions of this difficulty").choices(DIFFICULTIES))
    .option("-n, --count <n>", help.count)
    .option("--seed <n>", help.seed)
    .option("--answers <file>", "answer from a YAML file of question ids and letters ('-' for stdin); no terminal needed")
    .addOption(new Option("--reporter <name>", `output format (default: ${help.reporterDefault})`).choices(help.reporters))
    .option("--json", "the same as --reporter json")
    .option("--require-answers", "with --answers: exit 1 if the file leaves any question drawn unanswered (for CI)")
    .option("--no-record", "write nothing to the data dir: no progress, no history (to check an answer key, or in CI)");
  if (help.confidence) declared.option("--confidence", "after a right answer, ask how sure you were (a guess brings it back sooner)");
  return declared;
}

export function parseSessionOptions(options: SessionOptions): SessionSettings {
  const difficulty = parseDifficulty(options.difficulty);
  return {
    filter: { topics: options.topic ?? [], ...(difficulty && { difficulty }) },
    count: parseCount(options.count),
    seed: parseSeed(options.seed),
    answers: options.answers,
  };
}

/** `--since 7d`: days (d), weeks (w) or hours (h); a plain number is days. Returns milliseconds. */
export function parseSince(text: string): number {
  const match = /^(\d+)\s*([dwh]?)$/.exec(text.trim().toLowerCase());
  const value = match ? Number(match[1]) : Number.NaN;
  if (!match || value < 1) throw new UsageError(`--since "${text}" is not a span of time: give days (7d, or 7), weeks (2w) or hours (36h)`);
  const unit = match[2] === "w" ? 7 * 86_400_000 : match[2] === "h" ? 3_600_000 : 86_400_000;
  return value * unit;
}

export function parseCount(text: string | undefined, option = "-n, --count"): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} must be a whole number of 1 or more, got "${text}"`);
  return value;
}

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${text}"`);
  return value;
}

export function parseDifficulty(text: string | undefined): Difficulty | undefined {
  if (text === undefined) return undefined;
  if (!(DIFFICULTIES as readonly string[]).includes(text)) throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(", ")}, got "${text}"`);
  return text as Difficulty;
}
