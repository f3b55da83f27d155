// Lines typed on a terminal that cannot move the cursor (TERM=dumb), read one at a time after a prompt.
// The line discipline is left cooked, so the terminal echoes what is typed and Ctrl-C arrives as SIGINT,
// which aborts `signal` like anywhere else: a read waiting then rejects with the signal's reason.

import readline from "node:readline";
import { InterruptedError } from "../errors.js";

export interface LineReader {
  /** Writes `prompt`, then the next line typed; undefined at the end of input. */
  read(prompt: string, signal?: AbortSignal): Promise<string | undefined>;
  close(): void;
}

export function lineReader(input: NodeJS.ReadableStream, write: (text: string) => void, sessionSignal: AbortSignal): LineReader {
  const rl = readline.createInterface({ input, terminal: false, crlfDelay: Infinity });
  const queue: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let closed = false;
  rl.on("line", (line) => {
    const resolve = waiting;
    waiting = undefined;
    if (resolve) resolve(line);
    else queue.push(line);
  });
  rl.on("close", () => {
    closed = true;
    waiting?.(undefined);
    waiting = undefined;
  });

  const read = (prompt: string, signal: AbortSignal = sessionSignal) =>
    new Promise<string | undefined>((resolve, reject) => {
      const reason = () => (signal.reason instanceof Error ? signal.reason : new InterruptedError("SIGINT"));
      if (signal.aborted) return reject(reason());
      write(prompt);
      if (queue.length > 0) return resolve(queue.shift());
      if (closed) return resolve(undefined);
      const onAbort = () => {
        waiting = undefined;
        write("\n");
        reject(reason());
      };
      signal.addEventListener("abort", onAbort, { once: true });
      waiting = (line) => {
        signal.removeEventListener("abort", onAbort);
        resolve(line);
      };
    });
  return { read, close: () => rl.close() };
}
