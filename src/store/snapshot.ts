// progress.json: the scheduling state of every question and its answer tallies, folded from the review
// log up to `logBytes`. It is derived, so a damaged one is set aside and rebuilt from the log, never wiped in place. One
// written by a newer prelim is refused and left byte-for-byte as it is. Older schema versions are
// migrated step by step after a backup, and the backup is restored if any step fails.
//
// A session need not read it at all: its header (peekSnapshot) says how far the log is folded, and a
// session rewrites it only once the log has grown well past that (progress-store.ts). So the file is
// written with its header first, in a fixed order, and ends with "}\n": a file cut short fails the peek.
// Cards and tallies are grouped by bank with an index at the end, so one bank's are read alone.

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

/**
 * The section a key belongs to: its bank (the text before the first "/"). A session reads the sections
 * of the banks it asks about, not every card stored.
 */
export function sectionOf(key: string): string {
  const slash = key.indexOf("/");
  return slash === -1 ? "" : key.slice(0, slash);
}

export interface BankProgress {
  readonly cards: ReadonlyMap<string, CardState>;
  readonly tallies: ReadonlyMap<string, AnswerTally>;
}

/** One bank's cards and tallies, picked out of everyone's. */
export function bankPart(all: BankProgress, bank: string): BankProgress {
  const pick = <V>(from: ReadonlyMap<string, V>) => {
    const mine = new Map<string, V>();
    for (const [key, value] of from) if (sectionOf(key) === bank) mine.set(key, value);
    return mine;
  };
  return { cards: pick(all.cards), tallies: pick(all.tallies) };
}

/** Where one section's cards and tallies lie in the file, in bytes: [cards from, to, tallies from, to]. */
type SectionRange = [number, number, number, number];

function bySection<V>(entries: ReadonlyMap<string, V>): Map<string, Map<string, V>> {
  const sections = new Map<string, Map<string, V>>();
  for (const [key, value] of entries) {
    const name = sectionOf(key);
    let section = sections.get(name);
    if (section === undefined) sections.set(name, (section = new Map()));
    section.set(key, value);
  }
  return sections;
}

/**
 * The file, header first: `{"schemaVersion","writtenBy","logBytes","cards":{…},"tallies":{…},
 * "sections":{…},"sectionsAt":N}`. Cards and tallies are grouped by section (bank), and `sections` gives
 * each group's byte range, found from `sectionsAt` at the end of the file; so one bank's progress is read
 * without the rest (readSections). To a whole parse it is the same object with two more fields.
 */
export function serializeSnapshot(snapshot: Omit<Snapshot, "schemaVersion">, schemaVersion = SNAPSHOT_SCHEMA_VERSION): string {
  const { writtenBy, logBytes, cards, tallies } = snapshot;
  const parts: string[] = [];
  let bytes = 0;
  const put = (text: string) => {
    parts.push(text);
    bytes += Buffer.byteLength(text);
  };
  const ranges = new Map<string, SectionRange>();
  const rangeOf = (name: string): SectionRange => {
    let range = ranges.get(name);
    if (range === undefined) ranges.set(name, (range = [0, 0, 0, 0]));
    return range;
  };
  // Object.fromEntries defines keys as own properties, so even a key like "__proto__" survives.
  const putGroups = <V>(groups: Map<string, Map<string, V>>, at: 0 | 2, value: (item: V) => unknown) => {
    let first = true;
    for (const [name, group] of groups) {
      if (!first) put(",");
      first = false;
      const range = rangeOf(name);
      range[at] = bytes;
      const rows: [string, unknown][] = [];
      for (const [key, item] of group) rows.push([key, value(item)]);
      put(JSON.stringify(Object.fromEntries(rows)).slice(1, -1));
      range[at + 1] = bytes;
    }
  };
  // The header comes first, in this order: peekSnapshot reads it without parsing the rest.
  put(`${JSON.stringify({ schemaVersion, writtenBy, logBytes }).slice(0, -1)},"cards":{`);
  putGroups(bySection(cards), 0, (card) => card);
  put('},"tallies":{');
  putGroups(bySection(tallies), 2, (tally) => [tally.answers, tally.correct, tally.recent]);
  put('},"sections":');
  const sectionsAt = bytes;
  put(`${JSON.stringify(Object.fromEntries(ranges))},"sectionsAt":${sectionsAt}}\n`);
  return parts.join("");
}

export function writeSnapshot(file: string, snapshot: Omit<Snapshot, "schemaVersion">, fsys: StoreFs = nodeFs): void {
  writeFileDurably(file, serializeSnapshot(snapshot), fsys);
}

/** What the start and end of progress.json say, read without parsing the rest. */
export type SnapshotPeek =
  | { readonly kind: "missing" }
  /**
   * A file we wrote, whole (it ends as we end it): its schema version, how far it folds the log, and
   * whether it ends with the sections' index (a file from before sections is read whole).
   */
  | { readonly kind: "header"; readonly schemaVersion: number; readonly logBytes: number; readonly sections: boolean }
  /** Not ours, cut short, or damaged: only a full read can tell. */
  | { readonly kind: "unknown" };

const HEADER = /^\{"schemaVersion":(\d+),"writtenBy":"(?:[^"\\]|\\.)*","logBytes":(\d+),/;
// The last field, after the sections' index: where that index starts.
const TRAILER = /,"sectionsAt":(\d+)\}\n$/;

