// The progress store commands use. Answers go to the review log (durable, O(1) each, whatever the
// history); scheduling state is folded from it in memory, and written to progress.json on close under
// the lock. Opening reads the snapshot and folds only the log written after it.

import path from "node:path";
import type { ReviewLogEntry } from "../core/review.js";
import { foldReviews, nextCardState, type CardState, type SchedulerSettings } from "../core/scheduler.js";
import { withLock, LOCK_FILE, type LockOptions } from "./lock.js";
import { checkReviewDate } from "../core/review-dates.js";
import { entryProblem } from "./log-entry.js";
import { openReviewLog, REVIEW_LOG_FILE, withUnterminated, type ReviewLog } from "./review-log.js";
import { StoreError } from "./store-error.js";
import { fixedSettings, readSettings, SETTINGS_FILE } from "./config-file.js";
import { schedulerSettings } from "./scheduler-settings.js";
import type { ProgressReader } from "./progress-reader.js";
import {
  peekSchemaVersion,
  readSnapshot,
  writeSnapshot,
  SNAPSHOT_FILE,
  SNAPSHOT_SCHEMA_VERSION,
  type MigrationTable,
  type SnapshotOptions,
} from "./snapshot.js";
import { ensureDataDir, nodeFs, setAside, type StoreFs } from "./store-fs.js";

/**
 * What close did with progress.json. "deferred": another live session holds the lock, so the snapshot
 * was not updated; every answer is in the log (the truth) and the next open folds it in. `message`
 * is one line to show the learner; the session still succeeded.
 */
export type CloseResult =
  | { readonly snapshot: "saved" | "unchanged" }
  | { readonly snapshot: "deferred"; readonly message: string };

export interface ProgressStore extends ProgressReader {
  /** Appends the answer to the log (on disk when this returns) and updates its card. */
  record(entry: ReviewLogEntry): void;
  /**
   * Saves progress.json under the lock. Safe to call twice (the same result); nothing may be recorded
   * after it. Throws a StoreError when saving fails for any reason but a lock held by a live session.
   */
  close(): CloseResult;
}

export interface ProgressStoreOptions {
  /** The data folder; created if missing. Never computed here. */
  readonly dataDir: string;
  readonly now: () => Date;
  /** The prelim version, recorded in progress.json. */
  readonly version: string;
  /** Where messages about repairs go (set-aside files, skipped lines). */
  readonly onNotice: (message: string) => void;
  readonly fs?: StoreFs;
  readonly lock?: Omit<LockOptions, "fs" | "now">;
  /** For tests of migrations. */
  readonly schemaVersion?: number;
  readonly migrations?: MigrationTable;
}

export interface StorePaths {
  readonly log: string;
  readonly snapshot: string;
  readonly lock: string;
  readonly settings: string;
}

export function storePaths(dataDir: string): StorePaths {
  return {
    log: path.join(dataDir, REVIEW_LOG_FILE),
    snapshot: path.join(dataDir, SNAPSHOT_FILE),
    lock: path.join(dataDir, LOCK_FILE),
    settings: path.join(dataDir, SETTINGS_FILE),
  };
}

interface FoldBase {
  readonly cards: Map<string, CardState>;
  readonly logBytes: number;
  readonly fromSnapshot: boolean;
}

