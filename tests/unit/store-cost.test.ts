// The shape of a session's file work, which is what makes its cost independent of history: a session
// reads progress.json's header and the log past its offset, a close rewrites progress.json at most once
// and only when the unfolded tail is large, and readers never read the log before the snapshot's
// offset. No timing here: counts of reads and writes through an injected StoreFs.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Rating, ReviewLogEntry } from "../../src/core/review.js";
import { foldReviews, type CardState } from "../../src/core/scheduler.js";
import { foldTallies } from "../../src/core/tally.js";
import { openProgressReader } from "../../src/store/progress-reader.js";
import { openProgressStore, storePaths, type ProgressStoreOptions } from "../../src/store/progress-store.js";
import { toLogLine } from "../../src/store/log-entry.js";
import type { StoreFs } from "../../src/store/store-fs.js";
import { SCHEDULING } from "../fixtures/scheduling.js";
import { bankPart } from "../../src/store/snapshot.js";

const START = Date.parse("2024-05-01T10:00:00.000Z");
const RATINGS: Rating[] = ["good", "again", "easy", "hard"];

function entry(n: number, key = `bank/q${n % 50}`): ReviewLogEntry {
  const rating = RATINGS[n % 4]!;
  return { at: new Date(START + n * 60_000).toISOString(), key, given: ["a"], correct: rating !== "again", ms: 3000 + n, rating, mode: "review" };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => entry(from + i));
const folded = (list: readonly ReviewLogEntry[]): Map<string, CardState> => foldReviews(new Map(), list, SCHEDULING);

interface FileWork {
  /** Every positioned read: the file, where it started and how many bytes were asked for. */
  readonly reads: { file: string; position: number; length: number }[];
  /** Files read whole with readFileSync. */
  readonly wholeReads: string[];
  /** Targets of every rename (a durable write renames its temp file over the target). */
  readonly renames: string[];
  /** The file of every write and every fsync, in order. */
  readonly writes: string[];
  readonly fsyncs: string[];
}

