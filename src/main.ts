// Builds the real dependencies and is the only place that turns errors into exit codes and messages.

import { processIo } from "./io.js";
import type { Io } from "./io.js";
import { BankError, EXIT, InterruptedError, UsageError, exitCodeForSignal } from "./errors.js";
import { sanitize } from "./core/sanitize.js";

export async function main(args: readonly string[], io: Io = processIo()): Promise<number> {
  // `prelim --version` is run by scripts and shell prompts; answer it without loading commander.
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    const { packageVersion } = await import("./version.js");
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const debug = args.includes("--debug");
  try {
    const { runProgram } = await import("./program.js");
    return await runProgram(args, io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** Error classes (by name, so main.ts need not load their modules) whose message is for the user. */
const USER_FACING_ERRORS = new Set(["OptionValueError", "InvalidSettingError"]);

function isStoreError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("store-");
}

export function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof InterruptedError) return exitCodeForSignal(error.signal);
  if (error instanceof UsageError) {
    io.stderr.write(`prelim: ${sanitize(error.message)}\n`);
    if (error.hint) io.stderr.write(`${sanitize(error.hint)}\n`);
    return EXIT.usage;
  }
  if (error instanceof BankError) {
    io.stderr.write(`prelim: ${sanitize(error.message)}\n`);
    return EXIT.usage;
  }
  // Typed domain errors from the core and the store: their messages are written for the user.
  if (error instanceof Error && (USER_FACING_ERRORS.has(error.name) || isStoreError(error))) {
    io.stderr.write(`prelim: ${sanitize(error.message)}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`prelim: internal error: ${sanitize(message)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${sanitize(error.stack)}\n`);
  else io.stderr.write("Run again with --debug for details, and report it if it persists.\n");
  return 70;
}
