// From a question's checked data and its options to the Question the core works with. Runs only on a
// question with no errors, so the casts below restate what the schema and the rules have checked.

import { ASSERTION_PROMPT } from "../core/assertion-options.js";
import { defaultPrompt } from "../core/generated-options.js";
import { MATCH_PROMPT } from "../core/match-codes.js";
import { questionKey } from "../core/question.js";
import type { Difficulty, Headings, Question, QuestionKind } from "../core/question.js";
import { askOf, nounOf, numberingOf } from "./check-items.js";
import type { QuestionContext } from "./check-question.js";
import type { BuiltOptions, Raw } from "./rule-report.js";

/** The lead-in of a Statement-I/II question when it gives none, as the paper prints it. */
const ASSERTION_STEM = "Consider the following statements:";

export function buildQuestion(raw: Raw, kind: QuestionKind, built: BuiltOptions, context: QuestionContext): Question {
  const id = raw.id as string;
  const ownTags = Array.isArray(raw.tags) ? (raw.tags as string[]) : [];
  const common = {
    bank: context.bankId,
    id,
    key: questionKey(context.bankId, id),
    question: typeof raw.question === "string" ? raw.question : ASSERTION_STEM,
    options: built.options,
    answer: built.answer,
    shuffle: kind === "choice" ? raw.shuffle !== false : false,
    tags: [...new Set([...context.bankTags, ...ownTags])],
    ...(typeof raw.explanation === "string" && { explanation: raw.explanation }),
    ...(typeof raw.source === "string" && { source: raw.source }),
    ...(typeof raw.difficulty === "string" && { difficulty: raw.difficulty as Difficulty }),
  };
  const ownPrompt = typeof raw.prompt === "string" ? raw.prompt : undefined;
  const headings = Array.isArray(raw.headings) ? { headings: [String(raw.headings[0]), String(raw.headings[1])] as Headings } : {};
  switch (kind) {
    case "choice":
      return { ...common, kind, multiple: Array.isArray(raw.answer) };
    case "true-false":
      return { ...common, kind, truth: raw.answer as boolean };
    case "statements":
    case "pairs": {
      const ask = askOf(raw);
      const numbering = numberingOf(raw);
      const prompt = ownPrompt ?? defaultPrompt(ask, nounOf(kind), "codes" in raw);
      const items = { ask, numbering, prompt, ...(built.optionItems && { optionItems: built.optionItems }) };
      return kind === "statements"
        ? { ...common, kind, ...items, statements: (raw.statements as Raw[]).map((item) => ({ text: item.text as string, correct: item.correct as boolean })) }
        : { ...common, kind, ...items, ...headings, pairs: (raw.pairs as Raw[]).map((item) => ({ left: item.left as string, right: item.right as string, correct: item.correct as boolean })) };
    }
    case "assertion": {
      const claim = raw.claim as Raw;
      const reasons = (raw.reasons as Raw[]).map((reason) => ({ text: reason.text as string, correct: reason.correct as boolean, explains: reason.explains === true }));
      return { ...common, kind, prompt: ownPrompt ?? ASSERTION_PROMPT, claim: { text: claim.text as string, correct: claim.correct as boolean }, reasons };
    }
    case "match":
      return { ...common, kind, prompt: ownPrompt ?? MATCH_PROMPT, ...headings, list1: raw.list1 as string[], list2: raw.list2 as string[], matches: raw.matches as number[] };
  }
}
