// Match List-I with List-II: the lists, a List-II number for each List-I item, and the paper's codes
// when given (else four generated from the id).

import { generatedMatchOptions, listOneLabel, matchCodeOptions, matchLabel } from "../core/match-codes.js";
import { letterOf } from "../core/question.js";
import type { BuiltOptions, Raw, ReportError } from "./rule-report.js";
import { isNumberLists, isStringList, normalText, repeats } from "./rule-report.js";

export function checkMatch(raw: Raw, error: ReportError): BuiltOptions | undefined {
  for (const field of ["list1", "list2", "matches"] as const) {
    if (!(field in raw)) {
      error([], "required", `the question is missing '${field}': a match question has list1, list2 and matches`);
      return undefined;
    }
  }
  const { list1, list2, matches } = raw;
  if (!isStringList(list1) || !isStringList(list2) || !Array.isArray(matches) || !matches.every((item) => Number.isInteger(item))) return undefined;
  if (list1.length < 2 || list1.length > 6) return undefined;
  let valid = true;
  const fail = (...args: Parameters<ReportError>) => {
    error(...args);
    valid = false;
  };
  for (const list of ["list1", "list2"] as const) {
    for (const { index, first } of repeats(raw[list] as string[], normalText)) fail([list, index], "duplicate-option", `${list} item ${index + 1} repeats item ${first + 1}`);
  }
  if (list2.length < list1.length || list2.length > list1.length + 2) {
    fail(["list2"], "count", `'list2' must have ${list1.length} to ${list1.length + 2} items: as many as list1 or up to two more`);
  }
  const numbers = matches as number[];
  if (numbers.length !== list1.length) {
    fail(["matches"], "matches-length", `'matches' has ${numbers.length} numbers for ${list1.length} List-I items; give one List-II number for each, in List-I's order`);
  }
  numbers.forEach((number, index) => {
    if (number < 1 || number > list2.length) fail(["matches", index], "match-range", `List-I item ${listOneLabel(index)} is matched to ${number}, but List-II has ${list2.length} items (1–${list2.length})`);
  });
  if (!valid) return undefined;
  return "codes" in raw ? checkMatchCodes(raw.codes, numbers, list2.length, error) : toBuilt(generatedMatchOptions(String(raw.id), numbers, list2.length));
}

function checkMatchCodes(codes: unknown, matches: readonly number[], list2Count: number, error: ReportError): BuiltOptions | undefined {
  // A malformed or miscounted list is the schema's to report (once).
  if (!isNumberLists(codes) || codes.length < 2 || codes.length > 26) return undefined;
  let valid = true;
  codes.forEach((code, c) => {
    if (code.length !== matches.length) {
      error(["codes", c], "code-length", `code ${letterOf(c)} has ${code.length} numbers for ${matches.length} List-I items`);
      valid = false;
      return;
    }
    code.forEach((number, i) => {
      if (number < 1 || number > list2Count) {
        error(["codes", c, i], "code-range", `code ${letterOf(c)} matches ${listOneLabel(i)} to ${number}, but List-II has ${list2Count} items (1–${list2Count})`);
        valid = false;
      }
    });
  });
  for (const { index, first } of repeats(codes, (code) => code.join())) {
    error(["codes", index], "duplicate-option", `code ${letterOf(index)} repeats code ${letterOf(first)}`);
    valid = false;
  }
  if (!valid) return undefined;
  const { options, matching } = matchCodeOptions(codes, matches);
  if (matching.length !== 1) {
    error(["codes"], "codes-answer", `no code equals 'matches' (${matchLabel(matches)}); add that code, or fix 'matches'`, "key");
    return undefined;
  }
  return { options, answer: matching };
}

function toBuilt(generated: { options: readonly string[]; answer: number }): BuiltOptions {
  return { options: generated.options, answer: [generated.answer] };
}
