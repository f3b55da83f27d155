// Statement-I / Statement-II questions (since the 2023 paper) and the 2024 Statement-I / II / III form:
// the paper's four option sentences, verbatim and in the paper's order, and which one a question's
// marks make right. A combination the paper has no option for is a problem the bank rules report.

import type { Reason, Statement } from "./question.js";

export const ONE_REASON_OPTIONS: readonly string[] = [
  "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I",
  "Both Statement-I and Statement-II are correct and Statement-II is not the correct explanation for Statement-I",
  "Statement-I is correct but Statement-II is incorrect",
  "Statement-I is incorrect but Statement-II is correct",
];

export const TWO_REASON_OPTIONS: readonly string[] = [
  "Both Statement-II and Statement-III are correct and both of them explain Statement-I",
  "Both Statement-II and Statement-III are correct, but only one of them explains Statement-I",
  "Only one of the Statements II and III is correct and that explains Statement-I",
  "Neither Statement-II nor Statement-III is correct",
];

export const ASSERTION_PROMPT = "Which one of the following is correct in respect of the above statements?";

/** Where a combination goes wrong: the claim, or a reason by its index. */
export type AssertionAt = { readonly field: "claim" } | { readonly field: "reasons"; readonly index: number };

export type AssertionAnswer =
  | { readonly ok: true; readonly answer: number }
  | { readonly ok: false; readonly at: AssertionAt; readonly message: string };

/** "Statement-II", "Statement-III": how the paper names reason i. */
export function reasonName(index: number): string {
  return index === 0 ? "Statement-II" : "Statement-III";
}

export function assertionOptions(reasonCount: number): readonly string[] {
  return reasonCount === 1 ? ONE_REASON_OPTIONS : TWO_REASON_OPTIONS;
}

export function assertionAnswer(claim: Statement, reasons: readonly Reason[]): AssertionAnswer {
  // An incorrect statement cannot be the correct explanation of anything; the paper's options never say so.
  const explainsWhileWrong = reasons.findIndex((reason) => !reason.correct && reason.explains);
  if (explainsWhileWrong !== -1) {
    const name = reasonName(explainsWhileWrong);
    return fail({ field: "reasons", index: explainsWhileWrong }, `${name} is incorrect and marked explains: true; an incorrect statement explains nothing: set explains: false or make it correct`);
  }
  return reasons.length === 1 ? oneReason(claim, reasons[0] as Reason) : twoReasons(claim, reasons);
}

function oneReason(claim: Statement, reason: Reason): AssertionAnswer {
  if (claim.correct && reason.correct) return { ok: true, answer: reason.explains ? 0 : 1 };
  if (claim.correct) return { ok: true, answer: 2 };
  if (reason.correct) return { ok: true, answer: 3 };
  return fail({ field: "claim" }, "Statement-I and Statement-II are both incorrect, and the paper has no option for that; make one of them correct");
}

function twoReasons(claim: Statement, reasons: readonly Reason[]): AssertionAnswer {
  if (!claim.correct) {
    return fail({ field: "claim" }, "with Statement-II and Statement-III, Statement-I must be correct: every option of the paper takes it as correct");
  }
  const correct = reasons.filter((reason) => reason.correct);
  const explaining = correct.filter((reason) => reason.explains).length;
  if (correct.length === 2) {
    if (explaining === 0) {
      return fail({ field: "reasons", index: 0 }, "Statement-II and Statement-III are both correct but neither explains Statement-I, and the paper has no option for that; mark the one that explains it with explains: true");
    }
    return { ok: true, answer: explaining === 2 ? 0 : 1 };
  }
  if (correct.length === 1) {
    if (explaining === 1) return { ok: true, answer: 2 };
    const index = reasons.findIndex((reason) => reason.correct);
    return fail({ field: "reasons", index }, `only ${reasonName(index)} is correct and it does not explain Statement-I, and the paper has no option for that; set explains: true on it, or change which statements are correct`);
  }
  return { ok: true, answer: 3 };
}

function fail(at: AssertionAt, message: string): AssertionAnswer {
  return { ok: false, at, message };
}
