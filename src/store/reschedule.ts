// After a setting that moves existing schedules changes (fitted FSRS weights, the exam date),
// progress.json, folded with the old value, no longer says when questions are due. It is derived from
// the log, so it is removed under the lock and the next open folds the whole log with the new
// setting: the memory states are recomputed, as Anki does when its parameters change.

import { withLock, type LockOptions } from "./lock.js";
import { storePaths } from "./progress-store.js";
import { StoreError } from "./store-error.js";
import { ensureDataDir, errnoCode, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";

export interface RescheduleOptions {
  readonly now: () => Date;
  readonly fs?: StoreFs;
  readonly lock?: Omit<LockOptions, "fs" | "now">;
}

/**
 * Runs `change` (saving the setting) and drops progress.json, both under the lock, so no session can
 * save a snapshot folded with the old value in between. With a live session holding the lock nothing
 * is changed: a StoreError says to finish it first.
 */
export function withReschedule<T>(dataDir: string, options: RescheduleOptions, change: () => T): T {
  const fsys = options.fs ?? nodeFs;
  const paths = storePaths(dataDir);
  ensureDataDir(dataDir, fsys);
  try {
    return withLock(paths.lock, { ...options.lock, fs: fsys, now: options.now }, () => {
      const result = change();
      try {
        fsys.unlinkSync(paths.snapshot);
      } catch (error) {
        if (errnoCode(error) !== "ENOENT") throw storeFailure(error, "remove", paths.snapshot);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof StoreError && error.code === "store-locked") {
      throw new StoreError(
        "store-locked",
        "Another prelim session is running; this setting changes when questions are due, so it is saved only when no session is open. Finish that session and run this again.",
        { cause: error },
      );
    }
    throw error;
  }
}
