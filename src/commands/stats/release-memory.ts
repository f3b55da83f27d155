// A full garbage collection at each large bank, once its questions are read and before its progress
// is. stats holds one bank's questions and progress at a time, and what it keeps of each is small
// (about 20 MB live at 100k cards in five banks), but V8 lets the heap grow to several banks' worth
// before it collects: 250 MB of RSS at its peak, where a collection at each large bank keeps it near
// 165. `--expose-gc` cannot be passed through the
// shebang, so it is set at run time and the function taken from a new context, as Jest's leak
// detector does; each collection costs about 10 ms, so only banks this large ask for one.

import { createRequire } from "node:module";

// node:v8 and node:vm are required at the first large bank: most runs of stats never need them, and
// start-up is every run's cost.
const requireHere = createRequire(import.meta.url);

/** Questions in a bank past which the collection is worth its time. */
export const LARGE_BANK_QUESTIONS = 5_000;

let collect: (() => void) | undefined;

export function releaseMemory(): void {
  if (collect === undefined) {
    (requireHere("node:v8") as typeof import("node:v8")).setFlagsFromString("--expose-gc");
    collect = (requireHere("node:vm") as typeof import("node:vm")).runInNewContext("gc") as () => void;
  }
  collect();
}
