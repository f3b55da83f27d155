// A progress store in memory, for tests of sessions and commands: the same interface and the same
// fold as the real one, with no files.

import type { ReviewLogEntry } from "../core/review.js";
import { applyReview, foldReviews, type CardState } from "../core/scheduler.js";
import { foldTallies } from "../core/tally.js";
import { entryProblem } from "./log-entry.js";
import type { CloseResult, ProgressStore } from "./progress-store.js";
import { memorySettings, type Settings } from "./setting-definitions.js";
import { schedulerSettings } from "./scheduler-settings.js";
import { bankPart } from "./snapshot.js";

export interface MemoryStoreOptions {
  /** Answers already in the log. */
  readonly entries?: Iterable<ReviewLogEntry>;
  readonly settings?: Partial<Settings>;
  /** What close reports; a test of a command passes `{ snapshot: "deferred", … }` for a held lock. */
  readonly closeResult?: CloseResult;
}

export interface MemoryStore extends ProgressStore {
  readonly closed: boolean;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const settings = memorySettings(options.settings);
  const scheduling = schedulerSettings(settings.values());
  const entries = [...(options.entries ?? [])];
  const cards = foldReviews(new Map<string, CardState>(), entries, scheduling);
  const tallies = foldTallies(new Map(), entries);
  let closed = false;
  return {
    settings,
    get closed() {
      return closed;
    },
    record(entry) {
      if (closed) throw new Error("the progress store is closed");
      const problem = entryProblem(entry);
      if (problem !== undefined) throw new TypeError(`not a review log entry: ${problem}`);
      entries.push(entry);
      applyReview(cards, entry, scheduling);
      foldTallies(tallies, [entry]);
    },
    recordAll(list) {
      for (const entry of list) this.record(entry);
    },
    cards: () => cards,
    tallies: () => tallies,
    bankProgress: (bank) => bankPart({ cards, tallies }, bank),
    tally: (key) => tallies.get(key),
    card: (key) => cards.get(key),
    entries: () => entries,
    close() {
      closed = true;
      return options.closeResult ?? { snapshot: "saved" };
    },
  };
}
