// --answers FILE|-: reading an answer file and matching it to the banks' questions, for practice,
// review and mock alike.

import { maxBankBytes } from "../../bank/read-file.js";
import { matchAnswerFile, type MatchedAnswers } from "../../core/answer-file.js";
import type { Question } from "../../core/question.js";
import type { Context } from "../../context.js";

/** `questions` is every question of the banks, so answers to questions not drawn raise no warning. */
export async function openAnswerFile(source: string, questions: readonly Question[], context: Context): Promise<MatchedAnswers> {
  const { io } = context;
  // Imported here, not at the top: a session without an answer file never needs the reader. It
  // brings yaml only for a file that is not plain `id: letters` lines.
  const { readAnswerFile } = await import("../../bank/read-answers.js");
  return matchAnswerFile(questions, await readAnswerFile(source, () => io.stdin, maxBankBytes(io.env), io.cwd));
}
