// The options prelim writes for statement and pair questions, the way the UPSC paper writes them.

import { describe, expect, it } from "vitest";
import {
  codeOptions,
  defaultPrompt,
  generatedOptions,
  howManyCounts,
  howManyOptions,
  listNumbers,
  subsetLabel,
  whichCorrectOptions,
} from "../../src/core/generated-options.js";

/** Every true/false combination of n items. */
function truthTables(itemCount: number): boolean[][] {
  return Array.from({ length: 1 << itemCount }, (_, mask) => Array.from({ length: itemCount }, (_, item) => Boolean(mask & (1 << item))));
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7 };

/** The item numbers a label names: "1 and 3 only" / "I and III only" → [1, 3]; "Neither 1 nor 2" / "None of the above" → []. */
function itemsOf(label: string): number[] {
  if (/^(Neither|None)/.test(label)) return [];
  const arabic = label.match(/\d/g);
  if (arabic) return arabic.map(Number);
  return (label.match(/\b[IVX]+\b/g) ?? []).map((numeral) => ROMAN[numeral] ?? NaN);
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
    expect(whichCorrectOptions("any-id", correct)).toEqual({ options: fixed, answer, sets: fixed.map(itemsOf) });
    expect(whichCorrectOptions("another-id", correct)).toEqual({ options: fixed, answer, sets: fixed.map(itemsOf) });
  });
});

