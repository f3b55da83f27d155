// Answers from an answer file, for scripted runs (the terminal's are in terminal-answers.ts).

import { answersFromFile } from "../core/scoring.js";
import type { Question } from "../core/question.js";
import type { AnswerEntries } from "../bank/read-answers.js";
import type { AnswerSource, GivenAnswer } from "./answer-loop.js";

export interface ScriptedAnswers {
  readonly source: AnswerSource;
  readonly warnings: readonly string[];
}

/** Answers from a file, matched to the session's questions; questions it does not answer are skipped. */
export function scriptedAnswers(entries: AnswerEntries, questions: readonly Question[]): ScriptedAnswers {
  const matched = answersFromFile(questions, entries);
  const given = new Map(matched.answers.map((answer) => [answer.question.key, answer.given]));
  return {
    warnings: matched.warnings,
    source: {
      answer: async (presented): Promise<GivenAnswer | undefined> => {
        const chosen = given.get(presented.question.key);
        return chosen === undefined ? undefined : { chosen, ms: undefined };
      },
    },
  };
}

