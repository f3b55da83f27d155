// Mock attempts in progress, one journal file each in <dataDir>/mock-in-progress/<id>.jsonl: the header,
// then one line per change of the exam's state, each appended and fsynced before the screen shows the
// change, the way practice answers are. kill -9, a closed terminal or a power cut loses nothing given.
// A journal is removed only once its attempt and every review-log entry of it are on disk.

import fs from "node:fs";
import path from "node:path";
import { parseHeader, parseState, type JournalHeader, type JournalState, type NewJournalHeader, type NewJournalState } from "../core/attempt-journal.js";
import { completionEntries } from "../core/attempt.js";
import type { ReviewLogEntry } from "../core/review.js";
import { readAttempts } from "./attempts.js";
import { appendLine } from "./append-line.js";
import { isProcessAlive } from "./lock.js";
import { nodeFs, storeFailure, syncFolder, type StoreFs } from "./store-fs.js";

export const JOURNAL_FOLDER = "mock-in-progress";

export interface OpenJournal {
  readonly id: string;
  readonly file: string;
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
  return { id, file: "", write: () => {}, close: () => {} };
}

/** Creates the journal with its header; the attempt exists on disk from here on. */
export function startJournal(dataDir: string, header: NewJournalHeader, fsys: StoreFs = nodeFs): OpenJournal {
  const folder = journalFolder(dataDir);
  // The header holds the whole paper, a large line that a kill can cut: it is written to a temp file
  // and linked into place, so a journal either has its whole header or does not exist.
  const temp = path.join(folder, `.start-${process.pid}.tmp`);
  let id = header.id;
  let file = path.join(folder, `${id}.jsonl`);
  let fd: number | undefined;
  try {
    fsys.mkdirSync(folder, { recursive: true });
    for (let n = 2; fd === undefined; n++) {
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
    if (fd !== undefined) fsys.closeSync(fd);
    fsys.rmSync(temp, { force: true });
    throw storeFailure(error, "start the mock attempt in", file);
  }
  return opened(id, file, fd, fsys);
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
  let names: string[];
  try {
    names = fsys.readdirSync(folder).filter((name) => name.endsWith(".jsonl"));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw storeFailure(error, "read", folder);
  }
  const found: UnfinishedAttempt[] = [];
  for (const name of names.sort()) {
    const file = path.join(folder, name);
    const read = readJournal(file, fsys);
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

/**
 * Completes submissions a crash cut short. A journal whose attempt is already in the history was being
 * submitted: the attempt's review-log entries that did not reach the log are added from the attempt,
 * then the journal goes. A scripted run's journal with no attempt recorded nothing and just goes. An
 * attempt still being sat somewhere (a live process) is left alone. Returns what it did, for a notice.
 */
export function completeSubmissions(
  dataDir: string,
  store: { entries(): readonly ReviewLogEntry[]; record(entry: ReviewLogEntry): void },
  fsys: StoreFs = nodeFs,
): { readonly completed: number; readonly entries: number } {
  const folder = journalFolder(dataDir);
  if (fsys.existsSync(folder)) removeStaleTemps(folder, fsys.readdirSync(folder), fsys);
  const journals = readJournals(dataDir, fsys).filter((journal) => !journal.live);
  if (journals.length === 0) return { completed: 0, entries: 0 };
  const attempts = new Map(readAttempts(dataDir).attempts.flatMap((attempt) => (attempt.id === undefined ? [] : [[attempt.id, attempt] as const])));
  let completed = 0;
  let added = 0;
  for (const journal of journals) {
    const attempt = attempts.get(journal.header.id);
    if (attempt === undefined) {
      if (journal.header.scripted) removeJournal(journal, fsys);
      continue;
    }
    const logged = new Set(store.entries().filter((entry) => entry.attempt === attempt.id).map((entry) => entry.key));
    const missing = completionEntries(attempt, logged);
    for (const entry of missing) store.record(entry);
    removeJournal(journal, fsys);
    completed++;
    added += missing.length;
  }
  return { completed, entries: added };
}
