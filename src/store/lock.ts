// progress.lock: held while a session folds the log into progress.json. Created with O_EXCL and
// holding the owner's pid and start time; a lock whose process is dead (or that is older than any
// fold could take, or dated in the future) is taken over, a live one is waited on briefly.
//
// The lock saves work rather than data: a fold re-reads the log from the snapshot's own offset and
// each snapshot is written whole with its offset, so even two folds at once leave a consistent file.

import { errnoCode, nodeFs, storeFailure, type StoreFs } from "./store-fs.js";
import { StoreError } from "./store-error.js";

export const LOCK_FILE = "progress.lock";

export interface LockOptions {
  readonly fs?: StoreFs;
  readonly now: () => Date;
  /** How long to wait for a live lock before giving up. */
  readonly waitMs?: number;
  readonly pollMs?: number;
  /** A lock older than this is stale whoever holds it (a fold takes seconds; pids get reused). */
  readonly staleAfterMs?: number;
  readonly isProcessAlive?: (pid: number) => boolean;
  readonly sleep?: (ms: number) => void;
  /** The pid written into the lock; tests pass another to stand for a second process. */
  readonly pid?: number;
}

export interface HeldLock {
  release(): void;
}

interface LockOwner {
  readonly pid: number;
  readonly startedAt: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoCode(error) !== "ESRCH";
  }
}

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOwner(file: string, fsys: StoreFs): LockOwner | "gone" | "unreadable" {
  let text: string;
  try {
    text = fsys.readFileSync(file, "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return "gone";
    throw storeFailure(error, "read", file);
  }
  try {
    const owner: unknown = JSON.parse(text);
    if (typeof owner === "object" && owner !== null && "pid" in owner && "startedAt" in owner) {
      const { pid, startedAt } = owner as Record<string, unknown>;
      if (typeof pid === "number" && Number.isInteger(pid) && pid > 0 && typeof startedAt === "string") {
        return { pid, startedAt };
      }
    }
  } catch {
    // Fall through: a lock being created has no content for a moment.
  }
  return "unreadable";
}

function tryCreate(file: string, owner: LockOwner, fsys: StoreFs): boolean {
  let fd: number;
  try {
    fd = fsys.openSync(file, "wx", 0o644);
  } catch (error) {
    if (errnoCode(error) === "EEXIST") return false;
    throw storeFailure(error, "create", file);
  }
  try {
    fsys.writeSync(fd, JSON.stringify(owner));
    fsys.closeSync(fd);
  } catch (error) {
    fsys.closeSync(fd);
    fsys.rmSync(file, { force: true });
    throw storeFailure(error, "create", file);
  }
  return true;
}

export function acquireLock(file: string, options: LockOptions): HeldLock {
  const fsys = options.fs ?? nodeFs;
  const waitMs = options.waitMs ?? 2_000;
  const pollMs = options.pollMs ?? 50;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const alive = options.isProcessAlive ?? isProcessAlive;
  const sleep = options.sleep ?? sleepSync;
  const owner: LockOwner = { pid: options.pid ?? process.pid, startedAt: options.now().toISOString() };

  let waited = 0;
  let unreadableSince: number | undefined;
  for (;;) {
    if (tryCreate(file, owner, fsys)) return { release: () => release(file, owner, fsys) };
    const holder = readOwner(file, fsys);
    if (holder === "gone") continue;
    if (holder === "unreadable") {
      // Empty or garbage for longer than a creator needs to write it: left by a crash.
      unreadableSince ??= waited;
      if (waited - unreadableSince >= Math.min(waitMs, 1_000)) {
        removeStale(file, fsys);
        continue;
      }
    } else if (!alive(holder.pid) || isStale(holder, options.now(), staleAfterMs)) {
      removeStale(file, fsys);
      continue;
    }
    if (waited >= waitMs) {
      const by = holder === "unreadable" ? "another prelim" : `process ${holder.pid} since ${holder.startedAt}`;
      throw new StoreError(
        "store-locked",
        `${file} is held by ${by}, which is saving progress. Wait for it to finish and try again; ` +
          `if no prelim is running, delete ${file}.`,
      );
    }
    sleep(pollMs);
    waited += pollMs;
  }
}

// Whoever holds it: a lock older than any fold could take (pids get reused, pid 1 is always alive),
// or one that started in the future (a clock moved back since, or another machine's clock) or at no
// readable time, would otherwise block every session for ever.
function isStale(holder: LockOwner, now: Date, staleAfterMs: number): boolean {
  const age = now.getTime() - Date.parse(holder.startedAt);
  return !(age >= 0 && age <= staleAfterMs);
}

function removeStale(file: string, fsys: StoreFs): void {
  try {
    fsys.unlinkSync(file);
  } catch (error) {
    if (errnoCode(error) !== "ENOENT") throw storeFailure(error, "remove the stale lock", file);
  }
}

function release(file: string, owner: LockOwner, fsys: StoreFs): void {
  const holder = readOwner(file, fsys);
  // Only remove our own lock: if ours was taken over as stale, the file is someone else's now.
  if (typeof holder === "object" && holder.pid === owner.pid && holder.startedAt === owner.startedAt) {
    removeStale(file, fsys);
  }
}

export function withLock<T>(file: string, options: LockOptions, work: () => T): T {
  const lock = acquireLock(file, options);
  try {
    return work();
  } finally {
    lock.release();
  }
}
