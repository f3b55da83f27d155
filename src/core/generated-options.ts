// Options for UPSC-style statement and pair questions, written the way the prelims paper writes them.
// They depend only on the question's id and its items, so every run, answer file and report sees the
// same options under the same letters. The README documents these sets; tests pin them.

import type { Ask } from "./question.js";
import { hashString, seededRandom, shuffled } from "./random.js";

export interface GeneratedOptions {
  readonly options: readonly string[];
  /** Index of the right option. */
  readonly answer: number;
}

const COUNT_WORDS = ["None", "one", "two", "three", "four", "five"] as const;

function countWord(n: number): string {
  const word = COUNT_WORDS[n];
  if (word === undefined) throw new RangeError(`no word for ${n}`);
  return word;
}

/** "1", "1 and 2", "1, 2 and 3". */
export function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/** Labels for the subsets of items 1..n as the paper writes them: "1 only", "1 and 3 only", "1, 2 and 3". */
export function subsetLabel(subset: readonly number[], itemCount: number): string {
  if (subset.length === itemCount) return itemCount === 2 ? "Both 1 and 2" : listNumbers(subset);
  if (subset.length === 0) return itemCount === 2 ? "Neither 1 nor 2" : "None of the above";
  return `${listNumbers(subset)} only`;
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
 * for three to five, the right combination and the three others closest to it in number of items (ties
 * drawn with a seed from the question's id), in the paper's order (fewer items first). A question of
 * three or more items needs at least one right item.
 */
export function whichCorrectOptions(questionId: string, correctItems: readonly boolean[]): GeneratedOptions {
  const itemCount = correctItems.length;
  const right = correctItems.flatMap((correct, index) => (correct ? [index + 1] : []));
  if (itemCount === 2) {
    const subsets = [[1], [2], [1, 2], []];
    const answer = subsets.findIndex((subset) => subset.join() === right.join());
    return { options: subsets.map((subset) => subsetLabel(subset, 2)), answer };
  }
  if (right.length === 0) throw new RangeError("which-correct with three or more items needs a right item");
  // Distractors as close as possible in size to the right combination (ties drawn with the seed), so
  // that no option gives itself away: for three statements all true, the paper's own "1 and 2 only /
  // 2 and 3 only / 1 and 3 only / 1, 2 and 3" rather than three single statements against the set.
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
    options: chosen.map((subset) => subsetLabel(subset, itemCount)),
    answer: chosen.indexOf(right),
  };
}

/**
 * how-many: "Only one / Only two / All three / None" (for pairs "Only one pair / … / None of the pairs"),
 * every count from one to all, then none; for two items "Only one / Both / None".
 */
export function howManyOptions(correctItems: readonly boolean[], noun: "statement" | "pair"): GeneratedOptions {
  const itemCount = correctItems.length;
  const rightCount = correctItems.filter(Boolean).length;
  const options: string[] = [];
  for (let count = 1; count <= itemCount; count++) {
    const plural = count === 1 ? noun : `${noun}s`;
    const words = count < itemCount ? `Only ${countWord(count)}` : itemCount === 2 ? "Both" : `All ${countWord(count)}`;
    options.push(noun === "pair" ? `${words} ${plural}` : words);
  }
  options.push(noun === "pair" ? "None of the pairs" : "None");
  const answer = rightCount === 0 ? itemCount : rightCount - 1;
  return { options, answer };
}

export function generatedOptions(
  questionId: string,
  ask: Ask,
  correctItems: readonly boolean[],
  noun: "statement" | "pair",
): GeneratedOptions {
  return ask === "how-many" ? howManyOptions(correctItems, noun) : whichCorrectOptions(questionId, correctItems);
}

export function defaultPrompt(ask: Ask, noun: "statement" | "pair"): string {
  if (noun === "pair") {
    return ask === "how-many"
      ? "How many of the pairs given above are correctly matched?"
      : "Which of the pairs given above is/are correctly matched?";
  }
  return ask === "how-many"
    ? "How many of the above statements are correct?"
    : "Which of the statements given above is/are correct?";
}
