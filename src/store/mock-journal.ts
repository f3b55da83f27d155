// Mock attempts in progress, one journal file each in <dataDir>/mock-in-progress/<id>.jsonl: the header,
// then one line per change of the exam's state, each appended and fsynced before the screen shows the
// change, the way practice answers are. kill -9, a closed terminal or a power cut loses nothing given.
// A journal is removed only once its attempt and every review-log entry of it are on disk.
//
// A new attempt's journal is created at its first write (the first change, or the clock's first
// record of the time used, a second in) or when the sitting is left or submitted, not before the first
// question is drawn: its two fsyncs were most of what the mock did before its first screen, and a kill
// before any change loses nothing but a paper with no answer on it.

import fs from "node:fs";
import path from "node:path";
import { parseHeader, parseState, type JournalHeader, type JournalState, type NewJournalHeader, type NewJournalState } from "../core/attempt-journal.js";
import { completionEntries } from "../core/attempt.js";
import type { ReviewLogEntry } from "../core/review.js";
import { attemptsFile, readAttempts } from "./attempts.js";
import { appendLine } from "./append-line.js";
import { isProcessAlive } from "./lock.js";
import { closeQuietly, nodeFs, removeQuietly, storeFailure, syncFolder, type StoreFs } from "./store-fs.js";

export const JOURNAL_FOLDER = "mock-in-progress";

export interface OpenJournal {
  /** The attempt's id; a new journal's may change when it is created (two attempts begun in the same second). */
  readonly id: string;
  readonly file: string;
  /** Puts the journal on disk, its header alone, if nothing has yet; write does so itself. */
  start(): void;
  /** On disk when this returns. */
  write(state: NewJournalState): void;
  close(): void;
}

export interface UnfinishedAttempt {
  readonly header: JournalHeader;
  /** The last complete state; undefined when the attempt ended before its first change. */
  readonly state: JournalState | undefined;
  readonly file: string;
  /** Whether the process that last wrote it is still running (another terminal sitting it now). */
  readonly live: boolean;
}

export function journalFolder(dataDir: string): string {
  return path.join(dataDir, JOURNAL_FOLDER);
}

/** A name for a new attempt: when it began and its seed, readable in `--resume <id>`. */
export function attemptId(startedAt: Date, seed: number): string {
  return `${startedAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}-${seed}`;
}

function opened(id: string, file: string, fd: number, fsys: StoreFs): OpenJournal {
  let closed = false;
  return {
    id,
    file,
    start() {},
    write(state) {
      try {
        appendLine(fd, Buffer.from(`${JSON.stringify({ ...state, pid: process.pid })}\n`, "utf8"), fsys);
      } catch (error) {
        throw storeFailure(error, "save the mock attempt to", file);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      fsys.closeSync(fd);
    },
  };
}

/** For a test run with --no-record: the same calls, nothing written. */
export function unrecordedJournal(id: string): OpenJournal {
  return { id, file: "", start: () => {}, write: () => {}, close: () => {} };
}

/**
 * A new attempt's journal, created with its header at its first write or start(). A creation that
 * fails throws its StoreError from that call, and the next call tries again.
 */
export function newJournal(dataDir: string, header: NewJournalHeader, fsys: StoreFs = nodeFs): OpenJournal {
  let created: OpenJournal | undefined;
  const create = () => (created ??= createJournal(dataDir, header, fsys));
  return {
    get id() {
      return created?.id ?? header.id;
    },
    get file() {
      return created?.file ?? "";
    },
    start: () => void create(),
    write: (state) => create().write(state),
    close: () => created?.close(),
  };
}

/** Creates the journal with its header; the attempt exists on disk from here on. */
function createJournal(dataDir: string, header: NewJournalHeader, fsys: StoreFs): OpenJournal {
  const folder = journalFolder(dataDir);
  // The header holds the whole paper, a large line that a kill can cut: it is written to a temp file
  // and linked into place, so a journal either has its whole header or does not exist.
  const temp = path.join(folder, `.start-${process.pid}.tmp`);
  let id = header.id;
  let file = path.join(folder, `${id}.jsonl`);
  let fd: number | undefined;
  const submitted = submittedIds(dataDir, fsys);
  try {
    fsys.mkdirSync(folder, { recursive: true });
    for (let n = 2; fd === undefined; n++) {
      // An attempt begun in the same second with the same seed may be submitted already, its journal
      // gone: its id is taken all the same, or the next open would take this journal for its own.
      if (submitted(id)) {
        if (n > 100) throw new Error(`no free id for the attempt ${header.id}`);
        id = `${header.id}-${n}`;
        file = path.join(folder, `${id}.jsonl`);
        continue;
      }
      fsys.rmSync(temp, { force: true });
      const tempFd = fsys.openSync(temp, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
      try {
        appendLine(tempFd, Buffer.from(`${JSON.stringify({ ...header, id, pid: process.pid })}\n`, "utf8"), fsys);
      } finally {
        fsys.closeSync(tempFd);
      }
      try {
        // link() refuses a name that exists: two attempts started in the same second get different ids.
        fsys.linkSync(temp, file);
        fd = fsys.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND);
      } catch (error) {
        if ((error as { code?: string }).code !== "EEXIST" || n > 100) throw error;
        id = `${header.id}-${n}`;
        file = path.join(folder, `${id}.jsonl`);
      }
    }
    fsys.rmSync(temp, { force: true });
    syncFolder(folder, fsys);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd, fsys);
    removeQuietly(temp, fsys);
    throw storeFailure(error, "start the mock attempt in", file);
  }
  return opened(id, file, fd, fsys);
}

