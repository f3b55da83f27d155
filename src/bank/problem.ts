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
  /** On the line that stands for problems left out of a long list: how many of each it stands for. */
  readonly omitted?: { readonly errors: number; readonly warnings: number };
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

/** What a list of problems holds, counting each left out of a long list, not the line that says so. */
export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const problem of problems) {
    if (problem.omitted !== undefined) {
      errors += problem.omitted.errors;
      warnings += problem.omitted.warnings;
    } else if (problem.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Errors first, then by file and position: the order every reporter prints. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}

/** A file with more problems than this has a systematic fault: the rest would bury the first ones. */
export const MAX_PROBLEMS_PER_FILE = 1_000;

/**
 * The first MAX_PROBLEMS_PER_FILE problems in report order, then one that says how many were left
 * out, placed at the first of them so every reporter shows it last.
 */
export function capProblems(problems: readonly Problem[]): Problem[] {
  const sorted = [...problems].sort(compareProblems);
  const rest = sorted.slice(MAX_PROBLEMS_PER_FILE);
  const first = rest[0];
  if (first === undefined) return sorted;
  const severity = rest.some((problem) => problem.severity === "error") ? "error" : "warning";
  return [
    ...sorted.slice(0, MAX_PROBLEMS_PER_FILE),
    {
      ...first,
      severity,
      rule: "too-many-problems",
      omitted: countBySeverity(rest),
      message: `and ${rest.length.toLocaleString("en-US")} more problems (only the first ${MAX_PROBLEMS_PER_FILE.toLocaleString("en-US")} of a file are listed); fix these and validate again`,
    },
  ];
}
