// What the per-kind question rules share: how they report a problem, and what they hand back.

import type { DataPath } from "./locate.js";

type Raw = Record<string, unknown>;
export type { Raw };

/** Report an error at a field of the question, at its value or (for misplaced keys) its key. */
export type ReportError = (field: DataPath, rule: string, message: string, on?: "key" | "value") => void;

/** A question's options in canonical order and the indexes of the right ones. */
export interface BuiltOptions {
  readonly options: readonly string[];
  readonly answer: readonly number[];
  /** Statements and pairs asking which: the items each option names (GeneratedOptions.sets). */
  readonly optionItems?: readonly (readonly number[])[];
}

export function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

export function isNumberLists(value: unknown): value is number[][] {
  return Array.isArray(value) && value.every((code) => Array.isArray(code) && code.every((item) => Number.isInteger(item)));
}

/** Text compared the way a reader would: case and runs of spaces set aside. */
export function normalText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** For each entry that repeats an earlier one (by `keyOf`), its index and the earlier one's. */
export function repeats<T>(items: readonly T[], keyOf: (item: T) => string): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const found: { index: number; first: number }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) found.push({ index, first });
    else seen.set(key, index);
  });
  return found;
}
