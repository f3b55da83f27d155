// The progress store for a command, with repair notices sent to stderr where the learner sees them.

import { openProgressStore, type ProgressStore } from "../../store/progress-store.js";
import { openProgressReader, type ProgressReader } from "../../store/progress-reader.js";
import { completeSubmissions, readJournals, type UnfinishedAttempt } from "../../store/mock-journal.js";
import { createMemoryStore } from "../../store/memory-store.js";
import { packageVersion } from "../../version.js";
import { sanitize } from "../../core/sanitize.js";
import type { Context } from "../../context.js";

function storeOptions(context: Context) {
  const { io } = context;
  return {
    dataDir: context.dataDir,
    now: () => io.now(),
    version: packageVersion(),
    onNotice: (message: string) => io.stderr.write(`prelim: ${sanitize(message)}\n`),
  };
}

/**
 * For a session that records answers. A mock submission that a crash cut short (the attempt saved, not
 * all its answers) is completed first, so spaced repetition and the history always agree.
 */
export function openStore(context: Context): ProgressStore {
  return openStoreWithJournals(context).store;
}

/**
 * openStore, and the journals of mocks in progress that it left (attempts not submitted): read once,
 * while it completed submissions, for the mock's notice of unfinished attempts.
 */
export function openStoreWithJournals(context: Context): { readonly store: ProgressStore; readonly unfinished: () => readonly UnfinishedAttempt[] } {
  // --no-record completes nothing: the folder is read only when asked.
  if (!context.record) return { store: openUnrecordedStore(context), unfinished: () => readJournals(context.dataDir) };
  const store = openProgressStore(storeOptions(context));
  try {
    const done = completeSubmissions(context.dataDir, store);
    if (done.completed > 0) {
      context.io.stderr.write(
        `prelim: finished saving ${done.completed === 1 ? "a mock attempt" : `${done.completed} mock attempts`} cut short while being submitted (${done.entries} answer${done.entries === 1 ? "" : "s"} added to spaced repetition)\n`,
      );
    }
    return { store, unfinished: () => done.unfinished };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** --no-record: progress as it is on disk, answers kept in memory only, nothing written. */
function openUnrecordedStore(context: Context): ProgressStore {
  const reader = openReader(context);
  try {
    return createMemoryStore({ entries: reader.entries(), settings: reader.settings.values(), closeResult: { snapshot: "unchanged" } });
  } finally {
    reader.close();
  }
}

/** For a command that only reads progress: no lock, no repair, works on a read-only data dir. */
export function openReader(context: Context): ProgressReader {
  return openProgressReader(storeOptions(context));
}

/**
 * Closes a session's store. The answers are in the log, which is the truth: when another session holds
 * the lock, the snapshot catches up on the next open, and the session still ends well (exit 0).
 */
export function closeStore(store: ProgressStore, context: Context): void {
  const closed = store.close();
  if (closed.snapshot === "deferred") context.io.stderr.write(`prelim: ${sanitize(closed.message)}\n`);
}
