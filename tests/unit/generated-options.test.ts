// The options prelim writes for statement and pair questions, the way the UPSC paper writes them.

import { describe, expect, it } from "vitest";
import { defaultPrompt, generatedOptions, howManyOptions, listNumbers, subsetLabel, whichCorrectOptions } from "../../src/core/generated-options.js";

/** Every true/false combination of n items. */
function truthTables(itemCount: number): boolean[][] {
  return Array.from({ length: 1 << itemCount }, (_, mask) => Array.from({ length: itemCount }, (_, item) => Boolean(mask & (1 << item))));
}

/** The item numbers a label names: "1 and 3 only" → [1, 3]; "Neither 1 nor 2" / "None of the above" → []. */
function itemsOf(label: string): number[] {
  if (/^(Neither|None)/.test(label)) return [];
  return (label.match(/\d/g) ?? []).map(Number);
}

const rightItems = (correct: readonly boolean[]) => correct.flatMap((value, index) => (value ? [index + 1] : []));

describe("subsetLabel", () => {
  it.each([
    [[1], 2, "1 only"],
    [[2], 2, "2 only"],
    [[1, 2], 2, "Both 1 and 2"],
    [[], 2, "Neither 1 nor 2"],
    [[1], 3, "1 only"],
    [[1, 3], 3, "1 and 3 only"],
    [[1, 2, 3], 3, "1, 2 and 3"],
    [[], 3, "None of the above"],
    [[2, 3, 4], 4, "2, 3 and 4 only"],
    [[1, 2, 3, 4], 4, "1, 2, 3 and 4"],
    [[1, 2, 4, 5], 5, "1, 2, 4 and 5 only"],
    [[1, 2, 3, 4, 5], 5, "1, 2, 3, 4 and 5"],
  ])("%j of %i → %s", (subset, itemCount, label) => {
    expect(subsetLabel(subset, itemCount)).toBe(label);
  });

  it.each([
    [[], ""],
    [[4], "4"],
    [[1, 2], "1 and 2"],
    [[1, 2, 3], "1, 2 and 3"],
  ])("listNumbers %j → %j", (numbers, text) => {
    expect(listNumbers(numbers)).toBe(text);
  });
});

describe("whichCorrectOptions for two statements", () => {
  const fixed = ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"];
  it.each([
    [[true, false], 0],
    [[false, true], 1],
    [[true, true], 2],
    [[false, false], 3],
  ])("%j → the four fixed options, answer %i", (correct, answer) => {
    expect(whichCorrectOptions("any-id", correct)).toEqual({ options: fixed, answer });
    expect(whichCorrectOptions("another-id", correct)).toEqual({ options: fixed, answer });
  });
});

describe.each([3, 4, 5])("whichCorrectOptions for %i statements", (itemCount) => {
  const combinations = truthTables(itemCount).filter((correct) => correct.includes(true));

  it("puts the right combination among four distinct options, at the answer's index", () => {
    for (const id of ["q1", "rivers-of-india", "x"]) {
      for (const correct of combinations) {
        const { options, answer } = whichCorrectOptions(id, correct);
        expect(options).toHaveLength(4);
        expect(new Set(options).size).toBe(4);
        expect(itemsOf(options[answer] as string)).toEqual(rightItems(correct));
        expect(options.filter((option) => itemsOf(option).join() === rightItems(correct).join())).toHaveLength(1);
      }
    }
  });

  it("writes the options in the paper's order: fewer items first, then by item numbers", () => {
    for (const correct of combinations) {
      const subsets = whichCorrectOptions("order", correct).options.map(itemsOf);
      const sorted = [...subsets].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join(), "en", { numeric: true }));
      expect(subsets).toEqual(sorted);
      for (const subset of subsets) expect(subset.length).toBeGreaterThan(0);
    }
  });

  it("gives the same options on every call for the same id", () => {
    for (const correct of combinations) {
      const first = whichCorrectOptions("stable", correct);
      for (let call = 0; call < 3; call++) expect(whichCorrectOptions("stable", correct)).toEqual(first);
    }
  });

  it("offers distractors within one item of the right answer's count, so none gives itself away", () => {
    for (const correct of combinations) {
      const { options, answer } = whichCorrectOptions("close", correct);
      const size = itemsOf(options[answer] as string).length;
      for (const option of options) expect(Math.abs(itemsOf(option).length - size), option).toBeLessThanOrEqual(1);
    }
  });

  it("draws other options for another id", () => {
    // Two right items: more combinations of that size than places, so the seed chooses among them.
    const correct = combinations.find((combination) => combination.filter(Boolean).length === 2) as boolean[];
    const sets = new Set(Array.from({ length: 20 }, (_, index) => whichCorrectOptions(`question-${index}`, correct).options.join("|")));
    expect(sets.size).toBeGreaterThan(1);
  });

  it("refuses a question with no right item", () => {
    expect(() => whichCorrectOptions("none", Array.from({ length: itemCount }, () => false))).toThrow(RangeError);
  });
});

