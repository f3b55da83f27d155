// <dataDir>/queue.jsonl: the learner's suspends, unsuspends and buries, one JSON line each, appended with
// O_APPEND in one write and fsynced (append-line.ts), read tolerantly (a torn or edited line is skipped
// and counted). Never rewritten: the state is a fold of the events (core/queue-controls.ts).

import path from "node:path";
import { parseQueueEvent, type QueueEvent } from "../core/queue-controls.js";
import { appendJsonLines, readJsonLines } from "./json-lines.js";
import { checkDataDirReadable, nodeFs, type StoreFs } from "./store-fs.js";

export const QUEUE_FILE = "queue.jsonl";

export function queueFile(dataDir: string): string {
  return path.join(dataDir, QUEUE_FILE);
}

/** Appends events; on disk when this returns. */
export function appendQueueEvents(dataDir: string, events: readonly QueueEvent[], fsys: StoreFs = nodeFs): void {
  appendJsonLines(dataDir, queueFile(dataDir), events, "save the change to the queue in", fsys);
}

export function readQueueEvents(dataDir: string, fsys: StoreFs = nodeFs): { events: QueueEvent[]; skipped: number } {
  checkDataDirReadable(dataDir, fsys);
  const { items, skipped } = readJsonLines(queueFile(dataDir), parseQueueEvent, fsys);
  return { events: items, skipped };
}
