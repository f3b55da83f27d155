// What a command may touch of the outside world, passed in so tests can hand it temp dirs and buffers.

import { hostname } from "node:os";

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
  /** The terminal's height, so a full-screen view (the mock test) can stay within it. */
  readonly rows?: number;
  /** Calls `listener` when the terminal is resized (SIGWINCH); returns the function that stops it. */
  onResize?(listener: () => void): () => void;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  now(): Date;
  /** A seed for runs without --seed; the only source of randomness. */
  randomSeed(): number;
  /** This machine's name, for reports CI systems show (JUnit's hostname). */
  hostname(): string;
}

/**
 * The clock every command sees: the real one, or one that starts at PRELIM_NOW (an ISO date-time) and
 * runs on from there, so a learner or a test can see what another day holds and timers still tick.
 */
export function clockFrom(env: NodeJS.ProcessEnv, realNow: () => number = Date.now): () => Date {
  const start = env.PRELIM_NOW === undefined || env.PRELIM_NOW === "" ? Number.NaN : Date.parse(env.PRELIM_NOW);
  if (Number.isNaN(start)) return () => new Date(realNow());
  const startedAt = realNow();
  return () => new Date(start + (realNow() - startedAt));
}

export function processIo(): Io {
  const output = (stream: NodeJS.WriteStream): Output => ({
    write: (text) => void stream.write(text),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
    onResize(listener) {
      stream.on("resize", listener);
      return () => void stream.off("resize", listener);
    },
  });
  return {
    stdout: output(process.stdout),
    stderr: output(process.stderr),
    // On first use: creating the stream loads Node's stream modules (about 2 ms), which --version,
    // banks and stats never need.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: clockFrom(process.env),
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
    hostname: () => hostname(),
  };
}
