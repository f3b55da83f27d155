// A cache of loaded banks in the data dir, keyed by each file's path, size and modification time. YAML
// parsing dominates the start-up of every command that reads banks (the built-in banks alone cost about
// twice a bare Node start), so an unchanged bank is read from here instead. It is only a cache: any
// problem reading or writing it means the banks are parsed again, never an error.

import fs from "node:fs";
import path from "node:path";
import type { LoadedBank } from "./load-bank.js";

const FORMAT = 1;

interface CacheEntry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly loaded: LoadedBank;
}

interface CacheFile {
  readonly format: number;
  /** Identifies the build that wrote it: a new prelim parses everything again. */
  readonly build: string;
  readonly maxBytes: number;
  readonly entries: Record<string, CacheEntry>;
}

export interface BankCache {
  get(file: string): LoadedBank | undefined;
  set(file: string, loaded: LoadedBank): void;
  /** Writes the cache if anything changed; failures are ignored. */
  save(): void;
}

/** The id of this build: the generated validator is rewritten by every build. Undefined running from source. */
export function buildId(version: string): string | undefined {
  try {
    const stat = fs.statSync(new URL("./bank-validator.cjs", import.meta.url));
    return `${version}+${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export function openBankCache(cacheFile: string, build: string, maxBytes: number): BankCache {
  let entries: Record<string, CacheEntry> = {};
  try {
    const data = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as CacheFile;
    if (data.format === FORMAT && data.build === build && data.maxBytes === maxBytes && typeof data.entries === "object") entries = data.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  let changed = false;
  const statOf = (file: string) => {
    try {
      const stat = fs.statSync(file);
      return { size: stat.size, mtimeMs: stat.mtimeMs };
    } catch {
      return undefined;
    }
  };
  return {
    get(file) {
      const key = path.resolve(file);
      const entry = entries[key];
      const stat = statOf(key);
      if (!entry || !stat || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return undefined;
      return withFile(entry.loaded, file);
    },
    set(file, loaded) {
      const stat = statOf(file);
      if (!stat) return;
      entries[path.resolve(file)] = { ...stat, loaded };
      changed = true;
    },
    save() {
      if (!changed) return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(temp, JSON.stringify({ format: FORMAT, build, maxBytes, entries } satisfies CacheFile));
        fs.renameSync(temp, cacheFile);
      } catch {
        // rmSync's force only forgives ENOENT; a data dir under a file (ENOTDIR) must not fail the command.
        try {
          fs.rmSync(temp, { force: true });
        } catch {
          // Nothing was written, or nothing can be: either way the cache is only a cache.
        }
      }
    },
  };
}

/** A cached bank as if loaded from the path given this time. */
function withFile(loaded: LoadedBank, file: string): LoadedBank {
  const problems = loaded.problems.map((problem) => ({ ...problem, file }));
  return loaded.bank ? { ...loaded, file, problems, bank: { ...loaded.bank, file } } : { ...loaded, file, problems };
}
