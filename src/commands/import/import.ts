// prelim import <file>: a file in another tool's format becomes a bank file, which is then checked and
// its problems listed. The parsers are pure (bank/import); the bank text is rendered in report/ and
// written by store/new-file, which never replaces a file without --force.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { guessFormat, parseImport, type ImportFormat } from "../../bank/import/index.js";
import { slugOf } from "../../bank/import/draft.js";
import { loadBankText } from "../../bank/load-bank.js";
import { countBySeverity } from "../../bank/problem.js";
import { maxBankBytes, readBankText } from "../../bank/read-file.js";
import { BANK_SCHEMA_URL } from "../../bank/schema-check.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { renderBankYaml } from "../../report/bank-yaml.js";
import { prettyProblems } from "../../report/problem-report.js";
import { checkNewFile, writeNewFile } from "../../store/new-file.js";
import { makeStyle } from "../../ui/color.js";
import { displayPath } from "../../ui/display-path.js";

export interface ImportOptions {
  readonly format?: ImportFormat;
  readonly output?: string;
  readonly id?: string;
  readonly title?: string;
  readonly force?: boolean;
}

const MAX_WARNINGS_LISTED = 10;

function warningsByRule(warnings: readonly { rule: string }[]): string {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning.rule, (counts.get(warning.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => `${rule} ${count}`).join(", ");
}

const IMPORT_EXTENSION = /(\.(aiken|gift))?\.(txt|xml|csv|gift|aiken)$/i;

function defaultOutput(file: string): string {
  return `${path.basename(file).replace(IMPORT_EXTENSION, "") || "imported"}.yaml`;
}

export async function importFile(file: string, options: ImportOptions, context: Context): Promise<number> {
  const { io } = context;
  const input = path.resolve(io.cwd, file);
  const read = readBankText(input, maxBankBytes(io.env));
  if (!read.ok) throw new UsageError(`${sanitizeLine(file)}: ${read.message}`);
  const format = options.format ?? guessFormat(path.basename(input), read.text);

  const toStdout = options.output === "-";
  const output = path.resolve(io.cwd, toStdout ? defaultOutput(input) : (options.output ?? defaultOutput(input)));
  const shown = toStdout ? "standard output" : displayPath(output, io.cwd);
  // Refused before parsing, so a long import does not end in "exists already".
  if (!toStdout) checkNewFile(output, { force: options.force, shownAs: shown });

  const result = parseImport(format, read.text);
  const id = options.id ?? slugOf(path.basename(output).replace(/\.ya?ml$/i, ""), 80);
  const schema = path.relative(path.dirname(output), fileURLToPath(BANK_SCHEMA_URL)).split(path.sep).join("/");
  const text = renderBankYaml(result, {
    id,
    title: options.title ?? `Imported from ${path.basename(input)}`,
    schema,
    from: `${path.basename(input)} (${format})`,
  });

  if (toStdout) io.stdout.write(text);
  else writeNewFile(output, text, { force: options.force, shownAs: shown });

  for (const skip of result.skipped) io.stderr.write(`prelim: left out${skip.line === undefined ? "" : ` (line ${skip.line})`}: ${sanitizeLine(skip.reason)}\n`);
  const noted = result.questions.filter((question) => question.notes.length > 0).length;
  const loaded = loadBankText(toStdout ? "(standard output)" : shown, text);
  const counts = countBySeverity(loaded.problems);
  const summary = `imported ${result.questions.length} question${result.questions.length === 1 ? "" : "s"} from ${sanitizeLine(file)} (${format}) to ${sanitizeLine(shown)}`;
  const details = [result.skipped.length > 0 && `${result.skipped.length} left out`, noted > 0 && `${noted} with a comment on what was not carried over`].filter(Boolean).join(", ");
  io.stderr.write(`prelim: ${summary}${details ? `; ${details}` : ""}\n`);
  if (loaded.problems.length > 0) {
    const style = await makeStyle(context.color && !toStdout);
    // Every error in full; warnings too while they are few. An imported file usually lacks sources and
    // difficulties on every question, and a hundred lines of that would hide the errors.
    const warnings = loaded.problems.filter((problem) => problem.severity === "warning");
    const shownProblems = warnings.length > MAX_WARNINGS_LISTED ? loaded.problems.filter((problem) => problem.severity === "error") : loaded.problems;
    const problems = prettyProblems(shownProblems, { files: 1, questions: loaded.questionCount, ...counts }, style);
    const out = toStdout ? io.stderr : io.stdout;
    out.write(problems);
    if (shownProblems.length < loaded.problems.length) {
      out.write(`warnings by rule: ${warningsByRule(warnings)}; 'prelim validate ${sanitizeLine(shown)}' lists each\n`);
    }
  }
  return counts.errors > 0 ? EXIT.no : EXIT.ok;
}
