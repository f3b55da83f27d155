// Match List-I with List-II: options written "A-3, B-4, C-1, D-2", either the paper's own codes or four
// generated from the question's id, so every run, answer file and report sees the same letters.

import { hashString, seededRandom, shuffled } from "./random.js";
import type { GeneratedOptions } from "./generated-options.js";

export const MATCH_PROMPT = "Select the correct answer using the code given below:";

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** List-I's labels: A, B, C… */
export function listOneLabel(index: number): string {
  const letter = UPPER[index];
  if (letter === undefined) throw new RangeError(`no List-I label for ${index}`);
  return letter;
}

/** "A-3, B-4, C-1, D-2". */
export function matchLabel(code: readonly number[]): string {
  return code.map((number, index) => `${listOneLabel(index)}-${number}`).join(", ");
}

/** The paper's codes as options, and the indexes of the codes equal to `matches`. */
export function matchCodeOptions(codes: readonly (readonly number[])[], matches: readonly number[]): { options: readonly string[]; matching: readonly number[] } {
  return {
    options: codes.map(matchLabel),
    matching: codes.flatMap((code, index) => (code.join() === matches.join() ? [index] : [])),
  };
}

const isInjective = (code: readonly number[]) => new Set(code).size === code.length;

/**
 * Every code one or two changes away from `matches` (each List-I item mapped to some List-II number).
 * Always at least three: n(m-1) codes one change away and n(n-1)/2·(m-1)² two away, with n, m ≥ 2.
 */
function nearbyCodes(matches: readonly number[], list2Count: number): number[][] {
  const codes: number[][] = [];
  const values = Array.from({ length: list2Count }, (_, index) => index + 1);
  matches.forEach((original, i) => {
    for (const value of values) {
      if (value === original) continue;
      const once = [...matches];
      once[i] = value;
      codes.push(once);
      for (let j = i + 1; j < matches.length; j++) {
        for (const second of values) {
          if (second === matches[j]) continue;
          const twice = [...once];
          twice[j] = second;
          codes.push(twice);
        }
      }
    }
  });
  return codes;
}

/**
 * The right code and three others, in an order drawn from the question's id. The others are one or
 * two changes away and of the same shape where they can be: where each List-II item is used once,
 * others that use each once too (a swap of two answers, or one moved to an unused item), so the right
 * one does not stand out as the only one-to-one code. Which ones is drawn with the seed.
 */
export function generatedMatchOptions(questionId: string, matches: readonly number[], list2Count: number): GeneratedOptions {
  const random = seededRandom(hashString(`${questionId}#match#${matches.length}#${list2Count}`));
  const oneToOne = isInjective(matches);
  // One and two changes rank alike: preferring one change would, with a spare List-II item, make all
  // three others use it, and the right one would be the only code without it.
  const rank = (code: readonly number[]) => (isInjective(code) === oneToOne ? 0 : 1);
  const candidates = shuffled(nearbyCodes(matches, list2Count), random);
  const codes = shuffled([[...matches], ...spreadOut(candidates, matches, rank)], random);
  return { options: codes.map(matchLabel), answer: codes.findIndex((code) => code.join() === matches.join()) };
}

/**
 * Three of the candidates: each time one of the best rank that changes the most List-I items the ones
 * before left alone (the first such in the seeded order): otherwise a List-I item matched the same way
 * in all four options would give that part of the answer away.
 */
function spreadOut(candidates: readonly number[][], matches: readonly number[], rank: (code: readonly number[]) => number): number[][] {
  const chosen: number[][] = [];
  const changed = new Set<number>();
  const changes = (code: readonly number[]) => code.flatMap((value, index) => (value !== matches[index] ? [index] : []));
  while (chosen.length < 3) {
    let best: number[] | undefined;
    let bestScore = Infinity;
    for (const code of candidates) {
      if (chosen.includes(code)) continue;
      const score = rank(code) * 100 - changes(code).filter((index) => !changed.has(index)).length;
      if (score < bestScore) [best, bestScore] = [code, score];
    }
    if (best === undefined) break;
    chosen.push(best);
    for (const index of changes(best)) changed.add(index);
  }
  return chosen;
}