describe("whichCorrectOptions pinned", () => {
  // These strings are what learners see, and answer files and reports name them by letter: a change
  // here re-letters questions that progress and answer files already refer to.
  it.each([
    ["q1", [true, false, true], ["2 only", "1 and 2 only", "1 and 3 only", "2 and 3 only"], 2],
    ["rivers", [true, true, false, false], ["1 and 2 only", "1 and 3 only", "2 and 4 only", "3 and 4 only"], 0],
    ["founders", [false, true, true, false, true], ["1, 2 and 4 only", "1, 2 and 5 only", "2, 3 and 5 only", "3, 4 and 5 only"], 2],
    // All three true: the paper's classic set, where the answer is not the odd one out.
    ["all-three", [true, true, true], ["1 and 2 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"], 3],
  ])("%s %j", (id, correct, options, answer) => {
    expect(whichCorrectOptions(id, correct)).toEqual({ options, answer });
  });
});

describe("howManyOptions for two to four items: the paper's fixed sets", () => {
  it.each([
    [2, "statement", ["Only one", "Both", "None"]],
    [3, "statement", ["Only one", "Only two", "All three", "None"]],
    [4, "statement", ["Only one", "Only two", "Only three", "All four"]],
    [2, "pair", ["Only one pair", "Both pairs", "None of the pairs"]],
    [3, "pair", ["Only one pair", "Only two pairs", "All three pairs", "None of the pairs"]],
    [4, "pair", ["Only one pair", "Only two pairs", "Only three pairs", "All four pairs"]],
  ] as const)("%i %ss → %j", (itemCount, noun, expected) => {
    for (const correct of truthTables(itemCount)) {
      const rightCount = correct.filter(Boolean).length;
      const { options, answer } = howManyOptions("any", correct, noun);
      expect(options).toEqual(expected);
      if (itemCount === 4 && rightCount === 0) expect(answer).toBe(-1); // no option: a validation error
      else expect(answer).toBe(rightCount === 0 ? itemCount : rightCount - 1);
    }
  });
});

describe("generatedOptions and defaultPrompt", () => {
  it("dispatches on ask", () => {
    const correct = [true, false, true];
    expect(generatedOptions("q", "how-many", correct, "pair")).toEqual(howManyOptions("q", correct, "pair"));
    expect(generatedOptions("q", "which-correct", correct, "pair")).toEqual(whichCorrectOptions("q", correct));
  });

  it.each([
    ["which-correct", "statement", "Which of the statements given above is/are correct?"],
    ["how-many", "statement", "How many of the above statements are correct?"],
    ["which-correct", "pair", "Which of the pairs given above is/are correctly matched?"],
    ["how-many", "pair", "How many of the pairs given above are correctly matched?"],
  ] as const)("%s %s → %s", (ask, noun, prompt) => {
    expect(defaultPrompt(ask, noun)).toBe(prompt);
  });
});
