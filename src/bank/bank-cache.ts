// A cache of loaded banks, keyed by a hash of each file's bytes. YAML parsing dominates the start-up of
// every command that reads banks (the built-in banks alone cost about twice a bare Node start), so a bank
// whose bytes were loaded before is taken from here: from the data dir's cache, or from the one the build
// makes of the built-in banks (dist/bank/builtin-banks.json), so even a first run on a new machine parses
// nothing. Hashing a file costs far less than parsing it. It is only a cache: any problem reading or
// writing it means the banks are parsed again, never an error.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LoadedBank } from "./load-bank.js";
import { builtFile } from "../package-files.js";

const FORMAT = 2;

export interface CacheFile {
  readonly format: number;
  /** Identifies the build that wrote it: a new prelim parses everything again. */
  readonly build: string;
  readonly maxBytes: number;
  /** Loaded banks by the SHA-256 of their file's bytes, stored with an empty file name. */
  readonly entries: Record<string, LoadedBank>;
}

export interface BankCache {
  get(file: string): LoadedBank | undefined;
  set(file: string, loaded: LoadedBank): void;
  /** Writes the cache if anything changed; failures are ignored. */
  save(): void;
}

export const BUILT_IN_CACHE = builtFile("bank/builtin-banks.json");

/** The id of this build: the generated validator is rewritten by every build. Undefined running from source. */
export function buildId(version: string): string | undefined {
  try {
    const stat = fs.statSync(builtFile("bank/bank-validator.cjs"));
    return `${version}+${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function readCacheFile(file: string | URL, build: string, maxBytes: number): Record<string, LoadedBank> {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
    if (data.format === FORMAT && data.build === build && data.maxBytes === maxBytes && typeof data.entries === "object") return data.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  return {};
}

export function serializeCache(entries: Record<string, LoadedBank>, build: string, maxBytes: number): string {
  return JSON.stringify({ format: FORMAT, build, maxBytes, entries } satisfies CacheFile);
}

/** The SHA-256 of a file's bytes, or undefined when it cannot be read or is over the size cap. */
export function fileHash(file: string, maxBytes: number): string | undefined {
  try {
    if (fs.statSync(file).size > maxBytes) return undefined;
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

export function openBankCache(cacheFile: string, build: string, maxBytes: number, seed: string | URL = BUILT_IN_CACHE): BankCache {
  const entries = readCacheFile(cacheFile, build, maxBytes);
  let seeded: Record<string, LoadedBank> | undefined;
  const fromSeed = (hash: string) => (seeded ??= readCacheFile(seed, build, maxBytes))[hash];
  const hashes = new Map<string, string | undefined>();
  const hashOf = (file: string) => {
    if (!hashes.has(file)) hashes.set(file, fileHash(file, maxBytes));
    return hashes.get(file);
  };
  let changed = false;
  return {
    get(file) {
      const hash = hashOf(file);
      const loaded = hash === undefined ? undefined : (entries[hash] ?? fromSeed(hash));
      return loaded && withFile(loaded, file);
    },
    set(file, loaded) {
      const hash = hashOf(file);
      if (hash === undefined) return;
      entries[hash] = withFile(loaded, "");
      changed = true;
    },
    save() {
      if (!changed) return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(temp, serializeCache(entries, build, maxBytes));
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

/** A bank as if loaded from the path it is named by this time. */
export function withFile(loaded: LoadedBank, file: string): LoadedBank {
  const problems = loaded.problems.map((problem) => ({ ...problem, file }));
  return loaded.bank ? { ...loaded, file, problems, bank: { ...loaded.bank, file } } : { ...loaded, file, problems };
}
