// Matching an answer file's entries to questions: one rule for practice, review and mock.

import { makeAnswer, type Answer } from "./answer.js";
import { statementCheckFor } from "./statement-memory.js";
import { indexOfLetter, type Question } from "./question.js";

/** What an answer file says, read and checked for syntax: key → the letters written, as strings. */
export type AnswerEntries = ReadonlyMap<string, readonly string[]>;

export interface MatchedAnswers {
  /** Canonical indexes chosen, by question key; a question the file does not mention is absent. */
  readonly chosen: ReadonlyMap<string, readonly number[]>;
  readonly warnings: readonly string[];
}

/**
 * Pairs an answer file's entries with questions. Keys are question ids, or bank/id where an id repeats;
 * values are canonical letters. `questions` is every question of the banks, not only those drawn: a file
 * written for a whole bank answers questions this session did not pick, and those are not mistakes.
 * Mistakes are warnings, not errors, so a CI run still reports: an unknown or ambiguous key is ignored, a
 * value that is not a letter leaves its question unanswered, a repeated letter counts once. A letter past
 * a question's options is kept: scoring counts it as wrong and warns.
 */
export function matchAnswerFile(questions: readonly Question[], entries: AnswerEntries): MatchedAnswers {
  const warnings: string[] = [];
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const byId = new Map<string, Question[]>();
  for (const question of questions) byId.set(question.id, [...(byId.get(question.id) ?? []), question]);
  const chosen = new Map<string, readonly number[]>();

  for (const [key, letters] of entries) {
    const sameId = byId.get(key) ?? [];
    // A statement check (bank/id#2) answers the statement of a question in the file's banks: not a mistake
    // when this session asks the question itself, or asks no check of it today.
    const question = byKey.get(key) ?? statementCheckFor(key, byKey) ?? (sameId.length === 1 ? sameId[0] : undefined);
    if (question === undefined) {
      warnings.push(
        sameId.length > 1
          ? `answer "${key}" could be ${sameId.map((q) => q.key).join(" or ")}: write it as bank/id; ignored`
          : `answer "${key}" names no question in this test; ignored`,
      );
      continue;
    }
    if (chosen.has(question.key)) {
      warnings.push(`${question.key} is answered twice in the answer file; the first answer is used`);
      continue;
    }
    const notLetters = letters.filter((letter) => indexOfLetter(letter.trim()) === undefined);
    const indexes = letters.flatMap((letter) => indexOfLetter(letter.trim()) ?? []);
    if (notLetters.length > 0) {
      warnings.push(`${question.key}: "${notLetters.join('", "')}" is not an option letter (a, b, c…); counted as unanswered`);
      continue;
    }
    const unique = [...new Set(indexes)];
    if (unique.length < indexes.length) warnings.push(`${question.key}: a letter is repeated in the answer file; counted once`);
    chosen.set(question.key, unique);
  }
  return { chosen, warnings };
}

/**
 * The warning for a file that answers none of the questions drawn (a file for another bank, or ids that
 * changed): the run goes on, every question unanswered, and says why.
 */
export function noneDrawnWarning(matched: MatchedAnswers, drawn: readonly Question[]): string | undefined {
  if (drawn.length === 0 || drawn.some((question) => matched.chosen.has(question.key))) return undefined;
  return `the answer file answers none of the ${drawn.length} question${drawn.length === 1 ? "" : "s"} drawn: check that it is for these banks`;
}

/** The file's answer to a question, or an unanswered one when it gives none. */
export function answerFromFile(matched: MatchedAnswers, question: Question): Answer {
  return makeAnswer(question, matched.chosen.get(question.key) ?? []);
}
