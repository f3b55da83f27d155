// The progress store commands use. Answers go to the review log (durable, O(1) each, whatever the
// history). progress.json holds the fold of the log up to an offset; a session reads only its header
// and the log after that offset, so its cost follows the unfolded tail, not the history or the number
// of cards. The cards are read and folded only when asked for. Close rewrites progress.json (under the
// lock, at most once) only when there is none yet or the tail has grown past `rewriteAfterBytes`.

import path from "node:path";
import { groupInto } from "../core/group.js";
import type { ReviewLogEntry } from "../core/review.js";
import { applyReview, foldReviews, type CardState, type SchedulerSettings } from "../core/scheduler.js";
import { foldTallies, pruneTallies, RECENT_MS, type AnswerTally, type Tallies } from "../core/tally.js";
import { withLock, LOCK_FILE, type LockOptions } from "./lock.js";
import { parseItemKey, possibleItemKeys } from "../core/statement-memory.js";
import { checkReviewDate } from "../core/review-dates.js";
import { entryProblem } from "./log-entry.js";
import { openReviewLog, REVIEW_LOG_FILE, withUnterminated, type ReviewLog } from "./review-log.js";
import { StoreError } from "./store-error.js";
import { fixedSettings, readSettings, SETTINGS_FILE } from "./config-file.js";
import { schedulerSettings } from "./scheduler-settings.js";
import type { ProgressReader } from "./progress-reader.js";
import {
  bankPart,
  openSections,
  sectionCard,
  sectionOf,
  sectionTally,
  type SnapshotSection,
  type SnapshotSections,
  peekSnapshot,
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
  /**
   * One question's tally (or a statement's), as tallies() would give it, without reading every card
   * when the snapshot is a whole file of ours: what a wrong answer's leech check needs.
   */
  tally(key: string): AnswerTally | undefined;
  /** One card, as cards() would give it, found the same way: what an answer's feedback and undo need. */
  card(key: string): CardState | undefined;
  /** Appends the answer to the log (on disk when this returns) and updates its card. */
  record(entry: ReviewLogEntry): void;
  /**
   * record() for many answers at once (a submitted mock): checked first, then appended in one write and
   * one fsync, so all are on disk when this returns, or none when it throws.
   */
  recordAll(entries: readonly ReviewLogEntry[]): void;
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
  /**
   * Close rewrites progress.json once the log has grown this many bytes past it (default
   * REWRITE_AFTER_BYTES); 0 rewrites it at every close that has anything to add.
   */
  readonly rewriteAfterBytes?: number;
  /** For tests of migrations. */
  readonly schemaVersion?: number;
  readonly migrations?: MigrationTable;
}

/**
 * About ten thousand answers: folding that much at open costs a few ms, while rewriting the snapshot
 * costs in proportion to every card stored (tens of MB for a big bank).
 */
