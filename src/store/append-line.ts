// One line appended to a journal file (the review log, the mock attempts): one write on an O_APPEND
// descriptor, so lines from two processes do not interleave, then fsync, so the line is on disk when
// this returns. A short write (a full disk) is undone where it can be, and reported as ENOSPC.

import type { StoreFs } from "./store-fs.js";

const NEWLINE = 0x0a;

export interface AppendedLine {
  /** The file's size just before and just after the append, as this process saw it. */
  readonly before: number;
  readonly after: number;
}

export function appendLine(fd: number, line: Buffer, fsys: StoreFs): AppendedLine {
  const before = fsys.fstatSync(fd).size;
  // A line torn by a process that was killed must not swallow this one: start on a fresh line.
  const data = before > 0 && !endsWithNewline(fd, before, fsys) ? Buffer.concat([Buffer.of(NEWLINE), line]) : line;
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
