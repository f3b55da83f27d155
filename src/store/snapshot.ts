// progress.json: the scheduling state of every question and its answer tallies, folded from the review
// log up to `logBytes`. It is derived, so a damaged one is set aside and rebuilt from the log, never wiped in place. One
// written by a newer prelim is refused and left byte-for-byte as it is. Older schema versions are
// migrated step by step after a backup, and the backup is restored if any step fails.
//
// A session need not read it at all: its header (peekSnapshot) says how far the log is folded, and a
// session rewrites it only once the log has grown well past that (progress-store.ts). So the file is
// written with its header first, in a fixed order, and ends with "}\n": a file cut short fails the peek.

import { cardDatesProblem } from "../core/review-dates.js";
import { CARD_PHASES, type CardPhase, type CardState } from "../core/scheduler.js";
import type { AnswerTally, RecentAnswer, Tallies } from "../core/tally.js";
import { writeFileDurably } from "./durable-write.js";
import { errnoCode, nodeFs, setAside, storeFailure, type StoreFs } from "./store-fs.js";
import { StoreError } from "./store-error.js";

export const SNAPSHOT_FILE = "progress.json";
export const SNAPSHOT_SCHEMA_VERSION = 2;

export interface Snapshot {
  readonly schemaVersion: number;
  /** The prelim version that wrote it. */
  readonly writtenBy: string;
  /** How many bytes of the review log are folded into `cards`. */
  readonly logBytes: number;
  readonly cards: Map<string, CardState>;
  /** Per question: answers, right answers, the last weeks' answers (core/tally.ts). */
  readonly tallies: Tallies;
}

/** Turns a snapshot's data at one schema version into the data at the next. */
export type SnapshotMigration = (data: Record<string, unknown>) => Record<string, unknown>;
/** Keyed by the version a step upgrades from. */
export type MigrationTable = ReadonlyMap<number, SnapshotMigration>;

/**
 * 1 → 2 adds the answer tallies. Only the log holds what they count, so the step starts the fold over:
 * no cards, offset 0, and the next fold rebuilds both from the whole log (the log is the truth; the
 * version 1 file is kept as the backup).
 */
export const SNAPSHOT_MIGRATIONS: MigrationTable = new Map([
  [1, (data) => ({ ...data, logBytes: 0, cards: {}, tallies: {} })],
]);

export interface SnapshotOptions {
  readonly fs?: StoreFs;
  readonly now: () => Date;
  readonly onNotice: (message: string) => void;
  /** This prelim's version, for messages. */
  readonly version: string;
  /** The log the snapshot is rebuilt from, for messages. */
  readonly logFile: string;
  /**
   * Read without changing anything: a damaged snapshot is reported but left where it is, and one
   * that needs a migration is not used (progress is folded from the log instead).
   */
  readonly readOnly?: boolean;
  /** Injected by tests of the migration mechanism. */
  readonly schemaVersion?: number;
  readonly migrations?: MigrationTable;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

const isFiniteNumber = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value);

/** A card as prelim writes it, with dates a review at `now` can build on without overflowing. */
export function isCardState(value: unknown, now: Date): value is CardState {
  if (!isRecord(value)) return false;
  return (
    isDate(value.due) &&
    isFiniteNumber(value.stability) &&
    isFiniteNumber(value.difficulty) &&
    isFiniteNumber(value.scheduledDays) &&
    isFiniteNumber(value.learningSteps) &&
    isFiniteNumber(value.elapsedDays) &&
    isCount(value.reps) &&
    isCount(value.lapses) &&
    CARD_PHASES.includes(value.state as CardPhase) &&
    (value.lastReview === undefined || isDate(value.lastReview)) &&
    cardDatesProblem(value as unknown as CardState, now) === undefined
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a string";
  return String(value);
}

function isRecentAnswer(value: unknown): value is RecentAnswer {
  return Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && (value[1] === 0 || value[1] === 1);
}

/** A tally as prelim writes it: `[answers, correct, [[at, 0|1], …]]`. */
function toTally(value: unknown): AnswerTally | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [answers, correct, recent] = value as unknown[];
  if (!isCount(answers) || !isCount(correct) || correct > answers) return undefined;
  if (!Array.isArray(recent) || recent.length > answers || !recent.every(isRecentAnswer)) return undefined;
  return { answers, correct, recent };
}

