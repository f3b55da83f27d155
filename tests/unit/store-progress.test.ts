import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Rating, ReviewLogEntry } from "../../src/core/review.js";
import { foldReviews, nextCardState, type CardState } from "../../src/core/scheduler.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { openProgressReader, type ProgressReader } from "../../src/store/progress-reader.js";
import { openProgressStore, storePaths, type ProgressStore, type ProgressStoreOptions } from "../../src/store/progress-store.js";
import { serializeSnapshot, writeSnapshot } from "../../src/store/snapshot.js";
import { StoreError } from "../../src/store/store-error.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

const START = Date.parse("2024-05-01T10:00:00.000Z");
const RATINGS: Rating[] = ["good", "again", "easy", "hard"];

function entry(n: number, key = `bank/q${n % 7}`): ReviewLogEntry {
  const rating = RATINGS[n % 4]!;
  return { at: new Date(START + n * 60_000).toISOString(), key, given: ["a"], correct: rating !== "again", ms: 3000 + n, rating, mode: "review" };
}

function entries(from: number, to: number): ReviewLogEntry[] {
  return Array.from({ length: to - from }, (_, i) => entry(from + i));
}

let root: string;
let dir: string;
let notices: string[];
const opened: ProgressStore[] = [];

// Most tests here are about what a rewrite of progress.json keeps, so every close with anything new
// rewrites it; the tests of the default threshold pass their own.
function open(extra: Partial<ProgressStoreOptions> = {}): ProgressStore {
  const store = openProgressStore({ dataDir: dir, now: () => new Date(START), version: "0.1.0", onNotice: (message) => notices.push(message), rewriteAfterBytes: 0, ...extra });
  opened.push(store);
  return store;
}

function folded(list: readonly ReviewLogEntry[]): Map<string, CardState> {
  return foldReviews(new Map(), list, SCHEDULING);
}

