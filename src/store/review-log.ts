// The review log, reviews.jsonl: one JSON line per answer, appended and fsynced before the next
// question appears. It is the truth about progress; everything else is derived from it and can be
// rebuilt. Readers keep every complete line and set a torn last line (kill -9 or a full disk in the
// middle of an append) aside rather than failing.

import type { ReviewLogEntry } from "../core/review.js";
import { appendLine, endsWithNewline } from "./append-line.js";
import { writeFileDurably } from "./durable-write.js";
import { parseLogLine, parseLogLines, toLogLine } from "./log-entry.js";
import { asideName, errnoCode, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";

export const REVIEW_LOG_FILE = "reviews.jsonl";

const NEWLINE = 0x0a;

export interface ReviewLogOptions {
  readonly fs?: StoreFs;
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
  /**
   * Open for reading only (a missing log reads as empty, nothing is created or repaired), for
   * commands that only read: they must work on a read-only folder and while a session writes.
   */
  readonly readOnly?: boolean;
}

export interface LogReadOptions {
  /** Where to start: 0 or the byte just after a newline. */
  readonly fromByte?: number;
  /**
   * Set a torn last line aside and cut the log back to the last complete line. Done when a store is
   * opened; at other times a line without its newline may be another session's append in progress.
   */
  readonly repairTornTail?: boolean;
  /** Tell the learner about unreadable lines (once is enough: on open). */
  readonly reportSkipped?: boolean;
}

export interface LogRead {
  readonly entries: ReviewLogEntry[];
  /** The byte after the last line read: the offset to continue from next time. */
  readonly endByte: number;
  /**
   * A complete, valid entry after the last newline (its newline cut, as `truncate -s -1` or an editor
   * does), when it was not repaired. It is not in `entries` and starts at `endByte`: folding it into a
   * snapshot would put the snapshot's offset in the middle of a line. Readers that save nothing use it.
   */
  readonly unterminated?: ReviewLogEntry;
  /** Whether the tail needs the repair `repairTornTail` does (a torn line, or a missing newline). */
  readonly needsRepair: boolean;
  /**
   * Entries skipped as dated ahead of this computer's clock, but not so far that the clock cannot be
   * the one that is wrong. A snapshot saved now would leave them out for good.
   */
  readonly aheadOfClock: number;
}

/** Every entry a read found, with a last one whose newline is missing: it was acknowledged too. */
export function withUnterminated(read: LogRead): ReviewLogEntry[] {
  return read.unterminated === undefined ? read.entries : [...read.entries, read.unterminated];
}

/**
 * The log's size just before and just after an append, as this session saw it. Another session's
 * append can land between the two only if `after` differs from the size read later.
 */
export interface Appended {
  readonly before: number;
  readonly after: number;
}

export interface ReviewLog {
  readonly file: string;
  /** Appends one entry and fsyncs: when this returns, the answer is on disk. */
  append(entry: ReviewLogEntry): Appended;
  /**
   * Appends the entries in one write and one fsync: all on disk when this returns, or, when the write
   * fails, none (a short write is cut back, as for one entry).
   */
  appendAll(entries: readonly ReviewLogEntry[]): Appended;
  read(options?: LogReadOptions): LogRead;
  /** Whether the last line is torn or has lost its newline. Reads that line alone. */
  tailNeedsRepair(): boolean;
  /** Sets a torn last line aside, or restores the newline a complete last entry lost. Call under the lock. */
  repairTail(): void;
  /** The log's size in bytes now. */
  size(): number;
  /** Whether `offset` is where a line starts (0, or just after a newline) and within the log. */
  isLineStart(offset: number): boolean;
  close(): void;
}

type Tail =
  | { readonly kind: "torn"; readonly at: number }
  | { readonly kind: "unterminated"; readonly at: number; readonly entry: ReviewLogEntry };

interface ParsedBytes {
  readonly entries: ReviewLogEntry[];
  readonly skipped: { readonly offset: number; readonly reason: string }[];
  readonly aheadOfClock: number;
  /** What follows the last complete line, if anything needs repair there (offsets in the buffer). */
  readonly tail: Tail | undefined;
  /** How many bytes the lines read cover: the buffer's length, until a repair changes the file. */
  readonly length: number;
}

function parseBytes(buffer: Buffer, fromByte: number, now: Date): ParsedBytes {
  const entries: ReviewLogEntry[] = [];
  const skipped: { offset: number; reason: string }[] = [];
  let aheadOfClock = 0;
  let start = 0;
  let lastUnparsable: number | undefined;
  for (let end = buffer.indexOf(NEWLINE, start); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
    const text = buffer.toString("utf8", start, end);
    lastUnparsable = undefined;
    if (text.trim() !== "") {
      let anyJson = false;
      for (const parsed of parseLogLines(text, now)) {
        if (parsed.ok) entries.push(parsed.entry);
        else skipped.push({ offset: fromByte + start, reason: parsed.reason });
        if (!parsed.ok && parsed.clockBehind === true) aheadOfClock++;
        anyJson ||= parsed.ok || parsed.json;
      }
      if (!anyJson) lastUnparsable = start;
    }
    start = end + 1;
  }
  const { length } = buffer;
  if (start < length) {
    const tail = restAfterLastNewline(buffer, start, now);
    return { entries, skipped, aheadOfClock, tail, length: tail === undefined ? start : length };
  }
  // A last line that is not JSON at all is torn too (a crash can leave a file ending in zeros); a last
  // line that is JSON but not an entry is not torn, just unreadable, and stays where it is like any other.
  if (lastUnparsable !== undefined) {
    while (skipped.at(-1)?.offset === fromByte + lastUnparsable) skipped.pop();
    return { entries, skipped, aheadOfClock, tail: { kind: "torn", at: lastUnparsable }, length };
  }
  return { entries, skipped, aheadOfClock, tail: undefined, length };
}

// Bytes after the last newline are either a whole entry whose newline alone is missing (kept: it was
// acknowledged to the learner) or a line cut short (set aside). Only a valid entry counts as whole:
// anything less may be the start of a longer line.
function restAfterLastNewline(buffer: Buffer, start: number, now: Date): Tail | undefined {
  const text = buffer.toString("utf8", start);
  // Nothing but a BOM or spaces: nothing to repair, and the next line starts where they do.
  if (text.trim() === "") return undefined;
  const parsed = parseLogLine(text, now);
  return parsed.ok ? { kind: "unterminated", at: start, entry: parsed.entry } : { kind: "torn", at: start };
}

export function openReviewLog(file: string, options: ReviewLogOptions): ReviewLog {
  const fsys = options.fs ?? nodeFs;
  const readOnly = options.readOnly === true;
  let fd: number | undefined;
  try {
    // Read-write so the last line can be read back for a repair; O_APPEND makes every write land
    // at the end even with other sessions appending.
    fd = fsys.openSync(file, readOnly ? "r" : "a+", 0o644);
  } catch (error) {
    if (!(readOnly && errnoCode(error) === "ENOENT")) throw storeFailure(error, "open", file);
  }
  // Undefined only for a read-only log that does not exist: it reads as empty.
  const appendFd = fd;
  let closed = false;

  function logSize(): number {
    return appendFd === undefined ? 0 : fsys.fstatSync(appendFd).size;
  }

  /** The descriptor for a change to the log; only a log opened for writing has one. */
  function writableFd(): number {
    if (readOnly || appendFd === undefined) throw new Error("the review log is open read-only");
    return appendFd;
  }

  function readFrom(fromByte: number): Buffer {
    let readFd: number;
    try {
      readFd = fsys.openSync(file, "r");
    } catch (error) {
      if (errnoCode(error) === "ENOENT") return Buffer.alloc(0);
      throw storeFailure(error, "read", file);
    }
    try {
      const length = Math.max(0, fsys.fstatSync(readFd).size - fromByte);
      const buffer = Buffer.allocUnsafe(length);
      let offset = 0;
      while (offset < length) {
        const count = fsys.readSync(readFd, buffer, offset, length - offset, fromByte + offset);
        if (count === 0) break;
        offset += count;
      }
      return buffer.subarray(0, offset);
    } finally {
      fsys.closeSync(readFd);
    }
  }

  /** Sets the torn bytes aside and cuts them off; false when the log changed and nothing was cut. */
  function setTornTailAside(buffer: Buffer, fromByte: number, tornAt: number): boolean {
    const torn = buffer.subarray(tornAt);
    const aside = asideName(file, "torn", options.now(), fsys);
    writeFileDurably(aside, torn, fsys);
    try {
      // Another session may have appended since the log was read (its line runs on from the torn bytes,
      // and readers split it off them). Cutting then would cut its answer too: cut only a log that is
      // still exactly as read.
      const fd = writableFd();
      if (fsys.fstatSync(fd).size !== fromByte + buffer.length) return false;
      fsys.ftruncateSync(fd, fromByte + tornAt);
      fsys.fsyncSync(fd);
    } catch (error) {
      throw storeFailure(error, "repair", file);
    }
    options.onNotice(
      `${file} ended with an incomplete answer (${torn.length} bytes, left by an interrupted write); ` +
        `moved it to ${aside}. Every complete answer is kept.`,
    );
    return true;
  }

  // Ends the log's last entry with the newline it lost, if the log is still exactly `expectedSize`
  // long (an append since would make this newline a blank line after someone else's answer).
  function restoreNewline(expectedSize: number): boolean {
    try {
      const fd = writableFd();
      if (fsys.fstatSync(fd).size !== expectedSize) return false;
      if (fsys.writeSync(fd, Buffer.of(NEWLINE)) !== 1) {
        throw Object.assign(new Error("the disk accepted no more data"), { code: "ENOSPC" });
      }
      fsys.fsyncSync(fd);
      return true;
    } catch (error) {
      throw storeFailure(error, "repair", file);
    }
  }

  /** The tail repaired as far as the log allows: what is left to repair stays in `tail`. */
  function repaired(parsed: ParsedBytes, buffer: Buffer, fromByte: number): ParsedBytes {
    const { tail } = parsed;
    if (tail?.kind === "torn" && setTornTailAside(buffer, fromByte, tail.at)) {
      return { ...parsed, tail: undefined, length: tail.at };
    }
    if (tail?.kind === "unterminated" && restoreNewline(fromByte + buffer.length)) {
      return { ...parsed, entries: [...parsed.entries, tail.entry], tail: undefined, length: buffer.length + 1 };
    }
    return parsed;
  }

  // Where the last line starts, found by reading back from the end: repairs look at that line alone,
  // whatever the length of the history. A final newline belongs to the line it ends.
  function lastLineStart(): number {
    if (appendFd === undefined) return 0;
    const size = logSize();
    const chunk = Buffer.alloc(4096);
    let end = size > 0 && endsWithNewline(appendFd, size, fsys) ? size - 1 : size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const count = fsys.readSync(appendFd, chunk, 0, end - start, start);
      const newline = chunk.subarray(0, count).lastIndexOf(NEWLINE);
      if (newline !== -1) return start + newline + 1;
      end = start;
    }
    return 0;
  }

  function reportSkipped(skipped: ParsedBytes["skipped"]): void {
    if (skipped.length === 0) return;
    const shown = skipped.slice(0, 5).map((line) => `byte ${line.offset}: ${line.reason}`);
    const more = skipped.length > shown.length ? `, and ${skipped.length - shown.length} more` : "";
    options.onNotice(
      `Skipped ${skipped.length} unreadable line${skipped.length === 1 ? "" : "s"} in ${file} ` +
        `(${shown.join("; ")}${more}). They are left in the file; every other answer is used.`,
    );
  }

  function appendAll(entries: readonly ReviewLogEntry[]): Appended {
    if (closed) throw new Error("the review log is closed");
    const line = Buffer.from(entries.map(toLogLine).join(""), "utf8");
    try {
      const fd = writableFd();
      // Appending to a file that was deleted (or whose folder was) would report success and lose it.
      if (fsys.fstatSync(fd).nlink === 0) throw new Error("the file was deleted while prelim was running");
      // As it is: a newline put first would race with other sessions' appends (append-line.ts).
      return appendLine(fd, line, fsys, { startOnFreshLine: false });
    } catch (error) {
      throw storeFailure(error, "record the answer in", file);
    }
  }

  return {
    file,

    append: (entry) => appendAll([entry]),

    appendAll,

    read(readOptions = {}) {
      const fromByte = readOptions.fromByte ?? 0;
      let buffer = readFrom(fromByte);
      let parsed = parseBytes(buffer, fromByte, options.now());
      if (parsed.tail !== undefined && readOptions.repairTornTail === true) {
        // Another session may have been mid-append when we read: look again before changing anything.
        const again = readFrom(fromByte);
        if (again.length !== buffer.length) {
          buffer = again;
          parsed = parseBytes(buffer, fromByte, options.now());
        }
        parsed = repaired(parsed, buffer, fromByte);
      }
      if (readOptions.reportSkipped === true) reportSkipped(parsed.skipped);
      const { entries, tail, aheadOfClock } = parsed;
      if (tail === undefined) return { entries, endByte: fromByte + parsed.length, needsRepair: false, aheadOfClock };
      const endByte = fromByte + tail.at;
      if (tail.kind === "torn") return { entries, endByte, needsRepair: true, aheadOfClock };
      return { entries, endByte, unterminated: tail.entry, needsRepair: true, aheadOfClock };
    },

    tailNeedsRepair() {
      return this.read({ fromByte: lastLineStart() }).needsRepair;
    },

    repairTail() {
      writableFd();
      this.read({ fromByte: lastLineStart(), repairTornTail: true });
    },

    size() {
      return logSize();
    },

    isLineStart(offset) {
      if (!Number.isInteger(offset) || offset < 0) return false;
      if (offset === 0) return true;
      return appendFd !== undefined && offset <= logSize() && endsWithNewline(appendFd, offset, fsys);
    },

    close() {
      if (closed) return;
      closed = true;
      if (appendFd !== undefined) fsys.closeSync(appendFd);
    },
  };
}
