// One line appended to a journal file (the review log, the mock attempts): one write on an O_APPEND
// descriptor, so lines from two processes do not interleave, then fsync, so the line is on disk when
// this returns. A short write (a full disk) is undone where it can be, and reported as ENOSPC.
//
// Putting a newline before the line when the file seems not to end in one is two steps, a check and
// a write: another process appending between them (or halfway through its own write, when fstat
// already shows part of it) makes that newline land after a complete line, as a blank line. So the
// review log writes its line as it is, and its reader splits a line run onto a torn one apart
// (log-entry.ts). The mock attempts journal still asks for a fresh line: its reader cannot split
// run-on lines, and skips the blank lines the race can leave.

import type { StoreFs } from "./store-fs.js";

const NEWLINE = 0x0a;

export interface AppendedLine {
  /** The file's size just before and just after the append, as this process saw it. */
  readonly before: number;
  readonly after: number;
}

export interface AppendOptions {
  /** Put a newline first when the file does not end in one (racy: see above). Default true. */
  readonly startOnFreshLine?: boolean;
}

export function appendLine(fd: number, line: Buffer, fsys: StoreFs, options: AppendOptions = {}): AppendedLine {
  const before = fsys.fstatSync(fd).size;
  const fresh = options.startOnFreshLine !== false && before > 0 && !endsWithNewline(fd, before, fsys);
  const data = fresh ? Buffer.concat([Buffer.of(NEWLINE), line]) : line;
  const written = fsys.writeSync(fd, data);
  if (written !== data.length) {
    if (fsys.fstatSync(fd).size === before + written) fsys.ftruncateSync(fd, before);
    throw Object.assign(new Error(`wrote ${written} of ${data.length} bytes`), { code: "ENOSPC" });
  }
  fsys.fsyncSync(fd);
  return { before, after: before + written };
}

/** Whether the byte before `offset` is a newline: where a line starts. */
export function endsWithNewline(fd: number, offset: number, fsys: StoreFs): boolean {
  const last = Buffer.alloc(1);
  fsys.readSync(fd, last, 0, 1, offset - 1);
  return last[0] === NEWLINE;
}