export function openProgressStore(options: ProgressStoreOptions): ProgressStore {
  const fsys = options.fs ?? nodeFs;
  const paths = storePaths(options.dataDir);
  ensureDataDir(options.dataDir, fsys);
  // Read once, without conf: a change made during a session applies from the next one.
  const values = readSettings(options.dataDir, { ...options, fs: fsys });
  const settings = fixedSettings(values);
  const scheduling: SchedulerSettings = schedulerSettings(values);
  const log = openReviewLog(paths.log, { fs: fsys, now: options.now, onNotice: options.onNotice });
  const snapshotOptions: SnapshotOptions = {
    fs: fsys,
    now: options.now,
    onNotice: options.onNotice,
    version: options.version,
    logFile: paths.log,
    ...(options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion }),
    ...(options.migrations === undefined ? {} : { migrations: options.migrations }),
  };

  function loadBase(): FoldBase {
    const snapshot = readSnapshot(paths.snapshot, snapshotOptions);
    if (snapshot === undefined) return { cards: new Map(), logBytes: 0, fromSnapshot: false };
    if (log.isLineStart(snapshot.logBytes)) return { cards: snapshot.cards, logBytes: snapshot.logBytes, fromSnapshot: true };
    const aside = setAside(paths.snapshot, "damaged", options.now(), fsys);
    options.onNotice(
      `${paths.snapshot} does not match ${paths.log} (it covers ${snapshot.logBytes} bytes of a ${log.size()}-byte log: ` +
        `was the log replaced or cut short?). Moved it to ${aside} and rebuilt progress from the log.`,
    );
    return { cards: new Map(), logBytes: 0, fromSnapshot: false };
  }

  const lockOptions: LockOptions = { ...options.lock, fs: fsys, now: options.now };

  // The tail is repaired (a torn line set aside, a lost newline restored) before anything reads
  // offsets into the log, and under the lock so two sessions opening at once do not both repair it.
  // If a live session holds the lock the repair waits for the next open; the tail is not folded.
  function repairTail(): void {
    if (!log.tailNeedsRepair()) return;
    try {
      withLock(paths.lock, lockOptions, () => log.repairTail());
    } catch (error) {
      if (!(error instanceof StoreError && error.code === "store-locked")) throw error;
    }
  }

  let cards: Map<string, CardState>;
  // Answers dated ahead of the clock are skipped, but a snapshot saved past them would leave them out
  // for good once the clock is right: with any, nothing is saved (the log has every answer anyway).
  let holdSnapshot = false;
  // `cards` is exactly the fold of the log's first `foldedBytes` bytes while `inStep` holds: true from
  // open, and after each append that started where the last one ended. Then close can save `cards`
  // as they are instead of folding the log again (tens of µs an answer: seconds for a long history).
  let foldedBytes: number;
  let savedBytes: number | undefined;
  try {
    repairTail();
    const base = loadBase();
    const tail = log.read({ fromByte: base.logBytes, reportSkipped: true });
    holdSnapshot = tail.aheadOfClock > 0;
    if (holdSnapshot) {
      options.onNotice(
        `${tail.aheadOfClock} answer${tail.aheadOfClock === 1 ? " is" : "s are"} dated after this computer's clock: ` +
          `is it set right? ${paths.snapshot} is not updated until it is, so they count again then.`,
      );
    }
    cards = foldReviews(base.cards, tail.entries, scheduling);
    foldedBytes = tail.endByte;
    savedBytes = base.fromSnapshot ? base.logBytes : undefined;
  } catch (error) {
    log.close();
    throw error;
  }
  let inStep = true;

  let allEntries: ReviewLogEntry[] | undefined;
  let closed: CloseResult | undefined;

  function save(): "saved" | "unchanged" {
    if (holdSnapshot) return "unchanged";
    const onDisk = peekSchemaVersion(paths.snapshot, fsys);
    const ours = onDisk === "missing" || onDisk === (options.schemaVersion ?? SNAPSHOT_SCHEMA_VERSION);
    if (inStep && ours && log.size() === foldedBytes) {
      if (foldedBytes === savedBytes || (savedBytes === undefined && foldedBytes === 0)) return "unchanged";
      writeSnapshot(paths.snapshot, { writtenBy: options.version, logBytes: foldedBytes, cards }, fsys);
      return "saved";
    }
    // Another session has written to the log, or progress.json is not one we wrote: fold again from
    // what is on disk, not from memory, so nothing of theirs is lost (their progress.json, if further
    // along than ours, is the starting point; one from a newer prelim is refused untouched).
    const base = loadBase();
    const tail = log.read({ fromByte: base.logBytes });
    if (tail.aheadOfClock > 0) return "unchanged";
    if (tail.endByte === base.logBytes && (base.fromSnapshot || tail.endByte === 0)) return "unchanged";
    foldReviews(base.cards, tail.entries, scheduling);
    writeSnapshot(paths.snapshot, { writtenBy: options.version, logBytes: tail.endByte, cards: base.cards }, fsys);
    return "saved";
  }

  // The answers are in the log whatever happens here: a live session holding the lock only delays
  // the snapshot, which the next open (any session's) catches up by folding the log after it.
  function saveUnderLock(): CloseResult {
    try {
      return { snapshot: withLock(paths.lock, lockOptions, save) };
    } catch (error) {
      if (!(error instanceof StoreError && error.code === "store-locked")) throw error;
      return {
        snapshot: "deferred",
        message:
          `Your answers are saved in ${paths.log}. ${paths.snapshot} was not updated because another prelim ` +
          "is saving its own progress; it catches up the next time prelim runs.",
      };
    }
  }

  return {
    settings,

    record(entry) {
      if (closed !== undefined) throw new Error("the progress store is closed");
      const date = checkReviewDate(entry.at, options.now());
      const problem = entryProblem(entry) ?? (date.ok ? undefined : date.reason);
      if (problem !== undefined) throw new TypeError(`not a review log entry: ${problem}`);
      const appended = log.append(entry);
      cards.set(entry.key, nextCardState(cards.get(entry.key), entry.rating, new Date(entry.at), scheduling));
      if (appended.before === foldedBytes) foldedBytes = appended.after;
      else inStep = false;
      allEntries?.push(entry);
    },

    cards: () => cards,

    entries() {
      allEntries ??= withUnterminated(log.read());
      return allEntries;
    },

    close() {
      if (closed !== undefined) return closed;
      try {
        closed = saveUnderLock();
      } catch (error) {
        // Closed all the same: nothing may be recorded after a failed close either.
        closed = { snapshot: "unchanged" };
        throw error;
      } finally {
        log.close();
      }
      return closed;
    },
  };
}