/** What is wrong with snapshot data at the current schema version, or undefined. */
function shapeProblem(data: unknown, schemaVersion: number, now: Date): string | undefined {
  if (!isRecord(data)) return `it holds ${describeValue(data)}, not an object`;
  if (data.schemaVersion !== schemaVersion) return `schemaVersion is ${JSON.stringify(data.schemaVersion)}`;
  if (typeof data.writtenBy !== "string") return "writtenBy is missing";
  if (!isCount(data.logBytes)) return "logBytes is not a byte count";
  if (!isRecord(data.cards)) return "cards is not an object";
  // Object.keys, not Object.entries: no pair array for each of 100,000 cards at the moment memory
  // peaks. (Not for…in either: on an object of that many keys it takes the slow path, 2 µs a key.)
  const cards = data.cards;
  for (const key of Object.keys(cards)) {
    if (!isCardState(cards[key], now)) return `the card for ${JSON.stringify(key)} is not valid`;
  }
  if (!isRecord(data.tallies)) return "tallies is not an object";
  const tallies = data.tallies;
  for (const key of Object.keys(tallies)) {
    if (toTally(tallies[key]) === undefined) return `the tally for ${JSON.stringify(key)} is not valid`;
  }
  return undefined;
}

function toSnapshot(data: Record<string, unknown>): Snapshot {
  const cardData = data.cards as Record<string, CardState>;
  const tallyData = data.tallies as Record<string, unknown>;
  const cards = new Map<string, CardState>();
  for (const key of Object.keys(cardData)) cards.set(key, cardData[key] as CardState);
  const tallies = new Map<string, AnswerTally>();
  for (const key of Object.keys(tallyData)) tallies.set(key, toTally(tallyData[key]) as AnswerTally);
  return { schemaVersion: data.schemaVersion as number, writtenBy: data.writtenBy as string, logBytes: data.logBytes as number, cards, tallies };
}

export function serializeSnapshot(snapshot: Omit<Snapshot, "schemaVersion">, schemaVersion = SNAPSHOT_SCHEMA_VERSION): string {
  const { writtenBy, logBytes, cards, tallies } = snapshot;
  const tallyRows = [...tallies].map(([key, tally]) => [key, [tally.answers, tally.correct, tally.recent]] as const);
  // Object.fromEntries defines keys as own properties, so even a key like "__proto__" survives. The
  // header comes first, in this order: peekSnapshot reads it without parsing the rest.
  return `${JSON.stringify({ schemaVersion, writtenBy, logBytes, cards: Object.fromEntries(cards), tallies: Object.fromEntries(tallyRows) })}\n`;
}

export function writeSnapshot(file: string, snapshot: Omit<Snapshot, "schemaVersion">, fsys: StoreFs = nodeFs): void {
  writeFileDurably(file, serializeSnapshot(snapshot), fsys);
}

/** What the start and end of progress.json say, read without parsing the rest. */
export type SnapshotPeek =
  | { readonly kind: "missing" }
  /** A file we wrote, whole (it ends as we end it): its schema version and how far it folds the log. */
  | { readonly kind: "header"; readonly schemaVersion: number; readonly logBytes: number }
  /** Not ours, cut short, or damaged: only a full read can tell. */
  | { readonly kind: "unknown" };

const HEADER = /^\{"schemaVersion":(\d+),"writtenBy":"(?:[^"\\]|\\.)*","logBytes":(\d+),/;

/** What a snapshot's text says of itself, as peekSnapshot reads it from the file. */
export function peekSnapshotText(text: string): SnapshotPeek {
  return headerPeek(text.slice(0, 256), text.endsWith("}\n"));
}

