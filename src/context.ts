// What every command gets: the outside world (io) and the places resolved from options and environment.

import path from "node:path";
import envPaths from "env-paths";
import type { Io } from "./io.js";
import { colorEnabled } from "./ui/color.js";

export interface GlobalOptions {
  readonly dataDir?: string;
  readonly debug?: boolean;
  /** false with a session's --no-record. */
  readonly record?: boolean;
}

export interface Context {
  readonly io: Io;
  /** Where progress is kept: --data-dir, else PRELIM_HOME, else the platform's config folder (~/.config/prelim). */
  readonly dataDir: string;
  readonly debug: boolean;
  /**
   * Whether a session may write to the data dir. false with --no-record (a tutor checking a key, a CI
   * job): progress is read, answers are judged and reported, and nothing on disk changes, not even the
   * bank cache.
   */
  readonly record: boolean;
  /** Whether stdout gets colour: a TTY, or FORCE_COLOR, and never with NO_COLOR or TERM=dumb. */
  readonly color: boolean;
  /** Whether an interactive session can run: prompts need a terminal on both sides. */
  readonly interactive: boolean;
  /** Why not, in words, when it cannot. */
  readonly noTerminal?: string;
  /**
   * A terminal that cannot move the cursor (TERM=dumb: Emacs shell, some IDE consoles): practice and
   * review run there as plain lines, numbered options and typed answers; full screens cannot.
   */
  readonly lineMode: boolean;
}

function whyNoTerminal(io: Io): string | undefined {
  if (!io.stdin.isTTY) return "standard input is not a terminal";
  if (!io.stdout.isTTY) return "standard output is not a terminal";
  if (io.env.TERM === "dumb") return "TERM=dumb cannot move the cursor (practice, review and the mock run there in line mode)";
  return undefined;
}

export function resolveContext(options: GlobalOptions, io: Io): Context {
  const chosen = options.dataDir ?? io.env.PRELIM_HOME;
  const dataDir = chosen ? path.resolve(io.cwd, chosen) : envPaths("prelim", { suffix: "" }).config;
  // Asked when first needed: process.stdin is a stream made on first use (about 2.5 ms, the tty or net
  // code with it), which banks, stats and the other commands that never prompt have no use for.
  let noTerminal: { why: string | undefined } | undefined;
  const why = () => (noTerminal ??= { why: whyNoTerminal(io) }).why;
  return {
    io,
    dataDir,
    debug: Boolean(options.debug),
    record: options.record !== false,
    color: colorEnabled(io.env, io.stdout.isTTY),
    get interactive() {
      return why() === undefined;
    },
    get lineMode() {
      return Boolean(io.stdin.isTTY) && io.stdout.isTTY && io.env.TERM === "dumb";
    },
    get noTerminal() {
      return why();
    },
  };
}