export const REWRITE_AFTER_BYTES = 1_000_000;

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
  readonly tallies: Tallies;
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
  const schemaVersion = options.schemaVersion ?? SNAPSHOT_SCHEMA_VERSION;
  const rewriteAfterBytes = options.rewriteAfterBytes ?? REWRITE_AFTER_BYTES;
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

  const empty = (): FoldBase => ({ cards: new Map(), tallies: new Map(), logBytes: 0, fromSnapshot: false });

  /** The whole snapshot, checked card by card; set aside (and an empty base) when it does not fit the log. */
  function loadBase(): FoldBase {
    const snapshot = readSnapshot(paths.snapshot, snapshotOptions);
    if (snapshot === undefined) return empty();
    const { cards, tallies, logBytes } = snapshot;
    if (log.isLineStart(logBytes)) return { cards, tallies, logBytes, fromSnapshot: true };
    const aside = setAside(paths.snapshot, "damaged", options.now(), fsys);
    options.onNotice(
      `${paths.snapshot} does not match ${paths.log} (it covers ${logBytes} bytes of a ${log.size()}-byte log: ` +
        `was the log replaced or cut short?). Moved it to ${aside} and rebuilt progress from the log.`,
    );
    return empty();
  }

  /**
   * How far progress.json folds the log, from its header alone when it is a whole file of ours at
   * this schema version that fits the log; anything else is read in full now (set aside when damaged,
   * migrated when older, refused when newer), as it always was.
   */
  function foldedOffset(): number {
    const peek = peekSnapshot(paths.snapshot, fsys);
    if (peek.kind === "missing") return 0;
    if (peek.kind === "header" && peek.schemaVersion === schemaVersion && log.isLineStart(peek.logBytes)) return peek.logBytes;
    return loadBase().logBytes;
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

  // Answers dated ahead of the clock are skipped, but a snapshot saved past them would leave them out
  // for good once the clock is right: with any, nothing is saved (the log has every answer anyway).
  let holdSnapshot = false;
  try {
    repairTail();
    // The tail is read (and its unreadable lines reported) at open, whatever is asked for later.
    const tail = log.read({ fromByte: foldedOffset(), reportSkipped: true });
    holdSnapshot = tail.aheadOfClock > 0;
    if (holdSnapshot) {
      options.onNotice(
        `${tail.aheadOfClock} answer${tail.aheadOfClock === 1 ? " is" : "s are"} dated after this computer's clock: ` +
          `is it set right? ${paths.snapshot} is not updated until it is, so they count again then.`,
      );
    }
  } catch (error) {
    log.close();
    throw error;
  }

  // The cards and tallies, folded from disk on first use, then kept up to date by record().
  let folded: FoldBase | undefined;
  function fold(): FoldBase {
    if (folded === undefined) {
      const base = loadBase();
      const tail = log.read({ fromByte: base.logBytes });
      foldReviews(base.cards, tail.entries, scheduling);
      foldTallies(base.tallies, tail.entries);
      folded = base;
    }
    return folded;
  }

  let allEntries: ReviewLogEntry[] | undefined;

  // tally() and card(): the sections of progress.json they ask about and the log after it by question,
  // each read once, then kept up to date by record().
  interface Lookup {
    readonly sections: SnapshotSections;
    readonly read: Map<string, SnapshotSection | undefined>;
    readonly tail: Map<string, ReviewLogEntry[]>;
  }
  let lookup: Lookup | undefined | "fold";
  const questionOf = (key: string) => parseItemKey(key)?.questionKey ?? key;

  /**
   * A question's answers move its statements' cards and tallies (items), and the cap on a weak
   * statement moves the question's card: the tail is kept by question, statements with it.
   */
  const addToTail = (tail: Map<string, ReviewLogEntry[]>, entries: readonly ReviewLogEntry[]) => groupInto(tail, entries, (entry) => questionOf(entry.key));

  function sectionsLookup(): Lookup | "fold" {
    if (lookup !== undefined) return lookup;
    const sections = openSections(paths.snapshot, fsys);
    if (sections === undefined) return (lookup = "fold");
    // The offset comes from the file opened, not from an earlier peek: another session may have saved a
    // newer snapshot in between, and the log after an older offset would then count twice.
    if (sections.schemaVersion !== schemaVersion || !log.isLineStart(sections.logBytes)) {
      sections.close();
      return (lookup = "fold");
    }
    const tail = new Map<string, ReviewLogEntry[]>();
    addToTail(tail, log.read({ fromByte: sections.logBytes }).entries);
    return (lookup = { sections, read: new Map(), tail });
  }

  function sectionIn(found: Lookup, name: string): SnapshotSection | undefined {
    if (!found.read.has(name)) found.read.set(name, found.sections.section(name));
    return found.read.get(name);
  }

  function tally(key: string): AnswerTally | undefined {
    if (folded !== undefined) return folded.tallies.get(key);
    const found = sectionsLookup();
    const section = found === "fold" ? undefined : sectionIn(found, sectionOf(key));
    const base = section === undefined ? "unknown" : sectionTally(section, key);
    if (found === "fold" || base === "unknown") return fold().tallies.get(key);
    const tallies: Tallies = new Map();
    if (base !== undefined) tallies.set(key, { answers: base.answers, correct: base.correct, recent: [...base.recent] });
    return foldTallies(tallies, found.tail.get(questionOf(key)) ?? []).get(key);
  }

  function card(key: string): CardState | undefined {
    if (folded !== undefined) return folded.cards.get(key);
    const found = sectionsLookup();
    const question = questionOf(key);
    const section = found === "fold" ? undefined : sectionIn(found, sectionOf(question));
    if (found === "fold" || section === undefined) return fold().cards.get(key);
    const cards = new Map<string, CardState>();
    for (const each of [question, ...possibleItemKeys(question)]) {
      const base = sectionCard(section, each, options.now());
      if (base === "unknown") return fold().cards.get(key);
      if (base !== undefined) cards.set(each, base);
    }
    return foldReviews(cards, found.tail.get(question) ?? [], scheduling).get(key);
  }

  let closed: CloseResult | undefined;

  function hasSections(): boolean {
    const peek = peekSnapshot(paths.snapshot, fsys);
    return peek.kind === "header" && peek.sections;
  }

  /** Whether close has anything to write: decided from the header and the log's size alone. */
  function needsRewrite(): boolean {
    if (holdSnapshot) return false;
    const peek = peekSnapshot(paths.snapshot, fsys);
    if (peek.kind === "missing") return log.size() > 0;
    if (peek.kind !== "header" || peek.schemaVersion !== schemaVersion || !log.isLineStart(peek.logBytes)) return true;
    // One written before sections is rewritten with them once, so later sessions read only their banks.
    if (!peek.sections) return true;
    const unfolded = log.size() - peek.logBytes;
    return unfolded > 0 && unfolded > rewriteAfterBytes;
  }

  // Folds again from what is on disk, not from memory, so nothing another session appended is lost
  // (its progress.json, if further along, is the starting point; one from a newer prelim is refused
  // untouched). Written once, whole, with the offset it folds up to.
  function save(): "saved" | "unchanged" {
    const base = loadBase();
    const tail = log.read({ fromByte: base.logBytes });
    if (tail.aheadOfClock > 0) return "unchanged";
    const upToDate = tail.endByte === base.logBytes && (base.fromSnapshot || tail.endByte === 0);
    // A snapshot from before sections is rewritten even with nothing to add (see needsRewrite).
    if (upToDate && !(base.fromSnapshot && !hasSections())) return "unchanged";
    foldReviews(base.cards, tail.entries, scheduling);
    foldTallies(base.tallies, tail.entries);
    const tallies = pruneTallies(base.tallies, options.now().getTime() - RECENT_MS);
    writeSnapshot(paths.snapshot, { writtenBy: options.version, logBytes: tail.endByte, cards: base.cards, tallies }, fsys);
    return "saved";
  }

  // The answers are in the log whatever happens here: a live session holding the lock only delays
  // the snapshot, which the next open (any session's) catches up by folding the log after it.
  function saveUnderLock(): CloseResult {
    if (!needsRewrite()) return { snapshot: "unchanged" };
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

  function recordAll(entries: readonly ReviewLogEntry[]): void {
    if (closed !== undefined) throw new Error("the progress store is closed");
    for (const entry of entries) {
      const date = checkReviewDate(entry.at, options.now());
      const problem = entryProblem(entry) ?? (date.ok ? undefined : date.reason);
      if (problem !== undefined) throw new TypeError(`not a review log entry: ${problem}`);
    }
    if (entries.length === 0) return;
    log.appendAll(entries);
    if (folded !== undefined) {
      for (const entry of entries) applyReview(folded.cards, entry, scheduling);
      foldTallies(folded.tallies, entries);
    }
    allEntries?.push(...entries);
    if (lookup !== undefined && lookup !== "fold") addToTail(lookup.tail, entries);
  }

  return {
    settings,

    record: (entry) => recordAll([entry]),

    recordAll,

    cards: () => fold().cards,

    tallies: () => fold().tallies,

    bankProgress: (bank) => bankPart(fold(), bank),

    tally,

    card,

    entries() {
      allEntries ??= withUnterminated(log.read());
      return allEntries;
    },

    close() {
      if (closed !== undefined) return closed;
      // Closed before the save renames a new progress.json over it: Windows refuses to replace a file
      // held open.
      if (lookup !== undefined && lookup !== "fold") lookup.sections.close();
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