function caught(work: () => unknown): StoreError {
  try {
    work();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error("expected a StoreError");
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  dir = root;
  notices = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) {
    try {
      store.close();
    } catch {
      // Tests of failing closes have already checked the error.
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
});

describe("progress store", () => {
  it("creates a missing data dir, records, and a reopened store sees entries and cards", () => {
    dir = path.join(dir, "nested", "data");
    const store = open();
    for (const answer of entries(0, 20)) store.record(answer);
    expect(store.cards()).toEqual(folded(entries(0, 20)));
    store.close();
    const paths = storePaths(dir);
    const snapshot = JSON.parse(fs.readFileSync(paths.snapshot, "utf8"));
    expect(snapshot.logBytes).toBe(fs.statSync(paths.log).size);
    expect(snapshot.writtenBy).toBe("0.1.0");
    const again = open();
    expect(again.entries()).toEqual(entries(0, 20));
    expect(again.cards()).toEqual(folded(entries(0, 20)));
    expect(notices).toEqual([]);
  });

  it("keeps answers of a session that never closed (killed): the log is folded on open", () => {
    const first = open();
    for (const answer of entries(0, 5)) first.record(answer);
    first.close();
    const killed = open();
    for (const answer of entries(5, 12)) killed.record(answer);
    // no close: the process died
    expect(open().cards()).toEqual(folded(entries(0, 12)));
  });

  it("sets a torn last log line aside on open and keeps the complete ones", () => {
    const store = open();
    for (const answer of entries(0, 6)) store.record(answer);
    store.close();
    fs.appendFileSync(storePaths(dir).log, '{"at":"2024-05-01T11:00:00.000Z","key":"ba');
    const reopened = open();
    expect(reopened.cards()).toEqual(folded(entries(0, 6)));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/incomplete answer.*reviews\.jsonl\.torn-/);
    reopened.record(entry(6));
    expect(reopened.entries()).toEqual(entries(0, 7));
  });

  it("keeps a complete last answer whose final newline was cut (truncate -s -1) and restores the newline", () => {
    const store = open();
    for (const answer of entries(0, 6)) store.record(answer);
    store.close();
    const { log } = storePaths(dir);
    const size = fs.statSync(log).size;
    fs.truncateSync(log, size - 1);
    const reopened = open();
    expect(reopened.cards()).toEqual(folded(entries(0, 6)));
    expect(notices).toEqual([]);
    expect(fs.statSync(log).size).toBe(size);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".torn-"))).toEqual([]);
    reopened.record(entry(6));
    reopened.close();
    expect(open().entries()).toEqual(entries(0, 7));
    expect(fs.readFileSync(log, "utf8")).not.toContain("\n\n");
  });

  it.each([
    ["year 275760", "+275760-09-13T00:00:00.000Z"],
    ["1970", "1970-01-01T00:00:00.000Z"],
    ["1999", "1999-12-31T23:59:59.999Z"],
    ["year 12000 (no clock is that far behind)", "+012000-01-01T00:00:00.000Z"],
  ])("sets aside a log line dated %s like an unreadable one, with a notice, and keeps working", (_name, at) => {
    const store = open();
    for (const answer of entries(0, 3)) store.record(answer);
    store.close();
    const { log } = storePaths(dir);
    fs.appendFileSync(log, `${JSON.stringify({ ...entry(9), at })}\n`);
    const reopened = open();
    expect(reopened.cards()).toEqual(folded(entries(0, 3)));
    expect(reopened.entries()).toEqual(entries(0, 3));
    expect(notices.join("\n")).toMatch(/Skipped 1 unreadable line.*`at`/);
    reopened.record(entry(3));
    reopened.close();
    expect(open().cards()).toEqual(folded(entries(0, 4)));
  });

  it("skips answers dated ahead of a clock moved back, and saves no progress.json until the clock is right", () => {
    const killed = open();
    for (const answer of entries(0, 4)) killed.record(answer);
    // killed before close: the answers are in the log only
    const { snapshot } = storePaths(dir);
    const behind = open({ now: () => new Date(START - 30 * 86_400_000) });
    expect(behind.cards()).toEqual(new Map());
    expect(notices.join("\n")).toMatch(/more than a day after/);
    behind.close();
    expect(fs.existsSync(snapshot)).toBe(false);
    expect(open().cards()).toEqual(folded(entries(0, 4)));
  });

  it("keeps progress.json as it is when the clock is moved back after it was saved", () => {
    const store = open();
    for (const answer of entries(0, 4)) store.record(answer);
    store.close();
    const { snapshot } = storePaths(dir);
    const saved = fs.readFileSync(snapshot);
    const behind = open({ now: () => new Date(START - 30 * 86_400_000) });
    expect(behind.cards()).toEqual(folded(entries(0, 4)));
    behind.close();
    expect(fs.readFileSync(snapshot)).toEqual(saved);
    expect(notices).toEqual([]);
  });

  it("refuses to record an entry dated outside the sane range", () => {
    const store = open();
    expect(() => store.record({ ...entry(1), at: "1970-01-01T00:00:00.000Z" })).toThrow(TypeError);
    expect(() => store.record({ ...entry(1), at: new Date(START + 2 * 86_400_000).toISOString() })).toThrow(TypeError);
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, text.length / 2)],
    ["0 bytes", () => ""],
    ["garbage", () => "garbage \u001b[2J"],
    ["null", () => "null"],
    ["42", () => "42"],
    ["[]", () => "[]"],
  ])("rebuilds from the log when progress.json is %s", (_name, damage) => {
    const store = open();
    for (const answer of entries(0, 15)) store.record(answer);
    store.close();
    const { snapshot } = storePaths(dir);
    fs.writeFileSync(snapshot, damage(fs.readFileSync(snapshot, "utf8")));
    const reopened = open();
    expect(reopened.cards()).toEqual(folded(entries(0, 15)));
    const aside = fs.readdirSync(dir).find((name) => name.startsWith("progress.json.damaged-"));
    expect(aside).toBeDefined();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(snapshot);
    expect(notices[0]).toContain(path.join(dir, aside!));
    reopened.close();
    expect(open().cards()).toEqual(folded(entries(0, 15)));
  });

  it("refuses a progress.json from a newer prelim and leaves it untouched", () => {
    const { snapshot } = storePaths(dir);
    const bytes = '{"schemaVersion":7,"writtenBy":"3.0.0","logBytes":0,"cards":{}}';
    fs.writeFileSync(snapshot, bytes);
    const error = caught(() => open());
    expect(error.code).toBe("store-newer-version");
    expect(error.message).toContain(snapshot);
    expect(fs.readFileSync(snapshot, "utf8")).toBe(bytes);
  });

  it("rebuilds when the log is shorter than progress.json says", () => {
    const store = open();
    for (const answer of entries(0, 10)) store.record(answer);
    store.close();
    const { log } = storePaths(dir);
    const lines = fs.readFileSync(log, "utf8").split("\n");
    fs.writeFileSync(log, `${lines.slice(0, 4).join("\n")}\n`);
    expect(open().cards()).toEqual(folded(entries(0, 4)));
    expect(notices.join("\n")).toMatch(/does not match/);
  });

  it("two sessions recording interleaved and both closing lose nothing", () => {
    const a = open();
    const b = open();
    for (let n = 0; n < 40; n++) (n % 2 === 0 ? a : b).record(entry(n, `bank/${n % 2 === 0 ? "a" : "b"}${n}`));
    a.close();
    b.close();
    const all = Array.from({ length: 40 }, (_, n) => entry(n, `bank/${n % 2 === 0 ? "a" : "b"}${n}`));
    const reopened = open();
    expect(reopened.entries()).toEqual(all);
    const snapshot = JSON.parse(fs.readFileSync(storePaths(dir).snapshot, "utf8"));
    expect(Object.keys(snapshot.cards).sort()).toEqual(all.map((answer) => answer.key).sort());
    expect(new Map(Object.entries(snapshot.cards))).toEqual(folded(all));
  });

  it("a session that did not see another's answers still keeps them when it closes", () => {
    const a = open();
    const b = open();
    a.record(entry(0, "bank/a"));
    b.record(entry(1, "bank/b"));
    b.record(entry(2, "bank/b"));
    b.close();
    a.close();
    const snapshot = JSON.parse(fs.readFileSync(storePaths(dir).snapshot, "utf8"));
    expect(snapshot.logBytes).toBe(fs.statSync(storePaths(dir).log).size);
    expect(new Map(Object.entries(snapshot.cards))).toEqual(folded([entry(0, "bank/a"), entry(1, "bank/b"), entry(2, "bank/b")]));
  });

  it("does not overwrite a progress.json that a newer prelim wrote during the session", () => {
    const store = open();
    store.record(entry(1));
    const bytes = '{"schemaVersion":3,"writtenBy":"9.0.0","logBytes":0,"cards":{}}';
    fs.writeFileSync(storePaths(dir).snapshot, bytes);
    expect(caught(() => store.close()).code).toBe("store-newer-version");
    expect(fs.readFileSync(storePaths(dir).snapshot, "utf8")).toBe(bytes);
    expect(fs.readFileSync(storePaths(dir).log, "utf8")).toContain('"bank/q1"');
  });

  it("takes over a lock left by a dead process when closing", () => {
    const child = spawnSync(process.execPath, ["-e", "0"]);
    fs.writeFileSync(storePaths(dir).lock, JSON.stringify({ pid: child.pid, startedAt: new Date(START).toISOString() }));
    const store = open();
    store.record(entry(1));
    store.close();
    expect(fs.existsSync(storePaths(dir).lock)).toBe(false);
    expect(JSON.parse(fs.readFileSync(storePaths(dir).snapshot, "utf8")).cards["bank/q1"]).toBeDefined();
  });

  it("closes without throwing when a live session holds the lock: the answers are in the log, the snapshot catches up", () => {
    const { lock, snapshot } = storePaths(dir);
    const store = open({ lock: { waitMs: 100, pollMs: 20 } });
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date(START).toISOString() }));
    store.record(entry(1));
    const result = store.close();
    expect(result.snapshot).toBe("deferred");
    expect(result.snapshot === "deferred" ? result.message : "").toMatch(/saved in .*reviews\.jsonl.*progress\.json.*next time/);
    expect(store.close()).toEqual(result);
    expect(fs.existsSync(snapshot)).toBe(false);
    fs.rmSync(lock);
    const next = open();
    expect(next.entries()).toEqual([entry(1)]);
    expect(next.close()).toEqual({ snapshot: "saved" });
    expect(JSON.parse(fs.readFileSync(snapshot, "utf8")).cards["bank/q1"]).toBeDefined();
    expect(open().close()).toEqual({ snapshot: "unchanged" });
  });

  it("on a full disk while saving progress.json, raises at once and keeps the previous one", () => {
    const store = open();
    for (const answer of entries(0, 5)) store.record(answer);
    store.close();
    const { snapshot } = storePaths(dir);
    const before = fs.readFileSync(snapshot);
    const fullDisk = { ...fs } as typeof fs & { writeSync: typeof fs.writeSync };
    const second = open({ fs: fullDisk });
    for (const answer of entries(5, 10)) second.record(answer);
    const realWrite = fs.writeSync as (...args: unknown[]) => number;
    // The disk fills up while progress.json is written (the lock file, a few bytes, still fits). The
    // store's fs is a parameter: the full disk is injected, not spied onto the global fs.
    let large = 0;
    fullDisk.writeSync = ((fd: number, data: string | Uint8Array, ...rest: unknown[]) => {
      if (data.length > 200) {
        large++;
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      }
      return realWrite(fd, data, ...rest);
    }) as typeof fs.writeSync;
    const error = caught(() => second.close());
    expect(large).toBeGreaterThan(0);
    expect(error.code).toBe("store-disk-full");
    expect(error.message).toContain(snapshot);
    vi.restoreAllMocks();
    expect(fs.readFileSync(snapshot)).toEqual(before);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".tmp-"))).toEqual([]);
    expect(open().cards()).toEqual(folded(entries(0, 10)));
  });

  it("gives a typed error naming the path for a data dir that cannot exist (under a file)", () => {
    const blocker = path.join(dir, "file");
    fs.writeFileSync(blocker, "");
    dir = path.join(blocker, "data");
    const error = caught(() => open());
    expect(error.code).toBe("store-unwritable");
    expect(error.message).toContain(dir);
    expect(error.message).toContain("--data-dir or PRELIM_HOME");
  });

  it("gives a typed error for a read-only data dir (injected fs)", () => {
    const readOnly = {
      ...fs,
      openSync: ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
        if (flags !== "r") throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
        return fs.openSync(file, flags, mode);
      }) as typeof fs.openSync,
    };
    const error = caught(() => open({ fs: readOnly }));
    expect(error.code).toBe("store-unwritable");
    expect(error.message).toMatch(/reviews\.jsonl: the file system is read-only \(EROFS\)\. Set --data-dir or PRELIM_HOME/);
  });

  it("raises a typed error at once when the data dir vanishes during a session", () => {
    const store = open();
    store.record(entry(1));
    fs.rmSync(dir, { recursive: true });
    expect(caught(() => store.record(entry(2))).message).toContain(storePaths(dir).log);
    expect(caught(() => store.close()).code).toBe("store-unwritable");
  });

  it("refuses recording after close and closes only once", () => {
    const store = open();
    store.close();
    store.close();
    expect(() => store.record(entry(1))).toThrow(/closed/);
  });

  it("refuses an entry that is not one", () => {
    const store = open();
    expect(() => store.record({ ...entry(1), rating: "great" as Rating })).toThrow(TypeError);
    expect(store.entries()).toEqual([]);
  });

  it("uses desiredRetention from the settings", () => {
    fs.writeFileSync(storePaths(dir).settings, JSON.stringify({ desiredRetention: 0.7 }));
    // A clock past the second answer, which is dated when the first one falls due.
    const store = open({ now: () => new Date(START + 365 * 86_400_000) });
    store.record(entry(0, "bank/x"));
    store.record({ ...entry(0, "bank/x"), at: store.cards().get("bank/x")!.due });
    const first = nextCardState(undefined, "good", new Date(START), { desiredRetention: 0.7 });
    expect(store.cards().get("bank/x")).toEqual(nextCardState(first, "good", new Date(first.due), { desiredRetention: 0.7 }));
  });
});

