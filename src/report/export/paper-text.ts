// A question written out as the paper prints it, as plain lines: the stem, then the statements, pairs,
// Statement-I/II or List-I/List-II, then the prompt. For formats that only know a question and its
// options (GIFT, Aiken, CSV, Anki), where the options are the ones prelim generated.

import { numeral } from "../../core/generated-options.js";
import type { Question } from "../../core/question.js";

const LIST1_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function paperLines(question: Question): string[] {
  switch (question.kind) {
    case "choice":
    case "true-false":
      return [question.question];
    case "statements":
      return [question.question, ...question.statements.map((item, index) => `${numeral(index + 1, question.numbering)}. ${item.text}`), question.prompt];
    case "pairs": {
      const headings = question.headings ? [`${question.headings[0]} — ${question.headings[1]}`] : [];
      return [question.question, ...headings, ...question.pairs.map((pair, index) => `${numeral(index + 1, question.numbering)}. ${pair.left} — ${pair.right}`), question.prompt];
    }
    case "assertion": {
      const names = ["Statement-II", "Statement-III"];
      return [
        ...(question.question.trim() === "" ? [] : [question.question]),
        `Statement-I: ${question.claim.text}`,
        ...question.reasons.map((reason, index) => `${names[index] ?? `Statement-${index + 2}`}: ${reason.text}`),
        question.prompt,
      ];
    }
    case "match": {
      const [left, right] = question.headings ?? ["List-I", "List-II"];
      return [
        question.question,
        `${left}:`,
        ...question.list1.map((item, index) => `${LIST1_LETTERS[index] ?? "?"}. ${item}`),
        `${right}:`,
        ...question.list2.map((item, index) => `${index + 1}. ${item}`),
        question.prompt,
      ].filter((line) => line.trim() !== "");
    }
  }
}

/** The options as the question has them: written for choice questions, generated for the rest; True/False for true-false. */
export function optionsOf(question: Question): readonly string[] {
  return question.options;
}
