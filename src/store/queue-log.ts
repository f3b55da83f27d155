// <dataDir>/queue.jsonl: the learner's suspends, unsuspends and buries, one JSON line each, appended with
// O_APPEND in one write and fsynced (append-line.ts), read tolerantly (a torn or edited line is skipped
// and counted). Never rewritten: the state is a fold of the events (core/queue-controls.ts).

import fs from "node:fs";
import path from "node:path";
import { parseQueueEvent, type QueueEvent } from "../core/queue-controls.js";
import { appendLine } from "./append-line.js";
import { checkDataDirReadable, ensureDataDir, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";

export const QUEUE_FILE = "queue.jsonl";

export function queueFile(dataDir: string): string {
  return path.join(dataDir, QUEUE_FILE);
}

/** Appends events; on disk when this returns. */
export function appendQueueEvents(dataDir: string, events: readonly QueueEvent[], fsys: StoreFs = nodeFs): void {
  if (events.length === 0) return;
  const file = queueFile(dataDir);
  let fd: number | undefined;
  try {
    ensureDataDir(dataDir, fsys);
    fd = fsys.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
    appendLine(fd, Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(""), "utf8"), fsys);
  } catch (error) {
    throw storeFailure(error, "save the change to the queue in", file);
  } finally {
    if (fd !== undefined) fsys.closeSync(fd);
  }
}

export function readQueueEvents(dataDir: string, fsys: StoreFs = nodeFs): { events: QueueEvent[]; skipped: number } {
  checkDataDirReadable(dataDir, fsys);
  let text: string;
  try {
    text = fsys.readFileSync(queueFile(dataDir), "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return { events: [], skipped: 0 };
    throw storeFailure(error, "read", queueFile(dataDir));
  }
  const events: QueueEvent[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const event = parseQueueEvent(value);
    if (event === undefined) skipped++;
    else events.push(event);
  }
  return { events, skipped };
}
