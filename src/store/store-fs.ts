// The file system as the store sees it, plus the few helpers every store file needs. The fs object is
// a parameter everywhere (defaulting to node's) so tests can make a write fail: a read-only folder or
// a full disk cannot be produced for real when tests run as root.

import fs from "node:fs";
import path from "node:path";
import { StoreError } from "./store-error.js";

export type StoreFs = typeof fs;

export const nodeFs: StoreFs = fs;

export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

const UNWRITABLE_REASONS: Record<string, string> = {
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file is in the way of a folder",
  ENOENT: "its folder no longer exists",
};

/** Turns a failed file operation into a StoreError that says what failed and what to do about it. */
export function storeFailure(error: unknown, action: string, file: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = errnoCode(error);
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new StoreError(
      "store-disk-full",
      `Could not ${action} ${file}: the disk is full (${code}). Nothing already saved was changed; free some space and run prelim again.`,
      { cause: error },
    );
  }
  const reason = code === undefined ? undefined : UNWRITABLE_REASONS[code];
  if (reason !== undefined) {
    return new StoreError(
      "store-unwritable",
      `Could not ${action} ${file}: ${reason} (${code}). Set --data-dir or PRELIM_HOME to a writable folder.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError("store-write-failed", `Could not ${action} ${file}: ${detail}`, { cause: error });
}

/** A time stamp that is safe in a file name on every system: 2024-05-01T10-00-00-000Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/** `<file>.<label>-<timestamp>`, with a counter added if that name is taken. */
export function asideName(file: string, label: string, now: Date, fsys: StoreFs = nodeFs): string {
  const base = `${file}.${label}-${fileTimestamp(now)}`;
  let candidate = base;
  for (let n = 2; fsys.existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Moves a file out of the way, keeping it for the learner to inspect. Returns where it went. */
export function setAside(file: string, label: string, now: Date, fsys: StoreFs = nodeFs): string {
  const target = asideName(file, label, now, fsys);
  try {
    fsys.renameSync(file, target);
  } catch (error) {
    throw storeFailure(error, "move aside", file);
  }
  return target;
}

/**
 * Makes a rename in `folder` durable. Failure is ignored: the rename has already happened and the data
 * is readable, so reporting an error would say a save failed when it did not.
 */
export function syncFolder(folder: string, fsys: StoreFs = nodeFs): void {
  let fd: number | undefined;
  try {
    fd = fsys.openSync(folder, "r");
    fsys.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder (EINVAL, EISDIR); there is nothing better to do.
  } finally {
    if (fd !== undefined) fsys.closeSync(fd);
  }
}

/** Creates the data folder if needed, or explains why it cannot be used. */
export function ensureDataDir(dataDir: string, fsys: StoreFs = nodeFs): void {
  try {
    fsys.mkdirSync(dataDir, { recursive: true });
    if (!fsys.statSync(dataDir).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  } catch (error) {
    const failure = storeFailure(error, "use the data folder", path.resolve(dataDir));
    if (failure.code === "store-unwritable") throw failure;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      "store-unwritable",
      `Could not use the data folder ${path.resolve(dataDir)}: ${detail}. Set --data-dir or PRELIM_HOME to a writable folder.`,
      { cause: error },
    );
  }
}

/**
 * For readers: a data folder that does not exist yet is simply empty, but one that is a file, or lies
 * under a file, is a mistake in --data-dir or PRELIM_HOME and is said so.
 */
export function checkDataDirReadable(dataDir: string, fsys: StoreFs = nodeFs): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fsys.statSync(dataDir, { throwIfNoEntry: false });
  } catch (error) {
    stat = undefined;
    if (errnoCode(error) !== "ENOENT") {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StoreError("store-unwritable", `Could not use the data folder ${path.resolve(dataDir)}: ${detail}. Set --data-dir or PRELIM_HOME to a folder.`, { cause: error });
    }
  }
  if (stat !== undefined && !stat.isDirectory()) {
    throw new StoreError("store-unwritable", `Could not use the data folder ${path.resolve(dataDir)}: it is a file, not a folder. Set --data-dir or PRELIM_HOME to a folder.`);
  }
}

/** Closes a file after a failed write. */
export function closeQuietly(fd: number, fsys: StoreFs = nodeFs): void {
  try {
    fsys.closeSync(fd);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

/** Removes a temp file after a failed write, if it was ever created. */
export function removeQuietly(file: string, fsys: StoreFs = nodeFs): void {
  try {
    fsys.unlinkSync(file);
  } catch {
    // Never created, or its folder is what failed: the first error is the one to report.
  }
}