// How long recording takes is measured by `npm run bench` (timings do not belong in tests on a shared
// machine). What makes it independent of history is checked here: the file work each answer does.
describe("read-only progress reader", () => {
  const WRITES = ["writeSync", "writeFileSync", "renameSync", "mkdirSync", "unlinkSync", "rmSync", "ftruncateSync", "appendFileSync", "copyFileSync"] as const;

  /** A file system that refuses every change, as a read-only mount does; reads go through. */
  function readOnlyFs(): typeof fs {
    const refuse = () => {
      throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
    };
    const fake: Record<string, unknown> = { ...fs };
    for (const name of WRITES) fake[name] = refuse;
    fake.openSync = ((file: fs.PathLike, flags: fs.OpenMode = "r", mode?: fs.Mode) => {
      if (flags !== "r") refuse();
      return fs.openSync(file, flags, mode);
    }) as typeof fs.openSync;
    return fake as unknown as typeof fs;
  }

  function read(extra: Partial<ProgressStoreOptions> = {}): ProgressReader {
    return openProgressReader({ dataDir: dir, now: () => new Date(START), version: "0.1.0", onNotice: (message: string) => notices.push(message), fs: readOnlyFs(), ...extra });
  }

  function filesIn(folder: string): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), "latin1")]));
  }

  it("reads cards and entries on a read-only folder, and changes nothing", () => {
    const store = open();
    for (const answer of entries(0, 6)) store.record(answer);
    store.close();
    const writer = open();
    for (const answer of entries(6, 9)) writer.record(answer);
    // still open (or killed): the last three are in the log only
    const before = filesIn(dir);
    const reader = read();
    expect(reader.cards()).toEqual(folded(entries(0, 9)));
    expect(reader.entries()).toEqual(entries(0, 9));
    expect(reader.settings.get("desiredRetention")).toBe(0.9);
    reader.close();
    expect(filesIn(dir)).toEqual(before);
  });

  it("needs no lock: reads while a live session holds it", () => {
    const store = open();
    for (const answer of entries(0, 3)) store.record(answer);
    store.close();
    fs.writeFileSync(storePaths(dir).lock, JSON.stringify({ pid: process.pid, startedAt: new Date(START).toISOString() }));
    const reader = read({ lock: { waitMs: 0 } });
    expect(reader.cards()).toEqual(folded(entries(0, 3)));
    reader.close();
  });

  it("reads a missing data folder as no progress, creating nothing", () => {
    dir = path.join(root, "never-created");
    const reader = read();
    expect(reader.cards()).toEqual(new Map());
    expect(reader.entries()).toEqual([]);
    reader.close();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("counts a last answer whose newline is missing and leaves a torn line, a damaged snapshot and config where they are", () => {
    const store = open();
    for (const answer of entries(0, 4)) store.record(answer);
    store.close();
    const { log, snapshot, settings } = storePaths(dir);
    fs.truncateSync(log, fs.statSync(log).size - 1);
    fs.writeFileSync(snapshot, "garbage");
    fs.writeFileSync(settings, "{");
    const before = filesIn(dir);
    const reader = read();
    expect(reader.entries()).toEqual(entries(0, 4));
    expect(reader.cards()).toEqual(folded(entries(0, 4)));
    expect(filesIn(dir)).toEqual(before);
    expect(notices.join("\n")).toMatch(/progress\.json could not be read/);
    fs.appendFileSync(log, '\n{"at":"2024-05-01T11:00:00.000Z","key":"ba');
    expect(read().entries()).toEqual(entries(0, 4));
  });

  it("refuses a progress.json from a newer prelim, untouched, like the store", () => {
    const { snapshot } = storePaths(dir);
    fs.writeFileSync(snapshot, '{"schemaVersion":7,"writtenBy":"3.0.0","logBytes":0,"cards":{}}');
    expect(caught(() => read()).code).toBe("store-newer-version");
  });

  it.skipIf(!canBindMount())("reads through a real read-only bind mount", () => {
    const store = open();
    for (const answer of entries(0, 5)) store.record(answer);
    store.close();
    const mounted = path.join(root, "mounted");
    fs.mkdirSync(mounted);
    bindReadOnly(dir, mounted);
    try {
      expect(() => fs.writeFileSync(path.join(mounted, "x"), "")).toThrow(/EROFS/);
      const reader = openProgressReader({ dataDir: mounted, now: () => new Date(START), version: "0.1.0", onNotice: (message: string) => notices.push(message) });
      expect(reader.cards()).toEqual(folded(entries(0, 5)));
      reader.close();
      expect(caught(() => openProgressStore({ dataDir: mounted, now: () => new Date(START), version: "0.1.0", onNotice: () => {} })).code).toBe("store-unwritable");
    } finally {
      spawnSync("umount", [mounted]);
    }
  });
});

