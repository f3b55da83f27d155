// The review log, reviews.jsonl: one JSON line per answer, appended and fsynced before the next
// question appears. It is the truth about progress; everything else is derived from it and can be
// rebuilt. Readers keep every complete line and set a torn last line (kill -9 or a full disk in the
// middle of an append) aside rather than failing.

import type { ReviewLogEntry } from "../core/review.js";
import { appendLine, endsWithNewline } from "./append-line.js";
import { writeFileDurably } from "./durable-write.js";
import { parseLogLine, toLogLine } from "./log-entry.js";
import { asideName, errnoCode, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";

export const REVIEW_LOG_FILE = "reviews.jsonl";

const NEWLINE = 0x0a;

export interface ReviewLogOptions {
  readonly fs?: StoreFs;
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
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
  read(options?: LogReadOptions): LogRead;
  /** The log's size in bytes now. */
  size(): number;
  /** Whether `offset` is where a line starts (0, or just after a newline) and within the log. */
  isLineStart(offset: number): boolean;
  close(): void;
}

interface ParsedBytes {
  readonly entries: ReviewLogEntry[];
  readonly skipped: { readonly offset: number; readonly reason: string }[];
  /** Offset (in the buffer) of a torn last line, if there is one. */
  readonly tornAt: number | undefined;
}

function parseBytes(buffer: Buffer, fromByte: number): ParsedBytes {
  const entries: ReviewLogEntry[] = [];
  const skipped: { offset: number; reason: string }[] = [];
  let start = 0;
  let lastUnparsable: number | undefined;
  for (let end = buffer.indexOf(NEWLINE, start); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
    const text = buffer.toString("utf8", start, end);
    lastUnparsable = undefined;
    if (text.trim() !== "") {
      const parsed = parseLogLine(text);
      if (parsed.ok) entries.push(parsed.entry);
      else {
        skipped.push({ offset: fromByte + start, reason: parsed.reason });
        if (!parsed.json) lastUnparsable = start;
      }
    }
    start = end + 1;
  }
  // Bytes after the last newline are a line cut short. A last line that is not JSON at all is one
  // too (a crash can leave a file ending in zeros); a last line that is JSON but not an entry is not
  // torn, just unreadable, and stays where it is like any other.
  if (start < buffer.length) return { entries, skipped, tornAt: start };
  if (lastUnparsable !== undefined) {
    skipped.pop();
    return { entries, skipped, tornAt: lastUnparsable };
  }
  return { entries, skipped, tornAt: undefined };
}

export function openReviewLog(file: string, options: ReviewLogOptions): ReviewLog {
  const fsys = options.fs ?? nodeFs;
  let fd: number | undefined;
  try {
    // Read-write so the last byte can be checked before an append; O_APPEND makes every write land
    // at the end even with other sessions appending.
    fd = fsys.openSync(file, "a+", 0o644);
  } catch (error) {
    throw storeFailure(error, "open", file);
  }
  const appendFd = fd;
  let closed = false;

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

  function setTornTailAside(buffer: Buffer, fromByte: number, tornAt: number): void {
    const torn = buffer.subarray(tornAt);
    const aside = asideName(file, "torn", options.now(), fsys);
    writeFileDurably(aside, torn, fsys);
    try {
      // Another session may have appended since the log was read (it starts its line on a fresh line, so
      // the torn bytes now sit in the middle, where readers skip them). Cutting then would cut its answer
      // too: cut only a log that is still exactly as read.
      if (fsys.fstatSync(appendFd).size !== fromByte + buffer.length) return;
      fsys.ftruncateSync(appendFd, fromByte + tornAt);
      fsys.fsyncSync(appendFd);
    } catch (error) {
      throw storeFailure(error, "repair", file);
    }
    options.onNotice(
      `${file} ended with an incomplete answer (${torn.length} bytes, left by an interrupted write); ` +
        `moved it to ${aside}. Every complete answer is kept.`,
    );
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

  return {
    file,

    append(entry) {
      if (closed) throw new Error("the review log is closed");
      const line = Buffer.from(toLogLine(entry), "utf8");
      try {
        // Appending to a file that was deleted (or whose folder was) would report success and lose it.
        if (fsys.fstatSync(appendFd).nlink === 0) throw new Error("the file was deleted while prelim was running");
        return appendLine(appendFd, line, fsys);
      } catch (error) {
        throw storeFailure(error, "record the answer in", file);
      }
    },

    read(readOptions = {}) {
      const fromByte = readOptions.fromByte ?? 0;
      let buffer = readFrom(fromByte);
      let parsed = parseBytes(buffer, fromByte);
      if (parsed.tornAt !== undefined && readOptions.repairTornTail === true) {
        // Another session may have been mid-append when we read: look again before cutting anything.
        const again = readFrom(fromByte);
        if (again.length !== buffer.length) {
          buffer = again;
          parsed = parseBytes(buffer, fromByte);
        }
        if (parsed.tornAt !== undefined) setTornTailAside(buffer, fromByte, parsed.tornAt);
      }
      if (readOptions.reportSkipped === true) reportSkipped(parsed.skipped);
      return { entries: parsed.entries, endByte: fromByte + (parsed.tornAt ?? buffer.length) };
    },

    size() {
      return fsys.fstatSync(appendFd).size;
    },

    isLineStart(offset) {
      if (!Number.isInteger(offset) || offset < 0) return false;
      if (offset === 0) return true;
      const size = fsys.fstatSync(appendFd).size;
      return offset <= size && endsWithNewline(appendFd, offset, fsys);
    },

    close() {
      if (closed) return;
      closed = true;
      fsys.closeSync(appendFd);
    },
  };
}
