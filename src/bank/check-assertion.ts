// Statement-I / Statement-II questions: the claim, one or two reasons, and a combination the paper
// has an option for.

import { assertionAnswer, assertionOptions } from "../core/assertion-options.js";
import type { BuiltOptions, Raw, ReportError } from "./rule-report.js";
import { isRecord } from "./rule-report.js";

export function checkAssertion(raw: Raw, error: ReportError): BuiltOptions | undefined {
  if (!("reasons" in raw)) {
    error([], "required", "the question is missing 'reasons': Statement-II (and III) as {text, correct, explains}");
    return undefined;
  }
  if (!("claim" in raw)) {
    error([], "required", "the question is missing 'claim': Statement-I as {text, correct}");
    return undefined;
  }
  const { claim, reasons } = raw;
  const wellFormed = (item: unknown) => isRecord(item) && typeof item.text === "string" && typeof item.correct === "boolean";
  if (!wellFormed(claim) || !Array.isArray(reasons) || reasons.length < 1 || reasons.length > 2 || !reasons.every(wellFormed)) return undefined;
  const asClaim = { text: String((claim as Raw).text), correct: (claim as Raw).correct as boolean };
  const asReasons = (reasons as Raw[]).map((reason) => ({ text: String(reason.text), correct: reason.correct as boolean, explains: reason.explains === true }));
  const judged = assertionAnswer(asClaim, asReasons);
  if (!judged.ok) {
    const at = judged.at.field === "claim" ? ["claim"] : ["reasons", judged.at.index];
    error(at, "assertion-combination", judged.message);
    return undefined;
  }
  return { options: assertionOptions(asReasons.length), answer: [judged.answer] };
}
