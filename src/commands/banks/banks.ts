// prelim banks [paths…]: what banks there are, what they hold, and which ones fail to load.

import { loadBanks, resolveBankArgs } from "../../bank/load-banks.js";
import { bankRoots, defaultBankFolders } from "../../bank/find-banks.js";
import { cachedLoadOptions } from "../../bank/bank-load-options.js";
import { countBySeverity } from "../../bank/problem.js";
import type { LoadedBank } from "../../bank/load-bank.js";
import { summarizeBank } from "../../core/bank-summary.js";
import type { BankSummary } from "../../core/bank-summary.js";
import { sanitizeLine, terminalSafeJson } from "../../core/sanitize.js";
import { makeStyle } from "../../ui/color.js";
import type { Style } from "../../core/style.js";
import { displayPath } from "../../ui/display-path.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";

export interface BanksOptions {
  readonly json?: boolean;
}

type Listed = (BankSummary & { readonly file: string; readonly warnings: number }) | BrokenBank;

interface BrokenBank {
  readonly file: string;
  readonly id?: string;
  readonly errors: number;
  readonly warnings: number;
}

export async function banks(paths: readonly string[], options: BanksOptions, context: Context): Promise<number> {
  const { io } = context;
  const loadOptions = cachedLoadOptions(io.env, context.dataDir);
  const roots = bankRoots(io.env, context.dataDir, io.cwd);
  const loaded = await loadBanks(await resolveBankArgs(paths, roots, loadOptions, io.cwd), loadOptions);
  const listed = loaded.map((entry) => listEntry(entry, io.cwd));
  if (options.json) {
    io.stdout.write(`${terminalSafeJson({ banks: listed }, 2)}\n`);
    return EXIT.ok;
  }
  if (listed.length === 0) {
    const searched = paths.length > 0 ? paths : defaultBankFolders(roots);
    io.stdout.write(`No banks found in ${searched.map((folder) => sanitizeLine(displayPath(folder, io.cwd))).join(", ") || "the bank search path"}.\n`);
    return EXIT.ok;
  }
  const style = await makeStyle(context.color);
  io.stdout.write(listed.map((entry) => formatEntry(entry, style)).join("\n"));
  return EXIT.ok;
}

function listEntry(entry: LoadedBank, cwd: string): Listed {
  const file = displayPath(entry.file, cwd);
  const { errors, warnings } = countBySeverity(entry.problems);
  if (!entry.bank) return { file, ...(entry.id !== undefined && { id: entry.id }), errors, warnings };
  return { ...summarizeBank(entry.bank), file, warnings };
}

function formatEntry(entry: Listed, style: Style): string {
  if (!("questions" in entry)) {
    const name = entry.id ?? "(unreadable)";
    const errors = `${entry.errors} error${entry.errors === 1 ? "" : "s"}`;
    return `${style.bold(sanitizeLine(name))}  ${style.red(`does not load: ${errors}`)}\n  ${sanitizeLine(entry.file)}  (run: prelim validate ${sanitizeLine(entry.file)})\n`;
  }
  const counts = (record: Readonly<Record<string, number>>) =>
    Object.entries(record)
      .map(([name, count]) => `${sanitizeLine(name)} ${count}`)
      .join(", ");
  return [
    `${style.bold(sanitizeLine(entry.id))}  ${sanitizeLine(entry.title)}  ${style.dim(`${entry.questions} question${entry.questions === 1 ? "" : "s"}`)}`,
    `  ${style.dim("file")}    ${sanitizeLine(entry.file)}`,
    `  ${style.dim("topics")}  ${counts(entry.tags) || "none"}`,
    `  ${style.dim("kinds")}   ${counts(entry.kinds)}`,
    "",
  ].join("\n");
}
