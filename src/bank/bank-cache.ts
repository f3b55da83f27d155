// A cache of loaded banks, keyed by a hash of each file's bytes. YAML parsing dominates the start-up of
// every command that reads banks (the built-in banks alone cost about twice a bare Node start), so a bank
// whose bytes were loaded before is taken from here: from the data dir's cache, or from the one the build
// makes of the built-in banks (dist/bank/builtin-banks.json), so even a first run on a new machine parses
// nothing. Hashing a file costs far less than parsing it, and a file whose stamp (device, inode, size,
// modification and change times) was seen before is not even read: its hash is looked up by the stamp.
// It is only a cache: any problem reading or writing it means the banks are parsed again, never an error.
//
// In the data dir, banks.json holds the stamps and each bank is a file of its own beside it
// (banks/<hash>.json), so a command reads the banks it uses and nothing else: with every bank in one
// file, 100k questions in five banks made every start read and parse 43 MB. The build's cache of the
// built-in banks keeps them in banks.json itself (`entries`), a few KB read in one go.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { LoadedBank } from "./load-bank.js";
import { builtFile } from "../package-files.js";

const FORMAT = 5;

// node:crypto is required when a file has to be hashed, not at start-up: most runs take every bank by
// its stamp, and the builtin costs about 3 ms to load.
const requireHere = createRequire(import.meta.url);

/**
 * A stamp is trusted only for a file last written this long ago: file-system times tick coarsely (a
 * few ms, or a whole second), so a file written again within the tick of its stamp could keep it.
 */
const SETTLED_MS = 2000;

export interface CacheFile {
  readonly format: number;
  /** Identifies the build that wrote it: a new prelim parses everything again. */
  readonly build: string;
  readonly maxBytes: number;
  /**
   * Loaded banks by the SHA-256 of their file's bytes, stored with an empty file name: the built-in
   * banks' cache. The data dir's keeps each in a file of its own (entryFile).
   */
  readonly entries: Record<string, LoadedBank>;
  /** The SHA-256 of a file's bytes by its stamp (see fileStamp), so an unchanged file is not read. */
  readonly stamps: Record<string, string>;
  /**
   * Each bank file's stamp when last loaded, so that what no file leads to any more (the stamp and the
   * bank of a file since edited or removed) is dropped at save instead of kept for ever.
   */
  readonly paths?: Record<string, string>;
}

export interface BankCacheOptions {
  /** The build's cache of the built-in banks. */
  readonly seed?: string | URL;
  /** The system clock, to tell a settled file from one just written (never PRELIM_NOW's clock). */
  readonly realNow?: () => number;
  /** How a file's bytes are hashed (a test counts the calls). */
  readonly hash?: (file: string, maxBytes: number) => string | undefined;
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

function readCacheFile(file: string | URL, build: string, maxBytes: number): Required<Pick<CacheFile, "entries" | "stamps" | "paths">> {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
    if (data.format === FORMAT && data.build === build && data.maxBytes === maxBytes && typeof data.entries === "object" && typeof data.stamps === "object") {
      return { entries: data.entries, stamps: data.stamps, paths: typeof data.paths === "object" && data.paths !== null ? data.paths : {} };
    }
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  return { entries: {}, stamps: {}, paths: {} };
}

/** One bank in a file of its own, with the build and cap it was loaded under. */
interface EntryFile {
  readonly build: string;
  readonly maxBytes: number;
  readonly loaded: LoadedBank;
}

/** Where the data dir's cache keeps the bank whose file hashes to `hash`. */
export function entryFile(cacheFile: string, hash: string): string {
  return path.join(path.dirname(cacheFile), "banks", `${hash}.json`);
}

function readEntryFile(file: string, build: string, maxBytes: number): LoadedBank | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as EntryFile;
    if (data.build === build && data.maxBytes === maxBytes && typeof data.loaded === "object" && data.loaded !== null) return data.loaded;
  } catch {
    // Not written yet, or unreadable: the bank is parsed again.
  }
  return undefined;
}

/** Writes to a temp file and renames it into place, so a reader never sees half a file; false on failure. */
function writeWhole(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
    return true;
  } catch {
    // rmSync's force only forgives ENOENT; a data dir under a file (ENOTDIR) must not fail the command.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was written, or nothing can be: either way the cache is only a cache.
    }
    return false;
  }
}

export function serializeCache(entries: Record<string, LoadedBank>, build: string, maxBytes: number, stamps: Record<string, string> = {}, paths: Record<string, string> = {}): string {
  return JSON.stringify({ format: FORMAT, build, maxBytes, entries, stamps, paths } satisfies CacheFile);
}

