// Progress for commands that only read it (stats, banks, the first screen of review). The log and
// progress.json are read as they are: no lock is taken, nothing is created, repaired, set aside or
// migrated, so reading works on a read-only folder and while a session holds the lock.

import type { ReviewLogEntry } from "../core/review.js";
import { foldReviews, type CardState } from "../core/scheduler.js";
import { foldTallies, type AnswerTally, type Tallies } from "../core/tally.js";
import { fixedSettings, readSettings } from "./config-file.js";
import { schedulerSettings } from "./scheduler-settings.js";
import { storePaths, type ProgressStoreOptions } from "./progress-store.js";
import { openReviewLog, withUnterminated } from "./review-log.js";
import type { SettingsView } from "./setting-definitions.js";
import { readSnapshot } from "./snapshot.js";
import { checkDataDirReadable, nodeFs } from "./store-fs.js";

export interface ProgressReader {
  /** The scheduling state of every question reviewed, by key. */
  cards(): ReadonlyMap<string, CardState>;
  /** Per question, what stats and today's counts need from the history (core/tally.ts). */
  tallies(): ReadonlyMap<string, AnswerTally>;
  /**
   * Every answer in the log, oldest first. Read from disk on the first call: the whole log, so no
   * command's hot path uses it (they use cards and tallies, read from the snapshot and the tail).
   */
  entries(): readonly ReviewLogEntry[];
  readonly settings: SettingsView;
  close(): void;
}

/** The store's options; those about writing (the lock, migrations) do not apply. */
export type ProgressReaderOptions = Omit<ProgressStoreOptions, "lock" | "migrations">;

export function openProgressReader(options: ProgressReaderOptions): ProgressReader {
  const fsys = options.fs ?? nodeFs;
  checkDataDirReadable(options.dataDir, fsys);
  const paths = storePaths(options.dataDir);
  const values = readSettings(options.dataDir, { ...options, fs: fsys, readOnly: true });
  const scheduling = schedulerSettings(values);
  const log = openReviewLog(paths.log, { fs: fsys, now: options.now, onNotice: options.onNotice, readOnly: true });
  let cards: Map<string, CardState>;
  let tallies: Tallies;
  try {
    const snapshot = readSnapshot(paths.snapshot, {
      fs: fsys,
      now: options.now,
      onNotice: options.onNotice,
      version: options.version,
      logFile: paths.log,
      readOnly: true,
      ...(options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion }),
    });
    // A snapshot that does not fit the log is not used (a session sets it aside): fold it all.
    const base = snapshot !== undefined && log.isLineStart(snapshot.logBytes) ? snapshot : undefined;
    const tail = log.read({ fromByte: base?.logBytes ?? 0, reportSkipped: true });
    // A last answer whose newline is missing counts: nothing is saved here, so no offset can be
    // left in the middle of a line.
    const read = withUnterminated(tail);
    cards = foldReviews(base?.cards ?? new Map(), read, scheduling);
    tallies = foldTallies(base?.tallies ?? new Map(), read);
  } catch (error) {
    log.close();
    throw error;
  }
  let entries: ReviewLogEntry[] | undefined;
  return {
    settings: fixedSettings(values),
    cards: () => cards,
    tallies: () => tallies,
    entries() {
      entries ??= withUnterminated(log.read());
      return entries;
    },
    close: () => log.close(),
  };
}
