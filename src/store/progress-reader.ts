// Progress for commands that only read it (stats, banks, the first screen of review). The log and
// progress.json are read as they are: no lock is taken, nothing is created, repaired, set aside or
// migrated, so reading works on a read-only folder and while a session holds the lock. progress.json
// is read whole when cards() or tallies() is asked for, or one bank's part at a time (bankProgress).

import { groupInto } from "../core/group.js";
import type { ReviewLogEntry } from "../core/review.js";
import { foldReviews, type CardState } from "../core/scheduler.js";
import { foldTallies, type AnswerTally, type Tallies } from "../core/tally.js";
import { fixedSettings, readSettings } from "./config-file.js";
import { schedulerSettings } from "./scheduler-settings.js";
import { storePaths, type ProgressStoreOptions } from "./progress-store.js";
import { openReviewLog, withUnterminated } from "./review-log.js";
import type { SettingsView } from "./setting-definitions.js";
import { bankPart, checkedSection, openSections, readSnapshot, sectionOf, SNAPSHOT_SCHEMA_VERSION, type BankProgress, type SnapshotSections } from "./snapshot.js";
import { checkDataDirReadable, nodeFs } from "./store-fs.js";

export interface ProgressReader {
  /** The scheduling state of every question reviewed, by key. */
  cards(): ReadonlyMap<string, CardState>;
  /** Per question, what stats and today's counts need from the history (core/tally.ts). */
  tallies(): ReadonlyMap<string, AnswerTally>;
  /**
   * The cards and tallies of one bank's questions and statements, as cards() and tallies() give them.
   * Read from that bank's part of progress.json when it has parts and cards() has not been read, so a
   * command going through the banks one at a time (stats) holds one bank's progress at a time.
   */
  bankProgress(bank: string): BankProgress;
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
  const schemaVersion = options.schemaVersion ?? SNAPSHOT_SCHEMA_VERSION;
  const log = openReviewLog(paths.log, { fs: fsys, now: options.now, onNotice: options.onNotice, readOnly: true });
  // The parts and the whole file name the same offset: the log is checked there once.
  const lineStarts = new Map<number, boolean>();
  const isLineStart = (offset: number): boolean => {
    let known = lineStarts.get(offset);
    if (known === undefined) lineStarts.set(offset, (known = log.isLineStart(offset)));
    return known;
  };

  /** Everything, from the whole snapshot (checked card by card) and the log after it. */
  function readWhole(reportSkipped: boolean): { cards: Map<string, CardState>; tallies: Tallies } {
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
    const base = snapshot !== undefined && isLineStart(snapshot.logBytes) ? snapshot : undefined;
    const tail = log.read({ fromByte: base?.logBytes ?? 0, reportSkipped });
    // A last answer whose newline is missing counts: nothing is saved here, so no offset can be
    // left in the middle of a line.
    const read = withUnterminated(tail);
    return { cards: foldReviews(base?.cards ?? new Map(), read, scheduling), tallies: foldTallies(base?.tallies ?? new Map(), read) };
  }

  // A whole file of ours at this version, with parts, that fits the log is read a bank at a time; anything
  // else is read whole now, as it always was (reported when damaged, refused when newer).
  let whole: { cards: Map<string, CardState>; tallies: Tallies } | undefined;
  let parts: { sections: SnapshotSections; tail: Map<string, ReviewLogEntry[]> } | undefined;
  try {
    const sections = openSections(paths.snapshot, fsys);
    if (sections !== undefined && sections.schemaVersion === schemaVersion && isLineStart(sections.logBytes)) {
      parts = { sections, tail: groupInto(new Map(), withUnterminated(log.read({ fromByte: sections.logBytes, reportSkipped: true })), (entry) => sectionOf(entry.key)) };
    } else {
      sections?.close();
      whole = readWhole(true);
    }
  } catch (error) {
    log.close();
    throw error;
  }
  const all = () => (whole ??= readWhole(false));

  function bankProgress(bank: string): BankProgress {
    const section = whole === undefined ? parts?.sections.section(bank) : undefined;
    const checked = section === undefined ? undefined : checkedSection(section, options.now());
    // A part that is not as prelim writes it: the whole file is read, and reported as it always was.
    if (checked === undefined) return bankPart(all(), bank);
    const tail = parts?.tail.get(bank) ?? [];
    return { cards: foldReviews(checked.cards, tail, scheduling), tallies: foldTallies(checked.tallies, tail) };
  }

  let entries: ReviewLogEntry[] | undefined;
  return {
    settings: fixedSettings(values),
    cards: () => all().cards,
    tallies: () => all().tallies,
    bankProgress,
    entries() {
      entries ??= withUnterminated(log.read());
      return entries;
    },
    close() {
      log.close();
      parts?.sections.close();
    },
  };
}
