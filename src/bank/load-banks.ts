// Many bank files at once: each loaded on its own, then the checks that span files.

import fs from "node:fs";
import path from "node:path";
import type { LoadedBank, LoadOptions } from "./load-bank.js";
import { withCrossBankProblems } from "./cross-bank.js";
import { defaultBankFolders, findBankFiles } from "./find-banks.js";
import type { BankRoots } from "./find-banks.js";
import type { BankCache } from "./bank-cache.js";
import { UsageError } from "../errors.js";
import { closestWord } from "./closest-word.js";

/** An argument that names no file, folder or bank id. `near` is the bank id it is closest to, if any. */
export class UnknownBankError extends UsageError {
  override readonly name: string = "UnknownBankError";
  constructor(
    readonly arg: string,
    readonly near: string | undefined,
  ) {
    super(
      `no bank file, folder or bank id '${arg}'${near === undefined ? "" : `; did you mean ${near}?`}`,
      "Run `prelim banks` to list the banks found, or `prelim --help` for the commands.",
    );
  }
}

export interface CachedLoadOptions extends LoadOptions {
  /** Where unchanged banks are remembered; without one every file is parsed. */
  readonly cache?: BankCache;
  /** Called before files are parsed (not taken from the cache); returns a function called after. */
  readonly onParse?: (files: readonly string[]) => Promise<() => void>;
}

/**
 * Loads the files, taking unchanged ones from the cache. The YAML parser and the checks are only
 * imported when some file has to be parsed.
 */
export async function loadBanks(files: readonly string[], options: CachedLoadOptions): Promise<LoadedBank[]> {
  const cached = files.map((file) => options.cache?.get(file));
  const misses = files.filter((_, index) => cached[index] === undefined);
  let parsed = new Map<string, LoadedBank>();
  if (misses.length > 0) {
    const done = (await options.onParse?.(misses)) ?? (() => {});
    try {
      const { loadBankFile } = await import("./load-bank.js");
      parsed = new Map(misses.map((file) => [file, loadBankFile(file, options)]));
    } finally {
      done();
    }
    for (const [file, loaded] of parsed) options.cache?.set(file, loaded);
  }
  // Also when nothing was parsed: stamps seen for the first time spare reading those files next time.
  options.cache?.save();
  return withCrossBankProblems(files.map((file, index) => cached[index] ?? (parsed.get(file) as LoadedBank)));
}

/**
 * The files the command line names. Each argument is a path (file or folder) or, when no such path
 * exists, the id of a bank on the default search path. No arguments: the whole default search path.
 */
export async function resolveBankArgs(args: readonly string[], roots: BankRoots, options: CachedLoadOptions, cwd: string): Promise<string[]> {
  const defaults = defaultBankFolders(roots);
  if (args.length === 0) return findBankFiles(defaults);
  const byId = new Map<string, string>();
  const files: string[] = [];
  for (const arg of args) {
    const given = path.resolve(cwd, arg);
    if (fs.existsSync(given)) {
      files.push(...findBankFiles([given]));
      continue;
    }
    if (byId.size === 0) {
      // A file at a time, keeping only its id: a command that then goes through its banks one at a
      // time (stats) never holds every bank on the search path at once.
      for (const file of findBankFiles(defaults)) {
        const [entry] = await loadBanks([file], options);
        if (entry?.id && !byId.has(entry.id)) byId.set(entry.id, entry.file);
      }
    }
    const file = byId.get(arg);
    if (file === undefined && /[\\/]|\.ya?ml$/i.test(arg)) throw new UsageError(`no such file or folder: ${arg}`);
    if (file === undefined) throw new UnknownBankError(arg, closestWord(arg, [...byId.keys()]));
    files.push(file);
  }
  return [...new Set(files)];
}