/**
 * Whether an id names an attempt in the history. The history is searched as text, not parsed: it is
 * read once, at the attempt's first change, and only a false alarm (another id) can come of it.
 */
function submittedIds(dataDir: string, fsys: StoreFs): (id: string) => boolean {
  let text: string | undefined;
  return (id) => {
    if (text === undefined) {
      try {
        text = fsys.readFileSync(attemptsFile(dataDir), "utf8");
      } catch {
        text = "";
      }
    }
    return text.includes(`"id":${JSON.stringify(id)}`);
  };
}

/** Temp files of journals whose process died before linking them into place: nothing was recorded. */
function removeStaleTemps(folder: string, names: readonly string[], fsys: StoreFs): void {
  for (const name of names) {
    const pid = /^\.start-(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isProcessAlive(Number(pid))) fsys.rmSync(path.join(folder, name), { force: true });
  }
}

/** Opens an unfinished attempt's journal to go on writing it. */
export function continueJournal(attempt: UnfinishedAttempt, fsys: StoreFs = nodeFs): OpenJournal {
  try {
    return opened(attempt.header.id, attempt.file, fsys.openSync(attempt.file, fs.constants.O_RDWR | fs.constants.O_APPEND), fsys);
  } catch (error) {
    throw storeFailure(error, "reopen the mock attempt in", attempt.file);
  }
}

/** Every journal that reads, oldest first; one whose header does not read is left alone. */
export function readJournals(dataDir: string, fsys: StoreFs = nodeFs): UnfinishedAttempt[] {
  const folder = journalFolder(dataDir);
  return readFolderJournals(folder, folderNames(folder, fsys), fsys);
}

/** What the journal folder holds; nothing when there is none (no mock begun yet, or a file in its place). */
function folderNames(folder: string, fsys: StoreFs): string[] {
  try {
    return fsys.readdirSync(folder);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw storeFailure(error, "read", folder);
  }
}

function readFolderJournals(folder: string, names: readonly string[], fsys: StoreFs): UnfinishedAttempt[] {
  const found: UnfinishedAttempt[] = [];
  for (const name of names.filter((name) => name.endsWith(".jsonl")).sort()) {
    const read = readJournal(path.join(folder, name), fsys);
    if (read !== undefined) found.push(read);
  }
  return found.sort((a, b) => (a.header.startedAt < b.header.startedAt ? -1 : a.header.startedAt > b.header.startedAt ? 1 : 0));
}

function readJournal(file: string, fsys: StoreFs): UnfinishedAttempt | undefined {
  let text: string;
  try {
    text = fsys.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const header = parseHeader(parseJson(lines[0] ?? ""));
  if (header === undefined) return undefined;
  let state: JournalState | undefined;
  // A torn last line (kill -9 mid-append) does not parse and the state before it stands.
  for (const line of lines.slice(1)) state = parseState(parseJson(line)) ?? state;
  const pid = state?.pid ?? header.pid;
  return { header, state, file, live: pid > 0 && pid !== process.pid && isProcessAlive(pid) };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export function removeJournal(attempt: Pick<UnfinishedAttempt, "file">, fsys: StoreFs = nodeFs): void {
  try {
    fsys.rmSync(attempt.file, { force: true });
    syncFolder(path.dirname(attempt.file), fsys);
  } catch (error) {
    throw storeFailure(error, "remove", attempt.file);
  }
}

export interface Completed {
  readonly completed: number;
  readonly entries: number;
  /** The journals it left: attempts not submitted, for the mock's notice of unfinished ones. */
  readonly unfinished: readonly UnfinishedAttempt[];
}

/**
 * Completes submissions a crash cut short. A journal whose attempt is already in the history was being
 * submitted: the attempt's review-log entries that did not reach the log are added from the attempt,
 * then the journal goes. A scripted run's journal with no attempt recorded nothing and just goes. An
 * attempt still being sat somewhere (a live process) is left alone. Returns what it did, for a notice,
 * and what it left, so that a mock reads the folder once (each journal holds its whole paper).
 */
export function completeSubmissions(
  dataDir: string,
  store: { entries(): readonly ReviewLogEntry[]; record(entry: ReviewLogEntry): void },
  fsys: StoreFs = nodeFs,
): Completed {
  const folder = journalFolder(dataDir);
  const names = folderNames(folder, fsys);
  removeStaleTemps(folder, names, fsys);
  const journals = readFolderJournals(folder, names, fsys);
  // One that a live process is sitting (or submitting) is that process's to finish.
  const idle = journals.filter((journal) => !journal.live);
  if (idle.length === 0) return { completed: 0, entries: 0, unfinished: journals };
  const attempts = new Map(readAttempts(dataDir).attempts.flatMap((attempt) => (attempt.id === undefined ? [] : [[attempt.id, attempt] as const])));
  const removed = new Set<UnfinishedAttempt>();
  let completed = 0;
  let added = 0;
  for (const journal of idle) {
    const attempt = attempts.get(journal.header.id);
    // Not submitted: an attempt at a terminal stays, to be resumed; a scripted run's recorded nothing.
    if (attempt === undefined) {
      if (!journal.header.scripted) continue;
    } else {
      const logged = new Set(store.entries().filter((entry) => entry.attempt === attempt.id).map((entry) => entry.key));
      const missing = completionEntries(attempt, logged);
      for (const entry of missing) store.record(entry);
      completed++;
      added += missing.length;
    }
    removeJournal(journal, fsys);
    removed.add(journal);
  }
  return { completed, entries: added, unfinished: journals.filter((journal) => !removed.has(journal)) };
}
