// The options of Statement-I/II questions and of List-I/List-II matching, as the paper prints them.

import { describe, expect, it } from "vitest";
import { ONE_REASON_OPTIONS, TWO_REASON_OPTIONS, assertionAnswer } from "../../src/core/assertion-options.js";
import { generatedMatchOptions, matchCodeOptions, matchLabel } from "../../src/core/match-codes.js";

const reason = (correct: boolean, explains = false) => ({ text: "R", correct, explains });
const claim = (correct: boolean) => ({ text: "C", correct });

describe("Statement-I / Statement-II", () => {
  it("uses the paper's four sentences, in its order", () => {
    expect(ONE_REASON_OPTIONS).toEqual([
      "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I",
      "Both Statement-I and Statement-II are correct and Statement-II is not the correct explanation for Statement-I",
      "Statement-I is correct but Statement-II is incorrect",
      "Statement-I is incorrect but Statement-II is correct",
    ]);
    expect(TWO_REASON_OPTIONS).toEqual([
      "Both Statement-II and Statement-III are correct and both of them explain Statement-I",
      "Both Statement-II and Statement-III are correct, but only one of them explains Statement-I",
      "Only one of the Statements II and III is correct and that explains Statement-I",
      "Neither Statement-II nor Statement-III is correct",
    ]);
  });

  // [claim correct, reason correct, explains, the answer's index or the start of the problem]
  it.each([
    [true, true, true, 0],
    [true, true, false, 1],
    [true, false, false, 2],
    [false, true, false, 3],
    [false, true, true, 3],
    [false, false, false, /^Statement-I and Statement-II are both incorrect/],
    [true, false, true, /^Statement-II is incorrect and marked explains: true/],
    [false, false, true, /^Statement-II is incorrect and marked explains: true/],
  ] as const)("one reason: claim %s, reason %s, explains %s → %s", (claimCorrect, reasonCorrect, explains, expected) => {
    const judged = assertionAnswer(claim(claimCorrect), [reason(reasonCorrect, explains)]);
    if (typeof expected === "number") expect(judged).toEqual({ ok: true, answer: expected });
    else expect(judged.ok ? "ok" : judged.message).toMatch(expected);
  });

  // Two reasons: [claim, [II correct, II explains], [III correct, III explains], answer or problem]
  it.each([
    [true, [true, true], [true, true], 0],
    [true, [true, true], [true, false], 1],
    [true, [true, false], [true, true], 1],
    [true, [true, true], [false, false], 2],
    [true, [false, false], [true, true], 2],
    [true, [false, false], [false, false], 3],
    [false, [true, true], [true, true], /^with Statement-II and Statement-III, Statement-I must be correct/],
    [true, [true, false], [true, false], /^Statement-II and Statement-III are both correct but neither explains/],
    [true, [true, false], [false, false], /^only Statement-II is correct and it does not explain Statement-I/],
    [true, [false, false], [true, false], /^only Statement-III is correct and it does not explain Statement-I/],
    [true, [false, true], [true, true], /^Statement-II is incorrect and marked explains: true/],
    [true, [true, true], [false, true], /^Statement-III is incorrect and marked explains: true/],
  ] as const)("two reasons: claim %s, II %j, III %j → %s", (claimCorrect, second, third, expected) => {
    const judged = assertionAnswer(claim(claimCorrect), [reason(second[0], second[1]), reason(third[0], third[1])]);
    if (typeof expected === "number") expect(judged).toEqual({ ok: true, answer: expected });
    else expect(judged.ok ? "ok" : judged.message).toMatch(expected);
  });

  it("says where the problem is: the claim, or the reason at fault", () => {
    expect(assertionAnswer(claim(false), [reason(false)])).toMatchObject({ ok: false, at: { field: "claim" } });
    expect(assertionAnswer(claim(true), [reason(true, true), reason(false, true)])).toMatchObject({ ok: false, at: { field: "reasons", index: 1 } });
  });
});

/** Every code for n List-I items over m List-II items where each List-II item is used once. */
function permutations(n: number, m: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1, m).flatMap((rest) => Array.from({ length: m }, (_, value) => value + 1).filter((value) => !rest.includes(value)).map((value) => [...rest, value]));
}

const codeOf = (label: string) => label.split(", ").map((part) => Number(part.split("-")[1]));

describe("List-I / List-II", () => {
  it("writes a code as the paper does", () => {
    expect(matchLabel([3, 4, 1, 2])).toBe("A-3, B-4, C-1, D-2");
  });

  it("takes the paper's codes in its order and finds the one equal to matches", () => {
    const codes = [[3, 4, 1, 2], [3, 1, 4, 2], [4, 3, 1, 2], [1, 4, 3, 2]];
    expect(matchCodeOptions(codes, [3, 4, 1, 2])).toEqual({ options: ["A-3, B-4, C-1, D-2", "A-3, B-1, C-4, D-2", "A-4, B-3, C-1, D-2", "A-1, B-4, C-3, D-2"], matching: [0] });
    expect(matchCodeOptions(codes, [1, 2, 3, 4]).matching).toEqual([]);
  });

  // Every one-to-one matching of 2 to 4 items, with up to two spare List-II items; and a few of 5 and 6.
  const cases: [number, number][] = [[2, 2], [2, 3], [2, 4], [3, 3], [3, 4], [3, 5], [4, 4], [4, 5], [4, 6]];
  it.each(cases)("generates four distinct codes for %i items over %i, the right one at the answer", (n, m) => {
    for (const matches of permutations(n, m)) {
      const id = `match-${matches.join("")}`;
      const { options, answer } = generatedMatchOptions(id, matches, m);
      expect(options).toHaveLength(4);
      expect(new Set(options).size).toBe(4);
      expect(options[answer]).toBe(matchLabel(matches));
      for (const option of options) {
        const code = codeOf(option);
        expect(code).toHaveLength(n);
        for (const value of code) expect(value >= 1 && value <= m, option).toBe(true);
        // One-to-one like the right one wherever there are enough such codes (three needs n ≥ 3 or a spare item).
        if (n >= 3 || m > n) expect(new Set(code).size, option).toBe(n);
      }
      // No List-I item is matched the same way in all four options, where three others can avoid it.
      if (n >= 3) for (let item = 0; item < n; item++) expect(new Set(options.map((option) => codeOf(option)[item])).size, `${id} item ${item}`).toBeGreaterThan(1);
      expect(generatedMatchOptions(id, matches, m)).toEqual({ options, answer });
    }
  });

  it("handles the largest lists, six items over eight", () => {
    const { options, answer } = generatedMatchOptions("big", [6, 5, 4, 3, 2, 1], 8);
    expect(options[answer]).toBe("A-6, B-5, C-4, D-3, E-2, F-1");
    expect(new Set(options).size).toBe(4);
  });

  it("puts the right code in every place across ids, so its place gives nothing away", () => {
    const places = new Set(Array.from({ length: 40 }, (_, index) => generatedMatchOptions(`who-${index}`, [3, 4, 1, 2], 4).answer));
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });

  it("is pinned for one id: answer files and reports name these letters", () => {
    expect(generatedMatchOptions("generated-match", [2, 1, 3], 4)).toEqual({ options: ["A-2, B-1, C-3", "A-2, B-1, C-4", "A-4, B-1, C-2", "A-2, B-4, C-1"], answer: 0 });
  });
});
