// A typed wrapper around pty-run.py: runs the built binary on a real pseudo-terminal, types scripted
// keys, and returns what the screen received with the exit code.

import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PTY_RUN = path.join(HERE, "pty-run.py");
export const REPO_ROOT = path.resolve(HERE, "..", "..");
export const BIN = path.join(REPO_ROOT, "bin", "prelim.js");

export type PtyStep =
  /** Waits until the text has appeared (anywhere, or only after this step starts with newOnly). */
  | { readonly waitFor: string; readonly timeout?: number; readonly newOnly?: boolean }
  /** Types keys: "\r" is Enter, "\u0003" Ctrl-C. */
  | { readonly send: string }
  | { readonly sleep: number }
  | { readonly signal: "SIGINT" | "SIGTERM" | "SIGHUP" | "SIGQUIT" | "SIGKILL" }
  /** Resizes the terminal (the program gets SIGWINCH). */
  | { readonly resize: { readonly cols: number; readonly rows: number } };

export interface PtyRun {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly steps: readonly PtyStep[];
  readonly cwd?: string;
  readonly cols?: number;
  readonly rows?: number;
  /** Seconds for the whole run, after which the program is killed. */
  readonly timeout?: number;
}

export interface PtyResult {
  /** Everything the program wrote to the terminal, escape sequences included. */
  readonly output: string;
  /** The exit code, or 128 + the signal that ended it. */
  readonly exit: number;
  readonly timedOut: boolean;
  /** The text of a waitFor step that never appeared. */
  readonly failedWait: string | null;
  /** The output split where the terminal was resized: one more segment than resize steps. */
  readonly segments: readonly string[];
  /** The terminal's modes when the program ended: both true once it is restored from raw mode. */
  readonly tty: { readonly icanon: boolean; readonly echo: boolean } | null;
}

/** The pty tests need Python's pty module (python3 is on every machine of this project); say so plainly. */
function requirePython(): void {
  const probe = spawnSync("python3", ["-c", "import pty"], { encoding: "utf8" });
  if (probe.status !== 0) throw new Error("the pseudo-terminal tests need python3 with its pty module on the PATH");
}

function toScriptStep(step: PtyStep): Record<string, unknown> {
  if ("waitFor" in step) return { wait_for: step.waitFor, timeout: step.timeout ?? 10, new_only: Boolean(step.newOnly) };
  if ("resize" in step) return { resize: [step.resize.rows, step.resize.cols] };
  return step;
}

/** Runs `node bin/prelim.js …args` on a pseudo-terminal. */
export function runPrelimOnPty(run: PtyRun): PtyResult {
  requirePython();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(run.env)) if (value !== undefined) env[key] = value;
  const timeout = run.timeout ?? 30;
  const script = {
    argv: [process.execPath, BIN, ...run.args],
    env,
    cwd: run.cwd ?? REPO_ROOT,
    cols: run.cols ?? 100,
    rows: run.rows ?? 40,
    timeout,
    steps: run.steps.map(toScriptStep),
  };
  const result = spawnSync("python3", [PTY_RUN, JSON.stringify(script)], { encoding: "utf8", timeout: (timeout + 10) * 1000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pty-run.py failed (${result.status}): ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { output: string; exit: number; timed_out: boolean; failed_wait: string | null; segments: string[]; tty: PtyResult["tty"] };
  return { output: parsed.output, exit: parsed.exit, timedOut: parsed.timed_out, failedWait: parsed.failed_wait, segments: parsed.segments, tty: parsed.tty };
}

/** Removes escape sequences, for asserting on the text a learner reads. */
export function screenText(output: string): string {
  // CSI sequences (colour, cursor movement, erase) and the few two-byte escapes Inquirer writes.
  return output.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\u001b[()][0-9A-Za-z]|\u001b[=>78]/g, "");
}
