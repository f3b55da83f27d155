// The built binary, spawned as a user would run it, with a temporary PRELIM_HOME and no real config.

import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, expect } from "vitest";
import { REPO_ROOT, makeTempDir } from "../fixtures/fixtures.js";
import { main } from "../../src/main.js";
import { clockFrom, type Io, type Output } from "../../src/io.js";

export const BIN = path.join(REPO_ROOT, "bin", "prelim.js");

/** Anything a terminal could act on, except newline and tab (RELIABILITY.md rows 11–12). */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

export interface RunOptions {
  /** Added to (and overriding) the base environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly input?: string;
  /** PRELIM_HOME for this run; default: a fresh temp folder removed after the test. */
  readonly home?: string;
}

export interface RunResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for "never anywhere" assertions. */
  readonly output: string;
  /** In process only: whether the command asked for standard input at all. */
  readonly stdinOpened?: boolean;
}

/** What a run loaded: the files (relative to the repo), the modules they hold (src/… and package names), the Node builtins. */
export interface Loads {
  readonly files: string[];
  readonly sources: string[];
  readonly packages: string[];
  readonly builtins: string[];
}

/** The environment that makes a run record every module it loads into `record` (tests/fixtures/record-loads.mjs). */
export function recordLoads(record: string): Record<string, string> {
  return { NODE_OPTIONS: `--import=${pathToFileURL(path.join(REPO_ROOT, "tests", "fixtures", "record-loads.mjs")).href}`, PRELIM_LOADS: record };
}

/** What a run with recordLoads loaded; the bundle's files are told apart by dist/chunks.json. */
export function readLoads(record: string): Loads {
  const chunks = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "dist", "chunks.json"), "utf8")) as Record<string, string[]>;
  const urls = [...new Set(fs.readFileSync(record, "utf8").trim().split("\n"))];
  const builtins = urls.filter((url) => url.startsWith("node:")).map((url) => url.slice("node:".length));
  const files = urls.filter((url) => url.startsWith("file:")).map((url) => path.relative(REPO_ROOT, new URL(url).pathname)).filter((file) => !file.startsWith(".."));
  const modules = files.flatMap((file) => (file.startsWith("dist/") ? (chunks[file.slice("dist/".length)] ?? [file]) : [file]));
  const packages = [...new Set(modules.filter((id) => id.startsWith("node_modules/")).map((id) => id.split("/").slice(1, id.split("/")[1]!.startsWith("@") ? 3 : 2).join("/")))];
  return { files, sources: modules.filter((id) => id.startsWith("src/")), packages, builtins };
}

/** No JavaScript stack frame ("    at fn (file:1:2)") in the text. */
export const STACK_FRAME = /^\s+at .+/m;

const cleanups: (() => void)[] = [];
const stderrs: string[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  // Whatever a test feeds the binary, a stack trace is never the answer.
  for (const stderr of stderrs.splice(0)) expect(stderr).not.toMatch(STACK_FRAME);
});

/** A temp folder for this test, removed after it. */
export function tempDir(prefix = "prelim-cli-"): string {
  const temp = makeTempDir(prefix);
  cleanups.push(temp.remove);
  return temp.dir;
}

/** Writes files (name → content) into a fresh temp folder and returns the folder. */
export function tempFiles(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/**
 * The built binary as a process: for what only a process shows (exit codes from signals, pipes, kill -9,
 * a V8 abort, start-up). Everything else runs in-process with runPrelim.
 */
export function spawnPrelim(args: readonly string[], options: RunOptions = {}): RunResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PRELIM_HOME: options.home ?? tempDir("prelim-home-"),
    PRELIM_BANKS: "",
    PRELIM_MAX_BANK_MB: undefined,
    NO_COLOR: "1",
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd ?? tempDir("prelim-cwd-"),
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 15_000,
  });
  if (result.error) throw result.error;
  stderrs.push(result.stderr);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

export interface ReviewLogLine {
  readonly at: string;
  readonly key: string;
  readonly given: string[];
  readonly correct: boolean;
  readonly ms: number;
  readonly rating: string;
  readonly mode: string;
}

/** The review log in a data dir, parsed; blank lines (which readers skip) left out. */
export function readReviewLog(home: string): ReviewLogLine[] {
  const file = path.join(home, "reviews.jsonl");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ReviewLogLine);
}

/** An output stream that keeps what is written; not a terminal, as in CI. */
function bufferOutput(): Output & { readonly text: () => string } {
  const chunks: string[] = [];
  return { write: (text) => void chunks.push(text), isTTY: false, text: () => chunks.join("") };
}

/**
 * `prelim args…` in this process, through main(args, io) with buffers for the streams and its own
 * environment (nothing from the real one): the same result as spawnPrelim, in milliseconds.
 */
export async function runPrelim(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string | undefined> = {
    PRELIM_HOME: options.home ?? tempDir("prelim-home-"),
    PRELIM_BANKS: "",
    NO_COLOR: "1",
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const stdout = bufferOutput();
  const stderr = bufferOutput();
  const stdin = Object.assign(Readable.from(options.input === undefined || options.input === "" ? [] : [options.input]), { isTTY: false });
  let stdinOpened = false;
  const io: Io = {
    stdout,
    stderr,
    get stdin() {
      stdinOpened = true;
      return stdin;
    },
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd ?? tempDir("prelim-cwd-"),
    now: clockFrom(env as NodeJS.ProcessEnv),
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
    hostname: () => "test-host",
  };
  const status = await main(args, io);
  stderrs.push(stderr.text());
  return { status, signal: null, stdout: stdout.text(), stderr: stderr.text(), output: stdout.text() + stderr.text(), stdinOpened };
}