function countingFs(): { fs: StoreFs; work: FileWork } {
  const work: FileWork = { reads: [], wholeReads: [], renames: [], writes: [], fsyncs: [] };
  const files = new Map<number, string>();
  const counting = {
    ...fs,
    openSync: ((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
      files.set(fd, String(file));
      return fd;
    }) as typeof fs.openSync,
    readSync: ((fd: number, buffer: NodeJS.ArrayBufferView, offset: number, length: number, position: number) => {
      work.reads.push({ file: files.get(fd) ?? "?", position, length });
      return fs.readSync(fd, buffer, offset, length, position);
    }) as typeof fs.readSync,
    readFileSync: ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      work.wholeReads.push(String(file));
      return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync,
    writeSync: ((fd: number, ...rest: unknown[]) => {
      work.writes.push(files.get(fd) ?? "?");
      return (fs.writeSync as (...args: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync,
    fsyncSync: ((fd: number) => {
      work.fsyncs.push(files.get(fd) ?? "?");
      return fs.fsyncSync(fd);
    }) as typeof fs.fsyncSync,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
      work.renames.push(String(to));
      return fs.renameSync(from, to);
    }) as typeof fs.renameSync,
  };
  return { fs: counting, work };
}

let dir: string;
let notices: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-cost-"));
  notices = [];
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const options = (extra: Partial<ProgressStoreOptions> = {}): ProgressStoreOptions => ({
  dataDir: dir,
  now: () => new Date(START + 10_000 * 60_000),
  version: "0.1.0",
  onNotice: (message) => notices.push(message),
  ...extra,
});

function session(list: readonly ReviewLogEntry[], extra: Partial<ProgressStoreOptions> = {}) {
  const store = openProgressStore(options(extra));
  for (const answer of list) store.record(answer);
  return store.close();
}

describe("a session's file work", () => {
  it("leaves progress.json as it is when the tail is small, and the next open folds the tail", () => {
    const { snapshot } = storePaths(dir);
    expect(session(range(0, 20))).toEqual({ snapshot: "saved" });
    const saved = fs.readFileSync(snapshot);
    expect(session(range(20, 40))).toEqual({ snapshot: "unchanged" });
    expect(fs.readFileSync(snapshot)).toEqual(saved);

    const store = openProgressStore(options());
    expect(store.cards()).toEqual(folded(range(0, 40)));
    expect(store.tallies()).toEqual(foldTallies(new Map(), range(0, 40)));
    store.close();
    const reader = openProgressReader(options());
    expect(reader.cards()).toEqual(folded(range(0, 40)));
    reader.close();
    expect(notices).toEqual([]);
  });

  it("rewrites progress.json exactly once at a close whose tail is past the threshold", () => {
    session(range(0, 5));
    const { fs: counting, work } = countingFs();
    const store = openProgressStore(options({ fs: counting, rewriteAfterBytes: 2_000 }));
    for (const answer of range(5, 40)) store.record(answer);
    expect(store.close()).toEqual({ snapshot: "saved" });
    const { snapshot, log } = storePaths(dir);
    expect(work.renames.filter((target) => target === snapshot)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(snapshot, "utf8")).logBytes).toBe(fs.statSync(log).size);
  });

  it("reads no more than progress.json's header and end while answering, whatever the number of cards", () => {
    // 5,000 cards in progress.json, then a session of 10 answers and a close with a small tail.
    session(Array.from({ length: 5_000 }, (_, n) => entry(n, `bank/c${n}`)));
    const { snapshot } = storePaths(dir);
    expect(fs.statSync(snapshot).size).toBeGreaterThan(1_000_000);
    const { fs: counting, work } = countingFs();
    const store = openProgressStore(options({ fs: counting }));
    for (const answer of range(5_000, 5_010)) store.record(answer);
    expect(store.close()).toEqual({ snapshot: "unchanged" });
    expect(work.wholeReads).not.toContain(snapshot);
    const snapshotBytes = work.reads.filter((read) => read.file === snapshot).reduce((sum, read) => sum + read.length, 0);
    // Two peeks (at open and at close), each the first 256 bytes and the last 40.
    expect(snapshotBytes).toBeLessThanOrEqual(2 * (256 + 40));
  });

  it("reads only the asked bank's section of progress.json for a card and a tally, whatever the other banks hold", () => {
    // 5,000 cards of another bank, and a few of this one.
    session([...Array.from({ length: 5_000 }, (_, n) => entry(n, `big/c${n}`)), ...range(5_000, 5_010)]);
    const { snapshot } = storePaths(dir);
    const size = fs.statSync(snapshot).size;
    const { fs: counting, work } = countingFs();
    const store = openProgressStore(options({ fs: counting }));
    const key = range(5_000, 5_001)[0]?.key ?? "";
    expect(store.card(key)).toBeDefined();
    expect(store.tally(key)?.answers).toBeGreaterThan(0);
    store.close();
    expect(work.wholeReads).not.toContain(snapshot);
    const snapshotBytes = work.reads.filter((read) => read.file === snapshot).reduce((sum, read) => sum + read.length, 0);
    expect(snapshotBytes).toBeLessThan(size / 50);
  });

  it("lets a reader give one bank's progress from that bank's part alone, as the whole fold gives it", () => {
    session([...Array.from({ length: 5_000 }, (_, n) => entry(n, `big/c${n}`)), ...range(5_000, 5_020)]);
    // And a tail past the snapshot, of both banks.
    session([...range(5_020, 5_030), entry(5_030, "big/c1")], { rewriteAfterBytes: 1e9 });
    const { snapshot } = storePaths(dir);
    const size = fs.statSync(snapshot).size;
    const { fs: counting, work } = countingFs();
    const reader = openProgressReader(options({ fs: counting }));
    const mine = reader.bankProgress("bank");
    expect(mine.cards.size).toBeGreaterThan(0);
    expect(work.wholeReads).not.toContain(snapshot);
    const snapshotBytes = work.reads.filter((read) => read.file === snapshot).reduce((sum, read) => sum + read.length, 0);
    expect(snapshotBytes).toBeLessThan(size / 50);
    const whole = openProgressReader(options());
    expect(mine).toEqual(bankPart({ cards: whole.cards(), tallies: whole.tallies() }, "bank"));
    expect(reader.bankProgress("big")).toEqual(bankPart({ cards: whole.cards(), tallies: whole.tallies() }, "big"));
    reader.close();
    whole.close();
  });

  it("reads the whole file when a bank's part is damaged, and says so, as a whole read of it would", () => {
    session([...Array.from({ length: 50 }, (_, n) => entry(n, `big/c${n}`)), ...range(50, 60)]);
    const { snapshot } = storePaths(dir);
    const text = fs.readFileSync(snapshot, "utf8");
    // Same length, so the index still points right: a card of "bank" in a phase prelim never writes.
    const at = text.indexOf('"state":"', text.indexOf('"bank/'));
    fs.writeFileSync(snapshot, `${text.slice(0, at)}"state":"X${text.slice(at + 10)}`);
    const reader = openProgressReader(options());
    const mine = reader.bankProgress("bank");
    reader.close();
    expect(notices.join("\n")).toContain("could not be read");
    // Worked out from the log instead: every answer still counts.
    expect(mine.cards).toEqual(bankPart({ cards: folded(range(50, 60)), tallies: new Map() }, "bank").cards);
  });

  it("lets a reader (review, stats) read no byte of the log before the snapshot's offset", () => {
    session(range(0, 300));
    session(range(300, 310));
    const { log, snapshot } = storePaths(dir);
    const offset = JSON.parse(fs.readFileSync(snapshot, "utf8")).logBytes as number;
    expect(offset).toBeLessThan(fs.statSync(log).size);

    const { fs: counting, work } = countingFs();
    const reader = openProgressReader(options({ fs: counting }));
    expect(reader.cards()).toEqual(folded(range(0, 310)));
    expect(reader.tallies()).toEqual(foldTallies(new Map(), range(0, 310)));
    reader.close();
    expect(work.wholeReads).not.toContain(log);
    // The one byte before the offset is read to check that a line starts there.
    const before = work.reads.filter((read) => read.file === log && read.position < offset);
    expect(before.map((read) => [offset - read.position, read.length])).toEqual([[1, 1]]);
  });
});

describe("a submitted mock's answers", () => {
  it("reach the log in one write and one fsync, and count as the same answers recorded one by one", () => {
    session(range(0, 5));
    const { fs: counting, work } = countingFs();
    const store = openProgressStore(options({ fs: counting }));
    store.cards();
    store.recordAll(range(5, 105));
    const { log } = storePaths(dir);
    expect(work.writes.filter((file) => file === log)).toHaveLength(1);
    expect(work.fsyncs.filter((file) => file === log)).toHaveLength(1);
    expect(store.cards()).toEqual(folded(range(0, 105)));
    expect(store.tallies()).toEqual(foldTallies(new Map(), range(0, 105)));
    expect(store.entries()).toEqual(range(0, 105));
    store.close();
    expect(fs.readFileSync(log, "utf8")).toBe(range(0, 105).map(toLogLine).join(""));
  });

  it("are checked before any is written: one bad entry, none in the log", () => {
    const store = openProgressStore(options());
    const bad = { ...entry(3), rating: "meh" } as unknown as ReviewLogEntry;
    expect(() => store.recordAll([entry(1), entry(2), bad])).toThrow(TypeError);
    store.close();
    expect(fs.existsSync(storePaths(dir).log) ? fs.readFileSync(storePaths(dir).log, "utf8") : "").toBe("");
  });
});

describe("schema version 1", () => {
  it("is migrated after a backup, and the fold starts over from the log: cards and tallies as the log says", () => {
    const answers = range(0, 30);
    const { log, snapshot } = storePaths(dir);
    fs.writeFileSync(log, answers.map(toLogLine).join(""));
    const v1 = `${JSON.stringify({ schemaVersion: 1, writtenBy: "0.1.0", logBytes: fs.statSync(log).size, cards: Object.fromEntries(folded(answers)) })}\n`;
    fs.writeFileSync(snapshot, v1);

    // As for any log whose tail is past the threshold (a long history folded from 0), the first close
    // writes the whole fold.
    const store = openProgressStore(options({ rewriteAfterBytes: 1_000 }));
    expect(JSON.parse(fs.readFileSync(snapshot, "utf8"))).toMatchObject({ schemaVersion: 2, logBytes: 0 });
    expect(store.cards()).toEqual(folded(answers));
    expect(store.tallies()).toEqual(foldTallies(new Map(), answers));
    expect(store.close()).toEqual({ snapshot: "saved" });
    expect(fs.readFileSync(`${snapshot}.bak-v1`, "utf8")).toBe(v1);
    const written = JSON.parse(fs.readFileSync(snapshot, "utf8"));
    expect(written).toMatchObject({ schemaVersion: 2, logBytes: fs.statSync(log).size });
    expect(Object.keys(written.tallies)).toHaveLength(30);
    expect(notices).toEqual([]);
  });

  it("is read by a reader without being changed: progress comes from the whole log", () => {
    const answers = range(0, 30);
    const { log, snapshot } = storePaths(dir);
    fs.writeFileSync(log, answers.map(toLogLine).join(""));
    const v1 = `${JSON.stringify({ schemaVersion: 1, writtenBy: "0.1.0", logBytes: fs.statSync(log).size, cards: {} })}\n`;
    fs.writeFileSync(snapshot, v1);
    const reader = openProgressReader(options());
    expect(reader.cards()).toEqual(folded(answers));
    reader.close();
    expect(fs.readFileSync(snapshot, "utf8")).toBe(v1);
  });
});
