// Many bank files at once: each loaded on its own, then the checks that span files.

import fs from "node:fs";
import { crossBankProblems, loadBankFile } from "./load-bank.js";
import type { LoadedBank, LoadOptions } from "./load-bank.js";
import { compareProblems } from "./problem.js";
import { defaultBankFolders, findBankFiles } from "./find-banks.js";
import type { BankRoots } from "./find-banks.js";
import { UsageError } from "../errors.js";

export function loadBanks(files: readonly string[], options: LoadOptions): LoadedBank[] {
  const loaded = files.map((file) => loadBankFile(file, options));
  const cross = crossBankProblems(loaded);
  if (cross.length === 0) return loaded;
  // A bank whose id another file already took is not usable: its progress keys would collide.
  return loaded.map((entry) => {
    const own = cross.filter((problem) => problem.file === entry.file);
    if (own.length === 0) return entry;
    const { bank: _dropped, ...rest } = entry;
    return { ...rest, problems: [...entry.problems, ...own].sort(compareProblems) };
  });
}

/**
 * The files the command line names. Each argument is a path (file or folder) or, when no such path
 * exists, the id of a bank on the default search path. No arguments: the whole default search path.
 */
export function resolveBankArgs(args: readonly string[], roots: BankRoots, options: LoadOptions): string[] {
  const defaults = defaultBankFolders(roots);
  if (args.length === 0) return findBankFiles(defaults);
  const byId = new Map<string, string>();
  const files: string[] = [];
  for (const arg of args) {
    if (fs.existsSync(arg)) {
      files.push(...findBankFiles([arg]));
      continue;
    }
    if (byId.size === 0) {
      for (const entry of loadBanks(findBankFiles(defaults), options)) if (entry.id && !byId.has(entry.id)) byId.set(entry.id, entry.file);
    }
    const file = byId.get(arg);
    if (file === undefined && /[\\/]|\.ya?ml$/i.test(arg)) throw new UsageError(`no such file or folder: ${arg}`);
    if (file === undefined) {
      throw new UsageError(`no bank file, folder or bank id '${arg}'`, "Run `prelim banks` to list the banks found.");
    }
    files.push(file);
  }
  return [...new Set(files)];
}
