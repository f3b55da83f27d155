// Checks of the options practice, review and mock share: numbers, seeds, difficulty.

import { DIFFICULTIES } from "../core/question.js";
import type { QuestionFilter } from "../core/session.js";
import type { Difficulty } from "../core/question.js";
import { UsageError } from "../errors.js";

export function parseCount(text: string | undefined, option = "--count"): number | undefined {
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

/** The error for a filter that leaves nothing to ask, naming the filter. */
export function noQuestionsError(filter: QuestionFilter): UsageError {
  const topics = filter.topics ?? [];
  const parts = [...(topics.length > 0 ? [`topic ${topics.join(" or ")}`] : []), ...(filter.difficulty ? [`difficulty ${filter.difficulty}`] : [])];
  const message = parts.length > 0 ? `no questions match ${parts.join(" and ")}` : "the banks hold no questions";
  return new UsageError(message, "`prelim banks` lists the topics of each bank.");
}
