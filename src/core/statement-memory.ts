// Memory per statement. A wrong answer to "Which of the statements given above is/are correct?" says
// more than "wrong": the option chosen names a set of statements, and each statement it puts on the
// wrong side of the line is one the learner misjudged. Each such item (a statement, or a pair) gets a
// card of its own, keyed `<bank>/<question>#<item>`, scheduled by FSRS like any question and drilled
// as a quick true/false check. How-many answers say nothing item by item: a wrong count could come
// from any of them. Pure: questions in, judgements and drill questions out.

import { MAX_ITEMS, numeral } from "./generated-options.js";
import type { Question, StatementsQuestion, PairsQuestion, TrueFalseQuestion } from "./question.js";

export type ItemsQuestion = StatementsQuestion | PairsQuestion;

// Bank and question ids are slugs, which never hold "#": an item key cannot clash with a question's.
const ITEM_MARK = "#";

/** `<bank>/<question>#<item>`, item 1-based. */
export function itemKey(questionKey: string, item: number): string {
  return `${questionKey}${ITEM_MARK}${item}`;
}

export function isItemKey(key: string): boolean {
  return key.includes(ITEM_MARK);
}

/** The question key and item number of an item key, or undefined for a question's own key. */
export function parseItemKey(key: string): { questionKey: string; item: number } | undefined {
  const mark = key.lastIndexOf(ITEM_MARK);
  if (mark === -1) return undefined;
  const item = Number(key.slice(mark + 1));
  return Number.isInteger(item) && item >= 1 ? { questionKey: key.slice(0, mark), item } : undefined;
}

export function isItemsQuestion(question: Question): question is ItemsQuestion {
  return question.kind === "statements" || question.kind === "pairs";
}

/** Every item of the questions' statements and pairs, with its key, in the questions' order. */
export function* eachItem(questions: Iterable<Question>): Generator<{ question: ItemsQuestion; item: number; key: string }> {
  for (const question of questions) {
    if (!isItemsQuestion(question)) continue;
    for (let item = 1; item <= itemCount(question); item++) yield { question, item, key: itemKey(question.key, item) };
  }
}

/** Every item key of the questions' statements and pairs. */
export function itemKeysOf(questions: Iterable<Question>): string[] {
  return Array.from(eachItem(questions), ({ key }) => key);
}

/** Every key a statement of the question could have, whatever its number of items: 1 to MAX_ITEMS. */
export function possibleItemKeys(questionKey: string): string[] {
  return Array.from({ length: MAX_ITEMS }, (_, index) => itemKey(questionKey, index + 1));
}

/** An item as the learner reads it alone: the statement, or "left — right" for a pair. */
export function itemText(question: ItemsQuestion, item: number): string {
  if (question.kind === "statements") return question.statements[item - 1]?.text ?? "";
  const pair = question.pairs[item - 1];
  return pair === undefined ? "" : `${pair.left} — ${pair.right}`;
}

export function itemCount(question: ItemsQuestion): number {
  return question.kind === "statements" ? question.statements.length : question.pairs.length;
}

/**
 * Per item, in order, whether the chosen option put it on the right side: the option names the items
 * the learner takes to be correct (or, for which-incorrect, incorrect), and an item is misjudged when
 * it is named by one of the chosen and the right option but not the other. From "1 and 3 only" against
 * "1 and 2 only": [true, false, false]. Undefined when the answer says nothing item by item: how-many,
 * another kind, unanswered, or an option that does not exist.
 */
export function judgedItems(question: Question, chosen: readonly number[]): boolean[] | undefined {
  if (!isItemsQuestion(question) || question.optionItems === undefined || chosen.length !== 1) return undefined;
  const picked = question.optionItems[chosen[0] as number];
  const right = question.optionItems[question.answer[0] as number];
  if (picked === undefined || right === undefined) return undefined;
  return Array.from({ length: itemCount(question) }, (_, index) => picked.includes(index + 1) === right.includes(index + 1));
}