function canBindMount(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-mount-"));
  try {
    return spawnSync("mount", ["--bind", probe, probe]).status === 0 && spawnSync("umount", [probe]).status === 0;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

function bindReadOnly(from: string, to: string): void {
  expect(spawnSync("mount", ["--bind", from, to]).status).toBe(0);
  expect(spawnSync("mount", ["-o", "remount,ro,bind", to]).status).toBe(0);
}

describe("recording cost as history grows", () => {
  function seed(count: number): void {
    const cards = new Map<string, CardState>();
    const card = nextCardState(undefined, "good", new Date(START), SCHEDULING);
    for (let i = 0; i < count; i++) cards.set(`bank/q${i}`, card);
    writeSnapshot(storePaths(dir).snapshot, { writtenBy: "0.1.0", logBytes: 0, cards, tallies: new Map() });
  }

  /** Every write and rename the store makes while recording `count` answers. */
  function fileWorkOfRecording(count: number): { writes: number; bytes: number; other: string[] } {
    const work = { writes: 0, bytes: 0, other: [] as string[] };
    const counting = {
      ...fs,
      writeSync: ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
        work.writes++;
        work.bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
        return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
      }) as typeof fs.writeSync,
      writeFileSync: ((...args: Parameters<typeof fs.writeFileSync>) => {
        work.other.push(`writeFileSync ${String(args[0])}`);
        return fs.writeFileSync(...args);
      }) as typeof fs.writeFileSync,
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        work.other.push(`renameSync ${String(to)}`);
        return fs.renameSync(from, to);
      }) as typeof fs.renameSync,
    };
    const store = open({ fs: counting });
    const before = { ...work, other: [...work.other] };
    for (let i = 0; i < count; i++) store.record(entry(i, `bank/q${i}`));
    const during = { writes: work.writes - before.writes, bytes: work.bytes - before.bytes, other: work.other.slice(before.other.length) };
    store.close();
    return during;
  }

  it("writes one line per answer and nothing else, with 20,000 cards as with none", () => {
    const empty = fileWorkOfRecording(200);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    seed(20_000);
    const full = fileWorkOfRecording(200);
    expect(empty.writes).toBe(200);
    expect(full.writes).toBe(200);
    // The same answers make the same lines: no byte of the 20,000 cards is written while answering.
    expect(full.bytes).toBe(empty.bytes);
    expect(full.bytes / 200).toBeLessThan(300);
    expect(full.other).toEqual([]);
    expect(empty.other).toEqual([]);
  });
});

