// What a command may touch of the outside world, passed in so tests can hand it temp dirs and buffers.

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
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
  };
}
