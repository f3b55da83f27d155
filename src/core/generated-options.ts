// Options for UPSC-style statement and pair questions, written the way the prelims paper writes them.
// They depend only on the question's id and its items, so every run, answer file and report sees the
// same options under the same letters. The README documents these sets; tests pin them.

import type { Ask, Numbering } from "./question.js";
import { hashString, seededRandom, shuffled } from "./random.js";

export interface GeneratedOptions {
  readonly options: readonly string[];
  /** Index of the right option. */
  readonly answer: number;
  /**
   * which-correct and which-incorrect: the items (1-based) each option names, in option order. How a
   * wrong answer tells which items the learner misjudged (core/statement-memory.ts).
   */
  readonly sets?: readonly (readonly number[])[];
}

export type Noun = "statement" | "pair";

/** Statements and pairs take 2 to 7 items (format v1.1; v1 allowed 5). */
export const MAX_ITEMS = 7;

const COUNT_WORDS = ["None", "one", "two", "three", "four", "five", "six", "seven"] as const;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"] as const;

function countWord(n: number): string {
  const word = COUNT_WORDS[n];
  if (word === undefined) throw new RangeError(`no word for ${n}`);
  return word;
}

/** An item's number as shown: "3" or "III". */
export function numeral(item: number, numbering: Numbering = "arabic"): string {
  if (numbering === "arabic") return String(item);
  const roman = ROMAN[item - 1];
  if (roman === undefined) throw new RangeError(`no Roman numeral for ${item}`);
  return roman;
}

