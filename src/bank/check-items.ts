// Statements and pairs (UPSC "Consider the following…"): items, the ask, the paper's own codes when
// given, and the options they make. Malformed structure is the schema's to report; these rules stay
// silent on it and check what a schema cannot.

import { codeOptions, generatedOptions, itemsWhere, listNumbers } from "../core/generated-options.js";
import type { Noun } from "../core/generated-options.js";
import { letterOf } from "../core/question.js";
import type { Ask, Numbering } from "../core/question.js";
import type { BuiltOptions, Raw, ReportError } from "./rule-report.js";
import { isNumberLists, isRecord, normalText, repeats } from "./rule-report.js";

export type ItemsKind = "statements" | "pairs";

export function askOf(raw: Raw): Ask {
  return raw.ask === "how-many" || raw.ask === "which-incorrect" ? raw.ask : "which-correct";
}

export function numberingOf(raw: Raw): Numbering {
  return raw.numbering === "roman" ? "roman" : "arabic";
}

export function nounOf(kind: ItemsKind): Noun {
  return kind === "statements" ? "statement" : "pair";
}

export function checkItems(raw: Raw, kind: ItemsKind, error: ReportError): BuiltOptions | undefined {
  const items = raw[kind];
  if (!Array.isArray(items) || !items.every((item) => isRecord(item) && typeof item.correct === "boolean")) return undefined;
  if (items.length < 2 || items.length > 7) return undefined;
  const noun = nounOf(kind);
  const texts = items.map((item: Raw) => (kind === "statements" ? String(item.text) : `${String(item.left)} — ${String(item.right)}`));
  for (const { index, first } of repeats(texts, normalText)) error([kind, index], "duplicate-option", `${noun} ${index + 1} repeats ${first + 1}`);

  const correct = items.map((item: Raw) => item.correct as boolean);
  const ask = askOf(raw);
  if ("codes" in raw) return checkCodes(raw, kind, ask, correct, error);
  if (ask !== "how-many" && items.length > 2) {
    const wanted = ask === "which-correct";
    if (!correct.includes(wanted)) {
      const what = wanted ? "correct" : "incorrect";
      error([kind], "none-correct", `with ask: ${ask} and ${items.length} ${kind}, at least one must be ${what}; or give the paper's codes, with [] for "None of the above"`);
      return undefined;
    }
  }
  const generated = generatedOptions(String(raw.id), ask, correct, noun, numberingOf(raw));
  if (generated.answer === -1) {
    // Only four items with none correct: the paper's four how-many options stop at "All four".
    error([kind], "how-many-none", `with ask: how-many and ${items.length} ${kind} the options are ${generated.options.join(" / ")}, with no "None"; mark the correct ${kind}, or ask which-correct with codes that include []`);
    return undefined;
  }
  return { options: generated.options, answer: [generated.answer], ...(generated.sets && { optionItems: generated.sets }) };
}

/** The paper's codes: item numbers in range, no code twice, exactly one naming the right items. */
function checkCodes(raw: Raw, kind: ItemsKind, ask: Ask, correct: readonly boolean[], error: ReportError): BuiltOptions | undefined {
  if (ask === "how-many") {
    error(["codes"], "codes-ask", `'codes' are the paper's options for ask: which-correct or which-incorrect; a how-many question has its own four options: remove 'codes'`, "key");
    return undefined;
  }
  const codes = raw.codes;
  // A malformed or miscounted list is the schema's to report (once).
  if (!isNumberLists(codes) || codes.length < 2 || codes.length > 26) return undefined;
  const itemCount = correct.length;
  let valid = true;
  codes.forEach((code, c) => {
    code.forEach((item, i) => {
      if (item < 1 || item > itemCount) {
        error(["codes", c, i], "code-range", `code ${letterOf(c)} names ${nounOf(kind)} ${item}, but there are ${itemCount} ${kind} (1–${itemCount})`);
        valid = false;
      }
    });
    for (const { index } of repeats(code, String)) {
      error(["codes", c, index], "duplicate-answer", `code ${letterOf(c)} names ${nounOf(kind)} ${String(code[index])} twice`);
      valid = false;
    }
  });
  // A code that names an item twice is already reported; it is left out here so that one slip is one problem.
  const sets = codes.map((code, c) => (new Set(code).size === code.length ? [...code].sort((a, b) => a - b).join() : `#${c}`));
  for (const { index, first } of repeats(sets, String)) {
    error(["codes", index], "duplicate-option", `code ${letterOf(index)} repeats code ${letterOf(first)}`);
    valid = false;
  }
  if (!valid) return undefined;
  const flags = ask === "which-incorrect" ? correct.map((value) => !value) : correct;
  const { options, matching, sets: optionItems } = codeOptions(codes, flags, numberingOf(raw));
  if (matching.length !== 1) {
    const which = ask === "which-incorrect" ? "incorrect" : "correct";
    const right = itemsWhere(flags);
    const named = right.length === 0 ? "none" : listNumbers(right);
    error(["codes"], "codes-answer", `no code names exactly the ${which} ${kind} (${named}); add that code, or fix which ${kind} are marked correct`, "key");
    return undefined;
  }
  return { options, answer: matching, optionItems };
}