/** The header at the start of a file, and whether it ends as prelim ends it (whole, not cut short). */
function headerPeek(start: string, endsWhole: boolean): SnapshotPeek {
  const match = HEADER.exec(start);
  if (match === null || !endsWhole) return { kind: "unknown" };
  return { kind: "header", schemaVersion: Number(match[1]), logBytes: Number(match[2]) };
}

export function peekSnapshot(file: string, fsys: StoreFs = nodeFs): SnapshotPeek {
  let fd: number;
  try {
    fd = fsys.openSync(file, "r");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return { kind: "missing" };
    return { kind: "unknown" };
  }
  try {
    const size = fsys.fstatSync(fd).size;
    if (size < 2) return { kind: "unknown" };
    const start = Buffer.alloc(Math.min(size, 256));
    const length = fsys.readSync(fd, start, 0, start.length, 0);
    const end = Buffer.alloc(2);
    const endsWhole = fsys.readSync(fd, end, 0, 2, size - 2) === 2 && end.toString("latin1") === "}\n";
    return headerPeek(start.toString("utf8", 0, length), endsWhole);
  } catch {
    return { kind: "unknown" };
  } finally {
    fsys.closeSync(fd);
  }
}

/** One card or tally of progress.json, found in its text: "unknown" when it cannot be found for certain. */
export interface SnapshotLookup {
  tally(key: string): AnswerTally | undefined | "unknown";
  card(key: string, now: Date): CardState | undefined | "unknown";
}

// A key of the cards or tallies object: a JSON string after the object's `{` or a `,` between entries,
// then `:` and the value's opening bracket. A card's own fields never hold an object, nor a tally's an
// array after a key, so nothing inside a value matches.
const CARD_KEY = /[{,]("(?:[^"\\]|\\.)*"):\{/g;
const TALLY_KEY = /[{,]("(?:[^"\\]|\\.)*"):\[/g;

/**
 * Looks up cards and tallies in the text of progress.json without parsing the rest: what a wrong
 * answer's leech check and an answer's feedback need, where parsing a big snapshot (25 MB for 100k
 * cards) cost a third of a second. On the first lookup of each kind, one pass maps every key to where
 * its value starts; each lookup then parses that value alone. The text must be a whole file of ours
 * (the caller has checked its header).
 */
export function snapshotLookup(text: string): SnapshotLookup {
  // `tallies` is the last field, and `"tallies":{` cannot occur inside a key: JSON escapes its quotes.
  const talliesAt = text.lastIndexOf('"tallies":{');
  const cardsAt = text.indexOf('"cards":{');
  let cardIndex: Map<string, number> | undefined;
  let tallyIndex: Map<string, number> | undefined;
  const sound = cardsAt !== -1 && talliesAt > cardsAt;

  function index(pattern: RegExp, from: number, to: number): Map<string, number> {
    const found = new Map<string, number>();
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match !== null && match.index + match[0].length <= to; match = pattern.exec(text)) {
      const raw = match[1] as string;
      // Written by JSON.stringify, a key reads back the same; one with an escape is put in that form.
      found.set(raw.includes("\\") ? JSON.stringify(JSON.parse(raw)) : raw, match.index + match[0].length - 1);
    }
    return found;
  }

  function valueAt(start: number, open: "[" | "{"): unknown {
    const close = open === "[" ? "]" : "}";
    let depth = 0;
    for (let at = start; at < text.length; at++) {
      const char = text[at];
      if (char === open) depth++;
      else if (char === close && --depth === 0) {
        try {
          return JSON.parse(text.slice(start, at + 1));
        } catch {
          return undefined;
        }
      }
    }
    return undefined;
  }

  return {
    tally(key) {
      if (!sound) return "unknown";
      tallyIndex ??= index(TALLY_KEY, talliesAt + '"tallies":'.length - 1, text.length);
      const at = tallyIndex.get(JSON.stringify(key));
      return at === undefined ? undefined : (toTally(valueAt(at, "[")) ?? "unknown");
    },
    card(key, now) {
      if (!sound) return "unknown";
      cardIndex ??= index(CARD_KEY, cardsAt + '"cards":'.length - 1, talliesAt);
      const at = cardIndex.get(JSON.stringify(key));
      if (at === undefined) return undefined;
      const card = valueAt(at, "{");
      return isCardState(card, now) ? card : "unknown";
    },
  };
}

