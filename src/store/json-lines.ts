// The small journals beside the review log (mock attempts, queue events): one JSON value a line,
// appended whole with O_APPEND and fsync, read tolerantly: a line that does not parse (a torn tail after
// a crash, an edit by hand) is left out and counted, never a reason to stop. Never rewritten.

import fs from "node:fs";
import { appendLine } from "./append-line.js";
import { ensureDataDir, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";

/** Appends the values, one line each, in one write; on disk when this returns. */
export function appendJsonLines(dataDir: string, file: string, values: readonly unknown[], action: string, fsys: StoreFs = nodeFs): void {
  if (values.length === 0) return;
  let fd: number | undefined;
  try {
    ensureDataDir(dataDir, fsys);
    fd = fsys.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
    appendLine(fd, Buffer.from(values.map((value) => `${JSON.stringify(value)}\n`).join(""), "utf8"), fsys);
  } catch (error) {
    throw storeFailure(error, action, file);
  } finally {
    if (fd !== undefined) fsys.closeSync(fd);
  }
}

/** Every line `parse` accepts, in order, and how many it did not; a missing file is empty. */
export function readJsonLines<T>(file: string, parse: (value: unknown) => T | undefined, fsys: StoreFs = nodeFs): { items: T[]; skipped: number } {
  let text: string;
  try {
    text = fsys.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { items: [], skipped: 0 };
    throw storeFailure(error, "read", file);
  }
  const items: T[] = [];
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
    const item = parse(value);
    if (item === undefined) skipped++;
    else items.push(item);
  }
  return { items, skipped };
}
