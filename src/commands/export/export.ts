// prelim export <banks…>: banks written in another tool's format, to stdout or a new file.

import path from "node:path";
import { cachedLoadOptions } from "../../bank/bank-load-options.js";
import { bankRoots } from "../../bank/find-banks.js";
import { loadBanks, resolveBankArgs } from "../../bank/load-banks.js";
import { countBySeverity } from "../../bank/problem.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { BankError, EXIT, UsageError } from "../../errors.js";
import { renderExport, type ExportFormat } from "../../report/export/index.js";
import { prettyProblems } from "../../report/problem-report.js";
import { writeNewFile } from "../../store/new-file.js";
import { displayPath } from "../../ui/display-path.js";

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly force?: boolean;
}

export async function exportBanks(args: readonly string[], options: ExportOptions, context: Context): Promise<number> {
  const { io } = context;
  const loadOptions = cachedLoadOptions(io.env, context.dataDir);
  const loaded = await loadBanks(await resolveBankArgs(args, bankRoots(io.env, context.dataDir, io.cwd), loadOptions, io.cwd), loadOptions);
  const broken = loaded.filter((entry) => entry.bank === undefined);
  if (broken.length > 0) {
    const problems = broken.flatMap((entry) => entry.problems).map((problem) => ({ ...problem, file: displayPath(problem.file, io.cwd) }));
    io.stderr.write(prettyProblems(problems, { files: broken.length, questions: 0, ...countBySeverity(problems) }));
    throw new BankError(`cannot export: ${broken.length === 1 ? "a bank has" : `${broken.length} banks have`} errors (listed above); fix them, then run prelim validate to check`);
  }
  const banks = loaded.flatMap((entry) => (entry.bank ? [entry.bank] : []));
  if (banks.length === 0) throw new UsageError("no banks to export", "name bank ids, files or folders; `prelim banks` lists what is found");

  const result = renderExport(options.format, banks);
  for (const skip of result.skipped) io.stderr.write(`prelim: left out ${sanitizeLine(skip.key)}: ${skip.reason}\n`);
  const count = banks.reduce((total, bank) => total + bank.questions.length, 0) - result.skipped.length;
  if (options.output === undefined || options.output === "-") {
    io.stdout.write(result.text);
    return EXIT.ok;
  }
  const file = path.resolve(io.cwd, options.output);
  const shown = displayPath(file, io.cwd);
  writeNewFile(file, result.text, { force: options.force, shownAs: shown });
  io.stderr.write(`prelim: exported ${count} question${count === 1 ? "" : "s"} from ${banks.length} bank${banks.length === 1 ? "" : "s"} to ${sanitizeLine(shown)} (${options.format})\n`);
  return EXIT.ok;
}
