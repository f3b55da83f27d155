// --output FILE: where a report may go, and writing it there. A regular file (or a new path) is replaced
// atomically: written to a temp file beside it and renamed over, so a reader (a CI step) sees the old
// report or the new one, never half of one. Anything else is written in place, through any link: a
// rename would turn /dev/null, /dev/stdout, a FIFO or a symlink into a regular file. The data dir and
// everything in it are refused, so a report can never replace the review log.

import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

export interface OutputTarget {
  /** The path as the user wrote it, for messages. */
  readonly name: string;
  /** The path as given, resolved against the working folder. */
  readonly given: string;
  /** Where the bytes land: the link's target, or the path itself. */
  readonly target: string;
  /** Rename a temp file over it (a regular file or a new path), or write in place (a device, a FIFO…). */
  readonly atomic: boolean;
  /**
   * The process's own standard output or error (/dev/stdout, /dev/fd/2…): the caller writes the report
   * there, as its stream may be a socket, which cannot be opened by path.
   */
  readonly stream?: "stdout" | "stderr";
}

const STREAMS: Record<string, "stdout" | "stderr"> = {
  "/dev/stdout": "stdout",
  "/dev/fd/1": "stdout",
  "/proc/self/fd/1": "stdout",
  "/dev/stderr": "stderr",
  "/dev/fd/2": "stderr",
  "/proc/self/fd/2": "stderr",
};

const HINT = "Choose another --output: a file outside the data dir, or a device such as /dev/stdout.";

/** The real path of `file`, or of its nearest existing folder with the rest appended. */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPathOf(parent), path.basename(file));
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Checks --output before the test starts, so a refusal costs nothing. */
export function resolveOutput(file: string, cwd: string, dataDir: string): OutputTarget {
  const given = path.resolve(cwd, file);
  const stream = STREAMS[given];
  if (stream !== undefined) return { name: file, given, target: given, atomic: false, stream };
  const target = realPathOf(given);
  const store = realPathOf(dataDir);
  if (isInside(given, store) || isInside(target, store) || isInside(given, dataDir)) {
    throw new UsageError(`--output ${file} is inside the data dir (${dataDir}), where prelim keeps progress: it is never overwritten by a report`, HINT);
  }
  // Through the links: /dev/stdout is a FIFO, a terminal or a file, whichever the shell gave.
  const stat = fs.statSync(given, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new UsageError(`--output ${file} is a folder; give a file name`, HINT);
  // /dev/stdout redirected to a file is a regular file too, but replacing it would cut the shell's own.
  const special = /^\/(dev|proc)\//.test(given);
  return { name: file, given, target, atomic: !special && (stat === undefined || stat.isFile()) };
}

export function writeReportFile(output: OutputTarget, text: string): void {
  if (!output.atomic) {
    // A device, a FIFO or a socket: opened and written as a shell's `>` would.
    try {
      fs.writeFileSync(output.given, text, "utf8");
      return;
    } catch (error) {
      throw cannotWrite(output, error);
    }
  }
  const temp = path.join(path.dirname(output.target), `.${path.basename(output.target)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(temp, text, "utf8");
    fs.renameSync(temp, output.target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw cannotWrite(output, error);
  }
}

function cannotWrite(output: OutputTarget, error: unknown): UsageError {
  const reason = error instanceof Error ? error.message : String(error);
  return new UsageError(`cannot write the report to ${output.name}: ${reason}`, "Check that the folder exists and is writable, or choose another --output.");
}
