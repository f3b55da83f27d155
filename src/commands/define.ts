// What every command definition needs: a way to run its action and get back an exit code, and the
// context resolved from the global options. Registration only: no logic.

import type { Command } from "commander";
import { resolveContext, type Context, type GlobalOptions } from "../context.js";
import type { Io } from "../io.js";

/** Runs a command's action with the context it needs; the result becomes the exit code. */
export type Runner = (action: (command: Command, context: Context) => Promise<number>) => (...args: unknown[]) => Promise<void>;

export function makeRunner(io: Io, setExitCode: (code: number) => void): Runner {
  return (action) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      setExitCode(await action(command, resolveContext(command.optsWithGlobals() as GlobalOptions, io)));
    };
}