/** Bytes `from` to `to` of an open file, as text; throws when the file holds fewer. */
function readText(fsys: StoreFs, fd: number, from: number, to: number): string {
  const buffer = Buffer.alloc(to - from);
  if (fsys.readSync(fd, buffer, 0, buffer.length, from) !== buffer.length) throw new Error("short read");
  return buffer.toString("utf8");
}

/** What the start of an open progress.json says (the header, or null) and its last bytes. */
function readEnds(fsys: StoreFs, fd: number, size: number): { header: RegExpExecArray | null; ending: string } {
  return { header: HEADER.exec(readText(fsys, fd, 0, Math.min(size, 256))), ending: readText(fsys, fd, Math.max(0, size - 40), size) };
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
    const { header, ending } = readEnds(fsys, fd, size);
    if (header === null || !ending.endsWith("}\n")) return { kind: "unknown" };
    return { kind: "header", schemaVersion: Number(header[1]), logBytes: Number(header[2]), sections: TRAILER.test(ending) };
  } catch {
    return { kind: "unknown" };
  } finally {
    fsys.closeSync(fd);
  }
}

/** One section of progress.json as stored: its cards and tallies by key, not yet checked. */
export interface SnapshotSection {
  readonly cards: Record<string, unknown>;
  readonly tallies: Record<string, unknown>;
}

/** progress.json open to read one section at a time: what its header says, and its sections. */
export interface SnapshotSections {
  readonly schemaVersion: number;
  readonly logBytes: number;
  /**
   * A section's cards and tallies (empty when it has none), read and parsed at each call; undefined
   * when it does not read as written.
   */
  section(name: string): SnapshotSection | undefined;
  close(): void;
}

const isRange = (value: unknown): value is SectionRange =>
  Array.isArray(value) && value.length === 4 && value.every((n) => Number.isInteger(n)) && value[0] <= value[1] && value[2] <= value[3];

/**
 * Opens progress.json to read sections: what a wrong answer's leech check and an answer's feedback
 * need, where parsing a big snapshot (25 MB for 100k cards) cost a third of a second. Everything is read
 * through one descriptor, so a newer snapshot renamed into place meanwhile cannot mix with this one.
 * Undefined when the file is missing or not a whole file of ours with sections: then it is read whole.
 */
export function openSections(file: string, fsys: StoreFs = nodeFs): SnapshotSections | undefined {
  let fd: number;
  try {
    fd = fsys.openSync(file, "r");
  } catch {
    return undefined;
  }
  const read = (from: number, to: number) => readText(fsys, fd, from, to);
  try {
    const size = fsys.fstatSync(fd).size;
    const { header, ending } = readEnds(fsys, fd, size);
    const trailer = TRAILER.exec(ending);
    if (header === null || trailer === null) throw new Error("not a file with sections");
    const sectionsAt = Number(trailer[1]);
    const ranges = JSON.parse(read(sectionsAt, size - (trailer[0] as string).length)) as unknown;
    if (!isRecord(ranges)) throw new Error("no sections");
    const bodyFrom = header[0].length;
    for (const name of Object.keys(ranges)) {
      const range = ranges[name];
      if (!isRange(range)) throw new Error("not a section's range");
      // A bank with tallies and no cards, or the reverse, has an empty range at 0 for the other.
      const inPlace = (from: number, to: number) => from === to || (from >= bodyFrom && to <= sectionsAt);
      if (!inPlace(range[0], range[1]) || !inPlace(range[2], range[3])) throw new Error("a section out of place");
    }
    const sectionAt = (name: string): SnapshotSection | undefined => {
      const range: SectionRange = Object.hasOwn(ranges, name) ? (ranges[name] as SectionRange) : [0, 0, 0, 0];
      const group = (from: number, to: number) => (from === to ? {} : (JSON.parse(`{${read(from, to)}}`) as unknown));
      try {
        const cards = group(range[0], range[1]);
        const tallies = group(range[2], range[3]);
        return isRecord(cards) && isRecord(tallies) ? { cards, tallies } : undefined;
      } catch {
        return undefined;
      }
    };
    return { schemaVersion: Number(header[1]), logBytes: Number(header[2]), section: sectionAt, close: () => fsys.closeSync(fd) };
  } catch {
    fsys.closeSync(fd);
    return undefined;
  }
}

/** A tally of a section, checked: "unknown" when it is not as prelim writes it. */
export function sectionTally(section: SnapshotSection, key: string): AnswerTally | undefined | "unknown" {
  if (!Object.hasOwn(section.tallies, key)) return undefined;
  return toTally(section.tallies[key]) ?? "unknown";
}

/** A section's cards and tallies, each checked as a whole read checks them; undefined if any is not valid. */
export function checkedSection(section: SnapshotSection, now: Date): { cards: Map<string, CardState>; tallies: Tallies } | undefined {
  const cards = new Map<string, CardState>();
  const tallies: Tallies = new Map();
  for (const key of Object.keys(section.cards)) {
    const card = sectionCard(section, key, now);
    if (card === "unknown" || card === undefined) return undefined;
    cards.set(key, card);
  }
  for (const key of Object.keys(section.tallies)) {
    const tally = sectionTally(section, key);
    if (tally === "unknown" || tally === undefined) return undefined;
    tallies.set(key, tally);
  }
  return { cards, tallies };
}

/** A card of a section, checked as a whole read checks it: "unknown" when it is not valid. */
export function sectionCard(section: SnapshotSection, key: string, now: Date): CardState | undefined | "unknown" {
  if (!Object.hasOwn(section.cards, key)) return undefined;
  const card = section.cards[key];
  return isCardState(card, now) ? card : "unknown";
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
