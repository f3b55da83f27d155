// The journal of a mock in progress on disk: a new attempt's journal exists from its first write (or
// start()), not before; one that cannot be created says why with a StoreError and leaves nothing behind;
// and opening a store reads the journal folder once, handing back the attempts it left for the notice.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExam } from "../../src/core/exam.js";
import { JOURNAL_VERSION, journalState, type NewJournalHeader } from "../../src/core/attempt-journal.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { completeSubmissions, journalFolder, newJournal, readJournals } from "../../src/store/mock-journal.js";
import { StoreError } from "../../src/store/store-error.js";
import type { StoreFs } from "../../src/store/store-fs.js";

const STARTED = new Date("2026-03-01T09:00:00.000Z");

function header(id: string, extra: Partial<NewJournalHeader> = {}): NewJournalHeader {
  return {
    type: "start",
    v: JOURNAL_VERSION,
    id,
    startedAt: STARTED.toISOString(),
    seed: 7,
    banks: ["bank"],
    title: "Mock test · bank",
    timeLimitMs: 600_000,
    marking: { correct: 2, wrong: -0.66, unanswered: 0 },
    questions: [
      { key: "bank/q1", order: [0, 1, 2, 3] },
      { key: "bank/q2", order: [3, 2, 1, 0] },
    ],
    scripted: false,
    ...extra,
  };
}

const exam = () => createExam([{ options: 4, multiple: false }, { options: 4, multiple: false }], STARTED.getTime());

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-journal-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const onDisk = (): string[] => (fs.existsSync(journalFolder(dir)) ? fs.readdirSync(journalFolder(dir)) : []);

describe("a new attempt's journal", () => {
  it("is not on disk until its first write, which puts the header and that state there", () => {
    const journal = newJournal(dir, header("20260301-090000-7"));
    expect(onDisk()).toEqual([]);
    expect(journal.id).toBe("20260301-090000-7");
    journal.write(journalState(exam(), 1_500, STARTED, STARTED.getTime()));
    expect(onDisk()).toEqual(["20260301-090000-7.jsonl"]);
    const [read] = readJournals(dir);
    expect(read?.header.id).toBe("20260301-090000-7");
    expect(read?.state?.usedMs).toBe(1_500);
    journal.close();
  });

  it("does not take the id of an attempt already submitted (begun in the same second, its journal gone)", () => {
    // Another sitting of the same second and seed, submitted before this one's first change.
    fs.writeFileSync(path.join(dir, "mock-attempts.jsonl"), `${JSON.stringify({ v: 1, id: "20260301-090000-7", at: STARTED.toISOString() })}\n`);
    const journal = newJournal(dir, header("20260301-090000-7"));
    journal.write(journalState(exam(), 1_000, STARTED, STARTED.getTime()));
    expect(journal.id).toBe("20260301-090000-7-2");
    journal.close();
    // So the next open leaves it for --resume rather than completing it as that attempt's submission.
    const done = completeSubmissions(dir, createMemoryStore());
    expect(done.unfinished.map((attempt) => attempt.header.id)).toEqual(["20260301-090000-7-2"]);
    expect(onDisk()).toEqual(["20260301-090000-7-2.jsonl"]);
  });

  it("start() puts it there with its header alone, once, and takes the next free id when its own is taken", () => {
    newJournal(dir, header("20260301-090000-7")).start();
    const second = newJournal(dir, header("20260301-090000-7"));
    expect(second.id).toBe("20260301-090000-7");
    second.start();
    second.start();
    expect(second.id).toBe("20260301-090000-7-2");
    expect(second.file).toBe(path.join(journalFolder(dir), "20260301-090000-7-2.jsonl"));
    expect(onDisk().sort()).toEqual(["20260301-090000-7-2.jsonl", "20260301-090000-7.jsonl"]);
    expect(readJournals(dir).map((attempt) => attempt.state)).toEqual([undefined, undefined]);
    second.close();
  });

  it("that cannot be created throws a StoreError from the write, leaves no temp file, and tries again on the next call", () => {
    let full = true;
    const failing: StoreFs = {
      ...fs,
      writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
        if (full) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        return (fs.writeSync as (...rest: unknown[]) => number)(...args);
      }) as typeof fs.writeSync,
    };
    const journal = newJournal(dir, header("20260301-090000-7"), failing);
    const state = journalState(exam(), 0, STARTED, STARTED.getTime());
    expect(() => journal.write(state)).toThrow(StoreError);
    expect(() => journal.write(state)).toThrow(/^Could not start the mock attempt in .*20260301-090000-7\.jsonl: the disk is full \(ENOSPC\)/);
    expect(onDisk()).toEqual([]);
    full = false;
    journal.write(state);
    expect(onDisk()).toEqual(["20260301-090000-7.jsonl"]);
    journal.close();
  });

  it("with a file where its folder goes, says so (no internal error)", () => {
    fs.writeFileSync(journalFolder(dir), "");
    expect(readJournals(dir)).toEqual([]);
    const journal = newJournal(dir, header("20260301-090000-7"));
    expect(() => journal.start()).toThrow(/Could not start the mock attempt in .*: a (file is in the way of a folder|part of the path is a file, not a folder)/);
    journal.close();
  });
});

/** A StoreFs that counts what is listed and read in the journal folder. */
function countingFs(): { fs: StoreFs; listed: string[]; read: string[] } {
  const listed: string[] = [];
  const read: string[] = [];
  const counting: StoreFs = {
    ...fs,
    readdirSync: ((folder: fs.PathLike, ...rest: unknown[]) => {
      listed.push(String(folder));
      return (fs.readdirSync as (...args: unknown[]) => unknown)(folder, ...rest);
    }) as typeof fs.readdirSync,
    readFileSync: ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      read.push(path.basename(String(file)));
      return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync,
  };
  return { fs: counting, listed, read };
}

describe("opening a store with journals left over", () => {
  it("lists the folder once and reads each journal once, handing back the unfinished ones; a scripted run's goes", () => {
    for (const id of ["20260301-090000-1", "20260301-090100-2"]) newJournal(dir, header(id)).start();
    newJournal(dir, header("20260301-090200-3", { scripted: true })).start();
    // A temp file of a process that died while starting an attempt goes too, from the same listing.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    fs.writeFileSync(path.join(journalFolder(dir), `.start-${dead}.tmp`), "{");
    const counted = countingFs();
    const done = completeSubmissions(dir, createMemoryStore(), counted.fs);
    expect(counted.listed).toEqual([journalFolder(dir)]);
    expect(counted.read.sort()).toEqual(["20260301-090000-1.jsonl", "20260301-090100-2.jsonl", "20260301-090200-3.jsonl"]);
    expect(done).toMatchObject({ completed: 0, entries: 0 });
    expect(done.unfinished.map((attempt) => attempt.header.id)).toEqual(["20260301-090000-1", "20260301-090100-2"]);
    expect(onDisk().sort()).toEqual(["20260301-090000-1.jsonl", "20260301-090100-2.jsonl"]);
  });

  it("with no journal folder yet, asks once and reads nothing", () => {
    const counted = countingFs();
    expect(completeSubmissions(dir, createMemoryStore(), counted.fs)).toEqual({ completed: 0, entries: 0, unfinished: [] });
    expect(counted.listed).toHaveLength(1);
    expect(counted.read).toEqual([]);
  });
});
