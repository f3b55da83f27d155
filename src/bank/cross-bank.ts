// Problems that only show across files: two banks with one id.

import path from "node:path";
import type { LoadedBank } from "./load-bank.js";
import { FILE_START, compareProblems } from "./problem.js";
import type { Problem } from "./problem.js";

/** The other file, as seen from this one's folder: short, and the same whatever the working folder. */
function sibling(file: string, other: string): string {
  return path.relative(path.dirname(file), other) || other;
}

export function crossBankProblems(loaded: readonly LoadedBank[]): Problem[] {
  const firstFileOfId = new Map<string, string>();
  const problems: Problem[] = [];
  for (const entry of loaded) {
    if (entry.id === undefined) continue;
    const first = firstFileOfId.get(entry.id);
    if (first === undefined) firstFileOfId.set(entry.id, entry.file);
    else {
      const at = entry.idAt ?? FILE_START;
      problems.push({ file: entry.file, line: at.line, col: at.col, severity: "error", rule: "duplicate-bank-id", message: `bank id '${entry.id}' is already used by ${sibling(entry.file, first)}; bank ids must be unique` });
    }
  }
  return problems;
}

/** The banks with cross-file problems added; a bank whose id another file took is not usable. */
export function withCrossBankProblems(loaded: readonly LoadedBank[]): LoadedBank[] {
  const cross = crossBankProblems(loaded);
  if (cross.length === 0) return [...loaded];
  return loaded.map((entry) => {
    const own = cross.filter((problem) => problem.file === entry.file);
    if (own.length === 0) return entry;
    const { bank: _dropped, ...rest } = entry;
    return { ...rest, problems: [...entry.problems, ...own].sort(compareProblems) };
  });
}
