// No prompt is ever opened without a terminal: on /dev/null or a closed pipe it would never settle.
// Apart from prompt.ts so that scripted runs, which only need this check, do not load Inquirer.

import { UsageError } from "../errors.js";

export function requireTerminal(interactive: boolean, what: string): void {
  if (!interactive) {
    throw new UsageError(
      `${what} needs a terminal, and this one has none (stdin or stdout is not a TTY).`,
      "To run without a terminal, give the answers with --answers FILE (or --answers - to read them from stdin).",
    );
  }
}