/** The SHA-256 of a file's bytes, or undefined when it cannot be read or is over the size cap. */
export function fileHash(file: string, maxBytes: number): string | undefined {
  try {
    if (fs.statSync(file).size > maxBytes) return undefined;
    const { createHash } = requireHere("node:crypto") as typeof import("node:crypto");
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * What changes whenever a file is written, renamed over or replaced: device, inode, size and the
 * modification and change times (the change time cannot be set back by hand, as the modification
 * time can). Undefined for a file that cannot be stat'ed or was written too recently to trust it.
 */
export function fileStamp(file: string, realNow: () => number = Date.now): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (realNow() - Math.max(stat.mtimeMs, stat.ctimeMs) < SETTLED_MS) return undefined;
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  } catch {
    return undefined;
  }
}

export function openBankCache(cacheFile: string, build: string, maxBytes: number, options: BankCacheOptions = {}): BankCache {
  const { seed = BUILT_IN_CACHE, realNow = Date.now, hash: hashFile = fileHash } = options;
  const { entries, stamps, paths } = readCacheFile(cacheFile, build, maxBytes);
  let seeded: Pick<CacheFile, "entries" | "stamps"> | undefined;
  const fromSeed = () => (seeded ??= readCacheFile(seed, build, maxBytes));
  const hashes = new Map<string, string | undefined>();
  // Banks parsed this run, written to their own files at save().
  const added = new Map<string, LoadedBank>();
  let changed = false;
  const hashOf = (file: string) => {
    if (!hashes.has(file)) {
      const stamp = fileStamp(file, realNow);
      const seededHash = stamp === undefined ? undefined : fromSeed().stamps[stamp];
      let hash = stamp === undefined ? undefined : (stamps[stamp] ?? seededHash);
      if (hash === undefined) {
        hash = hashFile(file, maxBytes);
        if (hash !== undefined && stamp !== undefined) {
          stamps[stamp] = hash;
          changed = true;
        }
      }
      // The built-in banks' stamps are the build's, not this cache's to keep.
      if (stamp !== undefined && seededHash === undefined && hash !== undefined && paths[file] !== stamp) {
        paths[file] = stamp;
        changed = true;
      }
      hashes.set(file, hash);
    }
    return hashes.get(file);
  };

  /**
   * What no bank file leads to any more goes: the path of a file that is gone, a stamp no path has
   * now (a file edited since), and the bank file of a hash no stamp or load of this run has.
   */
  function prune(): void {
    for (const file of Object.keys(paths)) if (!fs.existsSync(file)) delete paths[file];
    const liveStamps = new Set(Object.values(paths));
    for (const stamp of Object.keys(stamps)) if (!liveStamps.has(stamp)) delete stamps[stamp];
    const liveHashes = new Set([...Object.values(stamps), ...hashes.values()]);
    const folder = path.dirname(entryFile(cacheFile, "x"));
    try {
      for (const name of fs.readdirSync(folder)) {
        if (name.endsWith(".json") && !liveHashes.has(name.slice(0, -".json".length))) fs.rmSync(path.join(folder, name), { force: true });
      }
    } catch {
      // No folder yet, or one that cannot be listed: only a cache.
    }
  }
  return {
    get(file) {
      const hash = hashOf(file);
      if (hash === undefined) return undefined;
      const loaded = added.get(hash) ?? entries[hash] ?? fromSeed().entries[hash] ?? readEntryFile(entryFile(cacheFile, hash), build, maxBytes);
      return loaded && withFile(loaded, file);
    },
    set(file, loaded) {
      const hash = hashOf(file);
      if (hash === undefined) return;
      added.set(hash, withFile(loaded, ""));
      changed = true;
    },
    save() {
      if (!changed) return;
      changed = false;
      // Each bank before the stamps that lead to it.
      for (const [hash, loaded] of added) writeWhole(entryFile(cacheFile, hash), JSON.stringify({ build, maxBytes, loaded } satisfies EntryFile));
      added.clear();
      prune();
      writeWhole(cacheFile, serializeCache(entries, build, maxBytes, stamps, paths));
    },
  };
}

/** A bank as if loaded from the path it is named by this time. */
export function withFile(loaded: LoadedBank, file: string): LoadedBank {
  const problems = loaded.problems.map((problem) => ({ ...problem, file }));
  return loaded.bank ? { ...loaded, file, problems, bank: { ...loaded.bank, file } } : { ...loaded, file, problems };
}