describe("memory store", () => {
  it("folds given entries and records like the real one", () => {
    const store = createMemoryStore({ entries: entries(0, 5), settings: { newPerDay: 3 } });
    store.record(entry(5));
    expect(store.entries()).toEqual(entries(0, 6));
    expect(store.cards()).toEqual(folded(entries(0, 6)));
    expect(store.settings.get("newPerDay")).toBe(3);
    store.close();
    expect(store.closed).toBe(true);
    expect(() => store.record(entry(6))).toThrow(/closed/);
  });

  it("matches a real store given the same answers", () => {
    const real = open();
    const memory = createMemoryStore();
    for (const answer of entries(0, 30)) {
      real.record(answer);
      memory.record(answer);
    }
    expect(memory.cards()).toEqual(real.cards());
  });
});

it("serializeSnapshot output is what readSnapshot reads (shape check)", () => {
  expect(JSON.parse(serializeSnapshot({ writtenBy: "x", logBytes: 0, cards: new Map(), tallies: new Map() }))).toMatchObject({ schemaVersion: 2, writtenBy: "x", logBytes: 0, cards: {}, tallies: {}, sections: {} });
});

describe("an undo line in the log", () => {
  it("read back from disk, with or without progress.json, leaves the card and the counts as if answered once", async () => {
    const { undoEntry } = await import("../../src/commands/session/answer-loop.js");
    const wrong = { ...entry(1), key: "bank/u", given: ["b"], correct: false, rating: "again" as const };
    const right = { ...entry(3), key: "bank/u" };
    const store = open();
    store.record(wrong);
    store.record(undoEntry(wrong, { card: undefined }, new Date(Date.parse(wrong.at) + 1_000)));
    store.record(right);
    const inSession = store.cards().get("bank/u");
    store.close();
    const alone = open({ dataDir: path.join(dir, "alone") });
    alone.record(right);
    const expected = alone.cards().get("bank/u");
    alone.close();
    expect(inSession).toEqual(expected);
    // From the log alone (no progress.json), and from progress.json with nothing after it.
    fs.rmSync(storePaths(dir).snapshot, { force: true });
    const fromLog = open();
    expect(fromLog.cards().get("bank/u")).toEqual(expected);
    expect(fromLog.tallies().get("bank/u")).toMatchObject({ answers: 1, correct: 1 });
    expect(fromLog.entries()).toHaveLength(3);
    fromLog.close();
    const fromSnapshot = open();
    expect(fromSnapshot.cards().get("bank/u")).toEqual(expected);
    expect(fromSnapshot.tallies().get("bank/u")?.recent).toHaveLength(1);
  });
});