describe.each([3, 4, 5, 6, 7])("whichCorrectOptions for %i statements", (itemCount) => {
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

  it("names the items of each option in `sets`, as its label does", () => {
    for (const correct of combinations) {
      const { options, sets } = whichCorrectOptions("sets", correct);
      expect(sets).toEqual(options.map(itemsOf));
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
    expect(whichCorrectOptions(id, correct)).toEqual({ options, answer, sets: options.map(itemsOf) });
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

describe("Roman numbering", () => {
  it.each([
    [[1], 2, "I only"],
    [[1, 2], 2, "Both I and II"],
    [[], 2, "Neither I nor II"],
    [[1, 3], 3, "I and III only"],
    [[1, 2, 3], 3, "I, II and III"],
    [[4, 7], 7, "IV and VII only"],
    [[1, 2, 3, 4, 5, 6], 6, "I, II, III, IV, V and VI"],
    [[], 4, "None of the above"],
  ])("%j of %i → %s", (subset, itemCount, label) => {
    expect(subsetLabel(subset, itemCount, "roman")).toBe(label);
  });

  it("keeps the same options under the same letters as Arabic numbering, for 2 to 7 items", () => {
    for (let itemCount = 2; itemCount <= 7; itemCount++) {
      for (const correct of truthTables(itemCount).filter((flags) => itemCount === 2 || flags.includes(true))) {
        const arabic = whichCorrectOptions("roman-id", correct);
        const roman = whichCorrectOptions("roman-id", correct, "roman");
        expect(roman.answer).toBe(arabic.answer);
        expect(roman.options.map(itemsOf)).toEqual(arabic.options.map(itemsOf));
        for (const option of roman.options) expect(option).not.toMatch(/\d/);
      }
    }
  });
});

describe.each([2, 3, 4, 5, 6, 7])("which-incorrect with %i items", (itemCount) => {
  it.each(["arabic", "roman"] as const)("builds the options on the incorrect items (%s)", (numbering) => {
    for (const correct of truthTables(itemCount)) {
      const incorrect = correct.map((value) => !value);
      if (itemCount > 2 && !incorrect.includes(true)) continue; // a validation error: nothing is incorrect
      const generated = generatedOptions("not-correct", "which-incorrect", correct, "statement", numbering);
      const { options, answer } = generated;
      expect(options).toHaveLength(4);
      expect(itemsOf(options[answer] as string)).toEqual(rightItems(incorrect));
      // The sets name the incorrect items each option takes: how a wrong answer's items are judged.
      expect(generated.sets).toEqual(options.map(itemsOf));
      expect(generated).toEqual(whichCorrectOptions("not-correct", incorrect, numbering));
    }
  });
});

describe("howManyOptions for five to seven items: four consecutive counts", () => {
  const countOf = (label: string) => {
    if (label.startsWith("None")) return 0;
    const words = ["one", "two", "three", "four", "five", "six", "seven"];
    return words.indexOf(label.split(" ")[1] ?? "") + 1;
  };

  it.each([5, 6, 7])("%i items: four options with the right count, None last, the same on every run", (itemCount) => {
    for (const id of ["q1", "how-many-five", "x"]) {
      for (const correct of truthTables(itemCount)) {
        const rightCount = correct.filter(Boolean).length;
        const { options, answer } = howManyOptions(id, correct, "statement");
        expect(options).toHaveLength(4);
        expect(countOf(options[answer] as string)).toBe(rightCount);
        const counts = options.map(countOf);
        const sorted = [...counts].sort((a, b) => a - b);
        expect(sorted[3]! - sorted[0]!).toBe(3); // consecutive
        if (counts.includes(0)) expect(counts[3]).toBe(0);
        else expect(counts).toEqual(sorted);
        if (counts.includes(itemCount)) expect(options).toContain(`All ${["five", "six", "seven"][itemCount - 5]}`);
        expect(howManyOptions(id, correct, "statement")).toEqual({ options, answer });
      }
    }
  });

  it("places the window by the question's id, so the right count is not always in one place", () => {
    const answers = new Set(Array.from({ length: 30 }, (_, index) => howManyOptions(`q-${index}`, [true, true, true, false, false, false], "statement").answer));
    expect(answers.size).toBeGreaterThan(1);
  });

  it.each([
    ["five-none", 5, 0, [1, 2, 3, 0]],
    ["five-all", 5, 5, [2, 3, 4, 5]],
    ["seven-all", 7, 7, [4, 5, 6, 7]],
  ])("%s: %i items, %i right → counts %j", (id, itemCount, rightCount, counts) => {
    expect(howManyCounts(id, itemCount, rightCount)).toEqual(counts);
  });

  it("names pairs in the words of the paper", () => {
    const { options } = howManyOptions("five-pairs", [false, false, false, false, false], "pair");
    expect(options).toEqual(["Only one pair", "Only two pairs", "Only three pairs", "None of the pairs"]);
    expect(howManyOptions("x", [true, true, true, true, true], "pair").options.at(-1)).toBe("All five pairs");
  });
});

describe("codeOptions: the paper's own codes", () => {
  it("writes the 2022 pairs codes and finds the right one", () => {
    // The paper printed (a) 1 and 2 (b) 2 only (c) 1 and 3 (d) 3 only; a proper subset reads "… only".
    const codes = [[1, 2], [2], [1, 3], [3]];
    expect(codeOptions(codes, [true, false, true])).toEqual({ options: ["1 and 2 only", "2 only", "1 and 3 only", "3 only"], matching: [2], sets: [[1, 2], [2], [1, 3], [3]] });
    expect(codeOptions(codes, [true, true, true]).matching).toEqual([]);
  });

  it("reads [] as none and sorts the numbers written in any order", () => {
    expect(codeOptions([[3, 1], [], [1, 2, 3]], [false, false, false], "roman")).toEqual({ options: ["I and III only", "None of the above", "I, II and III"], matching: [1], sets: [[1, 3], [], [1, 2, 3]] });
    expect(codeOptions([[1], [2], [2, 1], []], [false, false]).options).toEqual(["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"]);
  });
});

describe("the v1.1 prompt lines", () => {
  it.each([
    ["which-incorrect", "statement", false, "Which of the statements given above is/are not correct?"],
    ["which-incorrect", "pair", false, "Which of the pairs given above is/are not correctly matched?"],
    ["which-correct", "statement", true, "Select the correct answer using the code given below:"],
    ["which-incorrect", "pair", true, "Which of the pairs given above is/are not correctly matched? Select the correct answer using the code given below:"],
  ] as const)("%s %s (codes: %s) → %s", (ask, noun, codes, prompt) => {
    expect(defaultPrompt(ask, noun, codes)).toBe(prompt);
  });
});