/** "1", "1 and 2", "1, 2 and 3" (or "I, II and III"). */
export function listNumbers(numbers: readonly number[], numbering: Numbering = "arabic"): string {
  const shown = numbers.map((item) => numeral(item, numbering));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** Labels for the subsets of items 1..n as the paper writes them: "1 only", "1 and 3 only", "1, 2 and 3". */
export function subsetLabel(subset: readonly number[], itemCount: number, numbering: Numbering = "arabic"): string {
  const [first, second] = [numeral(1, numbering), numeral(2, numbering)];
  if (subset.length === itemCount) return itemCount === 2 ? `Both ${first} and ${second}` : listNumbers(subset, numbering);
  if (subset.length === 0) return itemCount === 2 ? `Neither ${first} nor ${second}` : "None of the above";
  return `${listNumbers(subset, numbering)} only`;
}

/** The 1-based numbers of the items whose flag is set. */
export function itemsWhere(flags: readonly boolean[]): number[] {
  return flags.flatMap((flag, index) => (flag ? [index + 1] : []));
}

/** Every non-empty subset of 1..n, as sorted lists of item numbers. */
function nonEmptySubsets(itemCount: number): number[][] {
  const subsets: number[][] = [];
  for (let mask = 1; mask < 1 << itemCount; mask++) {
    const subset: number[] = [];
    for (let item = 0; item < itemCount; item++) if (mask & (1 << item)) subset.push(item + 1);
    subsets.push(subset);
  }
  return subsets;
}

/** The paper's order: fewer items first, then by item numbers. */
function compareSubsets(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * which-correct: for two items the four fixed options "1 only / 2 only / Both 1 and 2 / Neither 1 nor 2";
 * for three to seven, the right combination and the three others closest to it in number of items (ties
 * drawn with a seed from the question's id), in the paper's order (fewer items first). A question of
 * three or more items needs at least one right item. `flags` marks the items the answer names: the
 * correct ones, or for which-incorrect the incorrect ones.
 */
export function whichCorrectOptions(questionId: string, flags: readonly boolean[], numbering: Numbering = "arabic"): GeneratedOptions {
  const itemCount = flags.length;
  const right = itemsWhere(flags);
  if (itemCount === 2) {
    const subsets = [[1], [2], [1, 2], []];
    const answer = subsets.findIndex((subset) => subset.join() === right.join());
    return { options: subsets.map((subset) => subsetLabel(subset, 2, numbering)), answer, sets: subsets };
  }
  if (right.length === 0) throw new RangeError("which-correct with three or more items needs a right item");
  // Distractors as close as possible in size to the right combination (ties drawn with the seed), so
  // that no option gives itself away: for three statements all true, the paper's own "1 and 2 only /
  // 2 and 3 only / 1 and 3 only / 1, 2 and 3" rather than three single statements against the set.
  // The seed leaves out the numbering, so switching a question to Roman keeps its options and letters.
  const random = seededRandom(hashString(`${questionId}#${itemCount}`));
  const distance = (subset: readonly number[]) => Math.abs(subset.length - right.length);
  const others = shuffled(
    nonEmptySubsets(itemCount).filter((subset) => subset.join() !== right.join()),
    random,
  )
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 3);
  const chosen = [right, ...others].sort(compareSubsets);
  return {
    options: chosen.map((subset) => subsetLabel(subset, itemCount, numbering)),
    answer: chosen.indexOf(right),
    sets: chosen,
  };
}

/** The paper's own codes as options, and the indexes of the codes that name exactly the flagged items. */
export function codeOptions(
  codes: readonly (readonly number[])[],
  flags: readonly boolean[],
  numbering: Numbering = "arabic",
): { options: readonly string[]; matching: readonly number[]; sets: readonly (readonly number[])[] } {
  const right = itemsWhere(flags).join();
  const sorted = codes.map((code) => [...new Set(code)].sort((a, b) => a - b));
  return {
    options: sorted.map((code) => subsetLabel(code, flags.length, numbering)),
    matching: sorted.flatMap((code, index) => (code.join() === right ? [index] : [])),
    sets: sorted,
  };
}

/**
 * The counts a how-many question offers, in the paper's order (None last). Always four, as the paper:
 * 3 items 1, 2, 3, none; 4 items 1 to 4 (no "None"); 5 to 7 items four consecutive counts between none
 * and all that include the right one, the window drawn with a seed from the id. Two items keep three
 * options (Only one / Both / None), as v1 and the paper do.
 */
export function howManyCounts(questionId: string, itemCount: number, rightCount: number): number[] {
  if (itemCount === 2) return [1, 2, 0];
  if (itemCount === 3) return [1, 2, 3, 0];
  if (itemCount === 4) return [1, 2, 3, 4];
  const lowest = Math.max(0, rightCount - 3);
  const highest = Math.min(rightCount, itemCount - 3);
  const random = seededRandom(hashString(`${questionId}#how-many#${itemCount}`));
  const start = lowest + Math.floor(random() * (highest - lowest + 1));
  const counts = [start + 1, start + 2, start + 3];
  return start === 0 ? [...counts, 0] : [start, ...counts];
}

/** "Only two", "All four", "Both", "None" (for pairs "Only two pairs", "None of the pairs"). */
export function howManyLabel(count: number, itemCount: number, noun: Noun): string {
  if (count === 0) return noun === "pair" ? "None of the pairs" : "None";
  const words = count < itemCount ? `Only ${countWord(count)}` : itemCount === 2 ? "Both" : `All ${countWord(count)}`;
  if (noun === "statement") return words;
  return `${words} ${count === 1 ? "pair" : "pairs"}`;
}

/**
 * how-many options and the right one; `answer` is -1 when the right count has no option (four items,
 * none correct), which the bank rules report.
 */
export function howManyOptions(questionId: string, correctItems: readonly boolean[], noun: Noun): GeneratedOptions {
  const itemCount = correctItems.length;
  const rightCount = correctItems.filter(Boolean).length;
  const counts = howManyCounts(questionId, itemCount, rightCount);
  return { options: counts.map((count) => howManyLabel(count, itemCount, noun)), answer: counts.indexOf(rightCount) };
}

/** The generated options of a statements or pairs question, on the items its ask names. */
export function generatedOptions(
  questionId: string,
  ask: Ask,
  correctItems: readonly boolean[],
  noun: Noun,
  numbering: Numbering = "arabic",
): GeneratedOptions {
  if (ask === "how-many") return howManyOptions(questionId, correctItems, noun);
  const flags = ask === "which-incorrect" ? correctItems.map((correct) => !correct) : correctItems;
  return whichCorrectOptions(questionId, flags, numbering);
}

export const CODE_PROMPT = "Select the correct answer using the code given below:";

export function defaultPrompt(ask: Ask, noun: Noun, hasCodes = false): string {
  // The code line alone reads as "pick the correct ones": with which-incorrect the paper asks first.
  if (hasCodes) return ask === "which-incorrect" ? `${defaultPrompt(ask, noun)} ${CODE_PROMPT}` : CODE_PROMPT;
  if (noun === "pair") {
    if (ask === "how-many") return "How many of the pairs given above are correctly matched?";
    return ask === "which-incorrect" ? "Which of the pairs given above is/are not correctly matched?" : "Which of the pairs given above is/are correctly matched?";
  }
  if (ask === "how-many") return "How many of the above statements are correct?";
  return ask === "which-incorrect" ? "Which of the statements given above is/are not correct?" : "Which of the statements given above is/are correct?";
}
