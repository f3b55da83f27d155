// Validation results as text: pretty lines for people, JSON for scripts, GitHub workflow commands for CI.

import type { Problem } from "../bank/problem.js";
import { sanitize, sanitizeLine, terminalSafeJson } from "../core/sanitize.js";
import type { Style } from "../core/style.js";
import { plainStyle } from "../core/style.js";

export type ProblemReporter = "pretty" | "json" | "github";

export interface ValidationSummary {
  readonly files: number;
  readonly questions: number;
  readonly errors: number;
  readonly warnings: number;
}

export function summaryLine(summary: ValidationSummary): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(summary.files, "file")}, ${plural(summary.questions, "question")}: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}`;
}

/** `file:line:col  severity  rule  message`, errors first, then a summary line. */
export function prettyProblems(problems: readonly Problem[], summary: ValidationSummary, style: Style = plainStyle): string {
  const lines = problems.map((problem) => {
    const where = `${sanitizeLine(problem.file)}:${problem.line}:${problem.col}`;
    const severity = problem.severity === "error" ? style.red("error  ") : style.yellow("warning");
    return `${where}  ${severity}  ${style.dim(problem.rule)}  ${sanitizeLine(problem.message)}`;
  });
  const closing = summary.errors > 0 ? style.red(summaryLine(summary)) : style.green(summaryLine(summary));
  return [...lines, ...(lines.length > 0 ? [""] : []), closing, ""].join("\n");
}

export function jsonProblems(problems: readonly Problem[], summary: ValidationSummary): string {
  const clean = problems.map((problem) => ({ ...problem, file: sanitize(problem.file), message: sanitize(problem.message) }));
  return `${terminalSafeJson({ ...summary, problems: clean }, 2)}\n`;
}

/**
 * GitHub workflow commands. GitHub shows only the first ten annotations of each kind per step, so errors
 * come first. Data is escaped as the runner expects (%, CR, LF; in properties also ':' and ',').
 */
export function githubProblems(problems: readonly Problem[], summary: ValidationSummary): string {
  const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const lines = problems.map((problem) => {
    const file = escapeProperty(sanitizeLine(problem.file));
    const title = escapeProperty(problem.rule);
    // GitHub takes endColumn only with a one-line range, and its column is the last character's, not past it.
    const properties = [`file=${file}`, `line=${problem.line}`];
    if (problem.endLine !== undefined) properties.push(`endLine=${problem.endLine}`);
    properties.push(`col=${problem.col}`);
    if (problem.endLine === problem.line && problem.endCol !== undefined) properties.push(`endColumn=${Math.max(problem.col, problem.endCol - 1)}`);
    properties.push(`title=${title}`);
    return `::${problem.severity} ${properties.join(",")}::${escapeData(sanitizeLine(problem.message))}`;
  });
  return [...lines, summaryLine(summary), ""].join("\n");
}