describe("tally(key): one question's tally for a leech check, without parsing every card", () => {
  // Answers to another bank's questions, whose progress a lookup in "bank" must not parse.
  const otherBank = () => Array.from({ length: 50 }, (_, i) => entry(100 + i, `other/q${i}`));
  const parsedOtherBank = (parse: { mock: { calls: unknown[][] } }) => parse.mock.calls.filter(([text]) => typeof text === "string" && text.includes("other/"));

  it("gives what tallies() gives, from its bank's section, the log after it and this session's answers", () => {
    const first = open();
    first.recordAll([...entries(0, 40), ...otherBank()]);
    first.close();
    // An unfolded tail past the snapshot, with statement judgements on one answer.
    const second = open({ rewriteAfterBytes: 1e9 });
    second.recordAll([...entries(40, 50), { ...entry(50, "bank/s"), correct: false, rating: "again", items: [true, false] }]);
    second.close();
    const store = open({ rewriteAfterBytes: 1e9 });
    store.record(entry(51, "bank/q3"));
    const keys = ["bank/q0", "bank/q3", "bank/q6", "bank/s", "bank/s#2", "bank/s#1", "bank/none", "q3", "__proto__"];
    const parse = vi.spyOn(JSON, "parse");
    let got: unknown[];
    let before: ReturnType<ProgressStore["tally"]>;
    try {
      before = store.tally("bank/q3");
      // An answer recorded after the first lookup counts in the next.
      store.record(entry(52, "bank/q3"));
      got = keys.map((key) => store.tally(key));
      expect(parsedOtherBank(parse)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(got).toEqual(keys.map((key) => store.tallies().get(key)));
    expect(before?.answers).toBe((store.tallies().get("bank/q3")?.answers ?? 0) - 1);
    expect(store.tally("bank/s#2")).toMatchObject({ answers: 1, correct: 0 });
    expect(store.tally("bank/s#1")).toBeUndefined();
  });

  it("counts nothing twice when another session saves a newer snapshot just before the lookup reads it", () => {
    const first = open();
    first.recordAll(entries(0, 20));
    first.close();
    const second = open({ rewriteAfterBytes: 1e9 });
    second.recordAll(entries(20, 30));
    second.close();
    // The other session folds the tail into a new progress.json the moment this one reads it.
    let raced = false;
    let lookingUp = false;
    const racing = new Proxy(fs, {
      get(target, name, receiver) {
        if (name !== "openSync") return Reflect.get(target, name, receiver);
        return (file: fs.PathLike, ...rest: unknown[]) => {
          if (lookingUp && !raced && String(file).endsWith("progress.json")) {
            raced = true;
            const other = open({ rewriteAfterBytes: 0 });
            other.record(entry(30, "bank/q1"));
            other.close();
          }
          return (target.openSync as (...args: unknown[]) => unknown)(file, ...rest);
        };
      },
    });
    const store = open({ rewriteAfterBytes: 1e9, fs: racing as never });
    lookingUp = true;
    const tally = store.tally("bank/q1");
    const card = store.card("bank/q1");
    expect(raced).toBe(true);
    const truth = open({ rewriteAfterBytes: 1e9 });
    expect(tally).toEqual(truth.tallies().get("bank/q1"));
    expect(card).toEqual(truth.cards().get("bank/q1"));
  });

  it("reads a progress.json from before sections whole, and the next close rewrites it with them", () => {
    const first = open();
    first.recordAll([...entries(0, 20), ...otherBank()]);
    first.close();
    const file = storePaths(dir).snapshot;
    const { sections: _sections, sectionsAt: _at, ...before } = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    fs.writeFileSync(file, `${JSON.stringify(before)}\n`);
    // Nothing new to add, and rewritten all the same: once, so later sessions read only their banks.
    const store = open({ rewriteAfterBytes: 1e9 });
    const truth = new Map(store.tallies());
    const upgraded = open({ rewriteAfterBytes: 1e9 });
    expect(upgraded.tally("bank/q1")).toEqual(truth.get("bank/q1"));
    expect(upgraded.close()).toEqual({ snapshot: "saved" });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ ...before, sections: { bank: expect.any(Array), other: expect.any(Array) } });
    expect(open({ rewriteAfterBytes: 1e9 }).close()).toEqual({ snapshot: "unchanged" });
  });

  it("card(key) gives what cards() gives, question and statements folded together, parsing only their bank's", () => {
    const first = open();
    first.recordAll([...entries(0, 30), { ...entry(30, "bank/s"), correct: false, rating: "again", items: [true, false] }, ...otherBank()]);
    first.close();
    const second = open({ rewriteAfterBytes: 1e9 });
    // After the snapshot: a right answer to the question (capped by its weak statement), and a check.
    second.recordAll([...entries(31, 40), { ...entry(41, "bank/s"), correct: true, rating: "good", items: [true, true] }, { ...entry(42, "bank/s#2"), correct: true, rating: "good" }]);
    second.close();
    // The cards as a whole fold gives them before this session records anything.
    const fresh = open({ rewriteAfterBytes: 1e9 });
    const before = new Map(fresh.cards());
    fresh.close();
    const store = open({ rewriteAfterBytes: 1e9 });
    const keys = ["bank/q0", "bank/q3", "bank/s", "bank/s#2", "bank/s#1", "bank/none"];
    const parse = vi.spyOn(JSON, "parse");
    let got: unknown[];
    try {
      got = keys.map((key) => store.card(key));
      store.record(entry(43, "bank/q3"));
      got.push(store.card("bank/q3"));
      expect(parsedOtherBank(parse)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(got).toEqual([...keys.map((key) => before.get(key)), store.cards().get("bank/q3")]);
    expect(got[1]).not.toEqual(got.at(-1));
    expect(got[2]).toBeDefined();
  });
});