/**
 * Judgements as a file may hold them (the log, the attempts journal): 2 to `maxItems` true/false.
 * Anything else (a hand edit, a newer prelim's idea of them) is not used: the answer still counts,
 * only its items' cards do not move.
 */
export function isItemJudgements(value: unknown): value is boolean[] {
  return Array.isArray(value) && value.length >= 2 && value.length <= MAX_ITEMS && value.every((flag) => typeof flag === "boolean");
}

/** Whether the item is true as written: a correct statement, a correctly matched pair. */
export function itemTruth(question: ItemsQuestion, item: number): boolean {
  return (question.kind === "statements" ? question.statements[item - 1]?.correct : question.pairs[item - 1]?.correct) === true;
}

/**
 * One item alone as a true-false question, under the item's key: the question's lead-in for context,
 * the item numbered as the paper numbers it, and the question's explanation and source as feedback.
 */
export function statementCheck(question: ItemsQuestion, item: number): TrueFalseQuestion {
  const truth = itemTruth(question, item);
  const shown = `${numeral(item, question.numbering)}. ${itemText(question, item)}`;
  const ask = question.kind === "statements" ? "Is this statement correct?" : "Is this pair correctly matched?";
  const headings = question.kind === "pairs" && question.headings !== undefined ? ` (${question.headings[0]} — ${question.headings[1]})` : "";
  return {
    kind: "true-false",
    bank: question.bank,
    id: `${question.id}${ITEM_MARK}${item}`,
    key: itemKey(question.key, item),
    question: `${question.question}${headings}\n\n${shown}\n\n${ask}`,
    options: ["True", "False"],
    answer: [truth ? 0 : 1],
    truth,
    shuffle: false,
    tags: question.tags,
    ...(question.explanation !== undefined && { explanation: question.explanation }),
    ...(question.source !== undefined && { source: question.source }),
    ...(question.difficulty !== undefined && { difficulty: question.difficulty }),
  };
}

/** The statement checks a question's item key names, for the questions given; undefined when it names none. */
export function statementCheckFor(key: string, questionsByKey: ReadonlyMap<string, Question>): TrueFalseQuestion | undefined {
  const parsed = parseItemKey(key);
  if (parsed === undefined) return undefined;
  const question = questionsByKey.get(parsed.questionKey);
  if (question === undefined || !isItemsQuestion(question) || parsed.item > itemCount(question)) return undefined;
  return statementCheck(question, parsed.item);
}

export interface WeakStatement {
  /** The item's key, `<bank>/<question>#<item>`. */
  readonly key: string;
  /** Its question's key. */
  readonly questionKey: string;
  readonly item: number;
  readonly kind: "statement" | "pair";
  readonly text: string;
  /** Whether the statement is correct as written (the pair correctly matched). */
  readonly correct: boolean;
  /** Times judged, in answers to its question and in checks of its own, since it was first misjudged. */
  readonly judged: number;
  readonly misjudged: number;
}

/** What each item's tally holds: judgements, and how many were right. */
export interface ItemTally {
  readonly answers: number;
  readonly correct: number;
}

/**
 * The statements a learner keeps misjudging, most misjudged first (then the larger share of
 * misjudgements, then key order): what a teacher would want to see. Only items of the given questions.
 */
export function weakestStatements(questions: Iterable<Question>, tallies: ReadonlyMap<string, ItemTally>, limit: number): WeakStatement[] {
  const rows: WeakStatement[] = [];
  for (const { question, item, key } of eachItem(questions)) {
    const tally = tallies.get(key);
    if (tally === undefined || tally.answers === tally.correct) continue;
    rows.push({ key, questionKey: question.key, item, kind: question.kind === "statements" ? "statement" : "pair", text: itemText(question, item), correct: itemTruth(question, item), judged: tally.answers, misjudged: tally.answers - tally.correct });
  }
  return byMisjudged(rows).slice(0, limit);
}

/** Sorts statements misjudged most first (in place): the order of weakestStatements. */
export function byMisjudged(rows: WeakStatement[]): WeakStatement[] {
  return rows.sort((a, b) => b.misjudged - a.misjudged || b.misjudged / b.judged - a.misjudged / a.judged || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
