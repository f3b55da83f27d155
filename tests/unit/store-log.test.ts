import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReviewLogEntry } from "../../src/core/review.js";
import { toLogLine } from "../../src/store/log-entry.js";
import { openReviewLog, type ReviewLog } from "../../src/store/review-log.js";
import { StoreError } from "../../src/store/store-error.js";

const NOW = new Date("2024-05-01T10:00:00.000Z");

function entry(n: number): ReviewLogEntry {
  return { at: new Date(NOW.getTime() + n * 1000).toISOString(), key: `bank/q${n}`, given: ["b"], correct: n % 2 === 0, ms: 1000 + n, rating: n % 2 === 0 ? "good" : "again", mode: "practice" };
}

let dir: string;
let file: string;
let notices: string[];
let log: ReviewLog | undefined;

/** The real file system with some calls replaced: the store's fs is a parameter, so no global spy is needed. */
function fsWith(overrides: Partial<typeof fs>): typeof fs {
  return { ...fs, ...overrides } as typeof fs;
}

/** Counts the calls made through it. */
function countingFs(): { fsys: typeof fs; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const counted = <K extends "writeSync" | "fsyncSync">(name: K) =>
    ((...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as (typeof fs)[K];
  return { fsys: fsWith({ writeSync: counted("writeSync"), fsyncSync: counted("fsyncSync") }), calls };
}

function open(fsys: typeof fs = fs): ReviewLog {
  log = openReviewLog(file, { fs: fsys, now: () => NOW, onNotice: (message) => notices.push(message) });
  return log;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  file = path.join(dir, "reviews.jsonl");
  notices = [];
});

afterEach(() => {
  log?.close();
  log = undefined;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("review log", () => {
  it("appends one line per entry and reads them back in order", () => {
    const { fsys, calls } = countingFs();
    const reviewLog = open(fsys);
    reviewLog.append(entry(1));
    reviewLog.append(entry(2));
    expect(calls.writeSync).toBe(2);
    expect(calls.fsyncSync).toBe(2);
    const text = fs.readFileSync(file, "utf8");
    expect(text.split("\n")).toHaveLength(3);
    expect(reviewLog.read()).toEqual({ entries: [entry(1), entry(2)], endByte: Buffer.byteLength(text), needsRepair: false, aheadOfClock: 0 });
  });

  it("reads from a byte offset", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    const middle = reviewLog.size();
    reviewLog.append(entry(2));
    expect(reviewLog.read({ fromByte: middle }).entries).toEqual([entry(2)]);
    expect(reviewLog.isLineStart(middle)).toBe(true);
    expect(reviewLog.isLineStart(middle - 3)).toBe(false);
    expect(reviewLog.isLineStart(reviewLog.size() + 10)).toBe(false);
  });

  it("sets a torn last line aside, keeps the complete ones and truncates the log", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    reviewLog.append(entry(2));
    const good = reviewLog.size();
    fs.appendFileSync(file, '{"at":"2024-05-01T10:00:09.000Z","key":"bank/q');
    const read = reviewLog.read({ repairTornTail: true });
    expect(read.entries).toEqual([entry(1), entry(2)]);
    expect(read.endByte).toBe(good);
    expect(fs.statSync(file).size).toBe(good);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith("reviews.jsonl.torn-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), "utf8")).toBe('{"at":"2024-05-01T10:00:09.000Z","key":"bank/q');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(path.join(dir, aside[0]!));
    reviewLog.append(entry(3));
    expect(reviewLog.read().entries).toEqual([entry(1), entry(2), entry(3)]);
  });

  it("keeps a complete last entry whose newline is missing and restores the newline on repair", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    reviewLog.append(entry(2));
    const full = reviewLog.size();
    fs.truncateSync(file, full - 1);
    const plain = reviewLog.read();
    expect(plain.entries).toEqual([entry(1)]);
    expect(plain.unterminated).toEqual(entry(2));
    expect(fs.statSync(file).size).toBe(full - 1);
    const repaired = reviewLog.read({ repairTornTail: true });
    expect(repaired).toEqual({ entries: [entry(1), entry(2)], endByte: full, needsRepair: false, aheadOfClock: 0 });
    expect(fs.statSync(file).size).toBe(full);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".torn-"))).toEqual([]);
    expect(notices).toEqual([]);
    reviewLog.append(entry(3));
    expect(reviewLog.read().entries).toEqual([entry(1), entry(2), entry(3)]);
  });

  it("sets aside a last line without newline that is JSON but not a valid entry", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    const good = reviewLog.size();
    fs.appendFileSync(file, JSON.stringify({ ...entry(2), rating: "perfect" }));
    expect(reviewLog.read({ repairTornTail: true })).toEqual({ entries: [entry(1)], endByte: good, needsRepair: false, aheadOfClock: 0 });
    expect(fs.statSync(file).size).toBe(good);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".torn-"))).toHaveLength(1);
  });

  it("does not cut an answer another session appends while the torn tail is being set aside", () => {
    let other: ReviewLog | undefined;
    let renames = 0;
    // The other session's append lands while the aside copy is being written (before the cut).
    const reviewLog = open(
      fsWith({
        renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
          if (renames++ === 0) other?.append(entry(2));
          return fs.renameSync(from, to);
        }) as typeof fs.renameSync,
      }),
    );
    reviewLog.append(entry(1));
    fs.appendFileSync(file, '{"at":"2024-05-01T10:00:09.000Z","key":"bank/q');
    other = openReviewLog(file, { now: () => NOW, onNotice: () => {} });
    reviewLog.read({ repairTornTail: true });
    expect(renames).toBeGreaterThan(0);
    other.close();
    expect(reviewLog.read().entries).toEqual([entry(1), entry(2)]);
  });

  it("treats a last line of zeros (a crash after the size grew) as torn", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    fs.appendFileSync(file, Buffer.alloc(64));
    expect(reviewLog.read({ repairTornTail: true }).entries).toEqual([entry(1)]);
    expect(fs.readFileSync(file, "utf8")).not.toContain("\0");
  });

  it("without repair, stops before a torn tail and changes nothing", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    const good = reviewLog.size();
    fs.appendFileSync(file, '{"at":');
    expect(reviewLog.read()).toEqual({ entries: [entry(1)], endByte: good, needsRepair: true, aheadOfClock: 0 });
    expect(fs.statSync(file).size).toBe(good + 6);
    expect(notices).toEqual([]);
  });

  it("reads an answer appended right after a torn tail left by another session, with no newline added", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    const torn = '{"at":"2024-05-01T10:00:09.000Z","key":"bank/q';
    fs.appendFileSync(file, torn);
    reviewLog.append(entry(2));
    expect(fs.readFileSync(file, "utf8")).toBe(toLogLine(entry(1)) + torn + toLogLine(entry(2)));
    expect(reviewLog.read({ reportSkipped: true }).entries).toEqual([entry(1), entry(2)]);
    expect(notices.join("\n")).toMatch(/Skipped 1 unreadable line/);
  });

  it("reads two entries run together on one line (a lost newline, then another session's append)", () => {
    const reviewLog = open();
    fs.writeFileSync(file, toLogLine(entry(1)).trimEnd() + toLogLine(entry(2)));
    expect(reviewLog.read({ repairTornTail: true, reportSkipped: true }).entries).toEqual([entry(1), entry(2)]);
    expect(notices).toEqual([]);
  });

  it("reads the first answer of a log that starts with a BOM", () => {
    fs.writeFileSync(file, `\uFEFF${toLogLine(entry(1))}${toLogLine(entry(2))}`);
    const reviewLog = open();
    expect(reviewLog.read({ repairTornTail: true, reportSkipped: true }).entries).toEqual([entry(1), entry(2)]);
    expect(notices).toEqual([]);
  });

  it("treats a log holding only a BOM as empty, and appends after it", () => {
    fs.writeFileSync(file, "\uFEFF");
    const reviewLog = open();
    expect(reviewLog.read({ repairTornTail: true, reportSkipped: true })).toEqual({ entries: [], endByte: 0, needsRepair: false, aheadOfClock: 0 });
    expect(reviewLog.tailNeedsRepair()).toBe(false);
    reviewLog.append(entry(1));
    expect(reviewLog.read()).toMatchObject({ entries: [entry(1)], endByte: reviewLog.size() });
    expect(notices).toEqual([]);
  });

  it("skips and reports bad lines in the middle without failing", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    fs.appendFileSync(file, "garbage\n");
    fs.appendFileSync(file, `${JSON.stringify({ ...entry(9), rating: "perfect" })}\n`);
    fs.appendFileSync(file, `${JSON.stringify({ ...entry(9), at: "yesterday" })}\n`);
    fs.appendFileSync(file, "null\n\n");
    reviewLog.append(entry(2));
    const before = fs.readFileSync(file);
    const read = reviewLog.read({ repairTornTail: true, reportSkipped: true });
    expect(read.entries).toEqual([entry(1), entry(2)]);
    expect(fs.readFileSync(file)).toEqual(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Skipped 4 unreadable lines/);
    expect(notices[0]).toContain("`rating`");
  });

  it("keeps a final line that is JSON but not an entry: unreadable, not torn", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    fs.appendFileSync(file, '{"future":"format"}\n');
    const size = fs.statSync(file).size;
    const read = reviewLog.read({ repairTornTail: true });
    expect(read.entries).toEqual([entry(1)]);
    expect(read.endByte).toBe(size);
    expect(fs.statSync(file).size).toBe(size);
  });

  it("raises at once on a full disk and leaves no partial line", () => {
    let full = false;
    const reviewLog = open(
      fsWith({
        writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
          if (full) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
          return fs.writeSync(...args);
        }) as typeof fs.writeSync,
      }),
    );
    reviewLog.append(entry(1));
    const size = reviewLog.size();
    full = true;
    expect(() => reviewLog.append(entry(2))).toThrow(expect.objectContaining({ code: "store-disk-full" }));
    expect(reviewLog.size()).toBe(size);
    expect(reviewLog.read().entries).toEqual([entry(1)]);
  });

  it("undoes a short append and raises", () => {
    let short = false;
    const reviewLog = open(
      fsWith({
        // A full disk can write part of a line and return normally (RELIABILITY.md fact 1).
        writeSync: ((fd: number, data: Buffer) => fs.writeSync(fd, short ? data.subarray(0, 10) : data)) as typeof fs.writeSync,
      }),
    );
    reviewLog.append(entry(1));
    const size = reviewLog.size();
    short = true;
    let error: unknown;
    try {
      reviewLog.append(entry(2));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain(file);
    expect(reviewLog.size()).toBe(size);
  });

  it("refuses to append to a log that was deleted while open", () => {
    const reviewLog = open();
    reviewLog.append(entry(1));
    fs.rmSync(file);
    expect(() => reviewLog.append(entry(2))).toThrow(StoreError);
  });
});