/**
 * Reads the snapshot: undefined when there is none or it was damaged (then set aside, with a notice).
 * Throws a StoreError when it comes from a newer prelim or cannot be migrated.
 */
export function readSnapshot(file: string, options: SnapshotOptions): Snapshot | undefined {
  const fsys = options.fs ?? nodeFs;
  const current = options.schemaVersion ?? SNAPSHOT_SCHEMA_VERSION;
  // Read as text: a Buffer of the whole file (the largest prelim reads) would stay alive beside its parse.
  let text: string;
  try {
    text = fsys.readFileSync(file, "utf8");
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return undefined;
    if (code === "EISDIR") return damaged(file, "it is a folder", options);
    throw storeFailure(error, "read", file);
  }
  if (text.length === 0) return damaged(file, "it is empty (0 bytes)", options);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return damaged(file, "it is not valid JSON (cut short or overwritten?)", options);
  }
  const version = isRecord(data) ? data.schemaVersion : undefined;
  if (typeof version === "number" && Number.isInteger(version) && version > current) {
    const writer = isRecord(data) && typeof data.writtenBy === "string" ? `prelim ${data.writtenBy}` : "a newer prelim";
    throw new StoreError(
      "store-newer-version",
      `${file} was written by ${writer} (schema version ${version}); this prelim (${options.version}) ` +
        `reads schema version ${current} or older. Upgrade prelim to use this data folder. The file was not changed.`,
    );
  }
  if (isRecord(data) && typeof version === "number" && Number.isInteger(version) && version >= 1 && version < current) {
    if (options.readOnly === true) return undefined;
    data = migrate(file, text, data, version, current, options);
  }
  const problem = shapeProblem(data, current, options.now());
  if (problem !== undefined) return damaged(file, problem, options);
  return toSnapshot(data as Record<string, unknown>);
}

function damaged(file: string, reason: string, options: SnapshotOptions): undefined {
  if (options.readOnly === true) {
    options.onNotice(
      `${file} could not be read: ${reason}. Progress was worked out from ${options.logFile} instead; ` +
        "the next practice or review session sets the file aside and rebuilds it.",
    );
    return undefined;
  }
  const aside = setAside(file, "damaged", options.now(), options.fs);
  options.onNotice(
    `${file} could not be read: ${reason}. Moved it to ${aside} and rebuilt progress from ${options.logFile}; ` +
      "nothing in the log is lost.",
  );
  return undefined;
}

function migrate(
  file: string,
  original: string,
  data: Record<string, unknown>,
  from: number,
  to: number,
  options: SnapshotOptions,
): Record<string, unknown> {
  const fsys = options.fs ?? nodeFs;
  const migrations = options.migrations ?? SNAPSHOT_MIGRATIONS;
  const backup = `${file}.bak-v${from}`;
  writeFileDurably(backup, original, fsys);
  let reached = from;
  try {
    let upgraded = data;
    for (; reached < to; reached++) {
      const step = migrations.get(reached);
      if (step === undefined) throw new Error(`this prelim has no migration from schema version ${reached}`);
      upgraded = { ...step(upgraded), schemaVersion: reached + 1 };
      // Each step is saved, so a crash between steps leaves a valid file that the next run continues.
      writeFileDurably(file, `${JSON.stringify(upgraded)}\n`, fsys);
    }
    const problem = shapeProblem(upgraded, to, options.now());
    if (problem !== undefined) throw new Error(`the result is not valid: ${problem}`);
    return upgraded;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    let restored = `It was restored from ${backup}.`;
    try {
      writeFileDurably(file, original, fsys);
    } catch {
      restored = `Restoring it failed too: copy ${backup} over it by hand.`;
    }
    throw new StoreError(
      "store-migration-failed",
      `Could not upgrade ${file} from schema version ${from} to ${to} (failed at version ${reached}): ${reason}. ` +
        `${restored} Every answer is still in ${options.logFile}. Please report this.`,
      { cause: error },
    );
  }
}
