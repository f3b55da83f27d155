// A problem found in a bank file: where it is, how bad, which rule, and what to do about it.

export type Severity = "error" | "warning";

export interface Problem {
  readonly file: string;
  /** 1-based; whole-file problems point at 1:1. */
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  /** A stable kebab-case rule id, e.g. `unknown-key`. */
  readonly rule: string;
  readonly message: string;
  /** Where the text the problem is about ends (just past it), when known: GitHub's endLine/endColumn. */
  readonly endLine?: number;
  readonly endCol?: number;
}

export interface Position {
  readonly line: number;
  readonly col: number;
  /** The end of the scalar at this position, when it is one. */
  readonly end?: { readonly line: number; readonly col: number };
}

export const FILE_START: Position = { line: 1, col: 1 };

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === "error") errors++;
  return { errors, warnings: problems.length - errors };
}

/** Errors first, then by file and position: the order every reporter prints. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}
