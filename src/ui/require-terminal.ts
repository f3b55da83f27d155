// No prompt is ever opened without a terminal: on /dev/null or a closed pipe it would never settle.
// Apart from prompt.ts so that scripted runs, which only need this check, do not load Inquirer.

import { UsageError } from "../errors.js";

/** `noTerminal` says why there is no usable terminal (Context.noTerminal); undefined when there is one. */
export function requireTerminal(noTerminal: string | undefined, what: string): void {
  if (noTerminal !== undefined) {
    throw new UsageError(
      `${what} needs a terminal, and there is none here: ${noTerminal}.`,
      "To run without a terminal, give the answers with --answers FILE (or --answers - to read them from stdin).",
    );
  }
}
