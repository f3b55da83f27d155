// Builds the real dependencies and is the only place that turns errors into exit codes and messages.

import { processIo } from "./io.js";
import type { Io } from "./io.js";
import { EXIT, InterruptedError, UsageError, UserError } from "./errors.js";
import { sanitize } from "./core/sanitize.js";
// Static: the file is a few lines, and a dynamic import would be a chunk of its own, one more file read.
import { packageVersion } from "./version.js";

export async function main(args: readonly string[], io: Io = processIo()): Promise<number> {
  // `prelim --version` is run by scripts and shell prompts; answer it without loading commander.
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const debug = args.includes("--debug");
  try {
    const fixed = io.env.PRELIM_NOW;
    if (fixed !== undefined && fixed !== "" && Number.isNaN(Date.parse(fixed))) {
      throw new UsageError(`PRELIM_NOW="${fixed}" is not a date-time`, "Give an ISO date-time such as 2027-01-15T09:00, or unset it for the real clock.");
    }
    const { runProgram } = await import("./program.js");
    return await runProgram(args, io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** The message (and hint) for the user, and the exit code: decided here and nowhere else. */
export function reportError(error: unknown, io: Io, debug: boolean): number {
  // What was answered is saved and the partial summary printed before the interrupt got here.
  if (error instanceof InterruptedError) return error.exitCode;
  if (error instanceof UserError) {
    if (!error.reported) {
      io.stderr.write(`prelim: ${sanitize(error.message)}\n`);
      if (error.hint) io.stderr.write(`${sanitize(error.hint)}\n`);
    }
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`prelim: internal error: ${sanitize(message)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${sanitize(error.stack)}\n`);
  else io.stderr.write("Run again with --debug for details, and report it if it persists.\n");
  return EXIT.internal;
}

const STREAM_REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EIO: "an input/output error",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large",
  EBADF: "it is closed",
};

/**
 * What a failed write to stdout or stderr means. EPIPE is the reader going away: the exit code so far,
 * nothing said. Anything else could not run as asked: one line on stderr (if stderr itself still works),
 * exit 2; answers are recorded before their output is written, so they stay recorded.
 */
export function streamFailure(error: NodeJS.ErrnoException, stream: string, exitCode: number | string | undefined): { exitCode: number; message?: string } {
  if (error.code === "EPIPE") return { exitCode: typeof exitCode === "number" ? exitCode : EXIT.ok };
  const reason = (error.code && STREAM_REASONS[error.code]) ?? sanitize(error.message);
  return { exitCode: EXIT.usage, ...(stream !== "standard error" && { message: `prelim: cannot write to ${stream}: ${reason}\n` }) };
}
