import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nextCardState, type CardState } from "../../src/core/scheduler.js";
import { writeFileDurably } from "../../src/store/durable-write.js";
import { openSections, readSnapshot, sectionCard, sectionOf, sectionTally, serializeSnapshot, writeSnapshot, type MigrationTable, type SnapshotOptions } from "../../src/store/snapshot.js";
import { StoreError } from "../../src/store/store-error.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

const NOW = new Date("2024-05-01T10:00:00.000Z");

let dir: string;
let file: string;
let notices: string[];

function options(extra: Partial<SnapshotOptions> = {}): SnapshotOptions {
  return { now: () => NOW, onNotice: (message) => notices.push(message), version: "0.1.0", logFile: path.join(dir, "reviews.jsonl"), ...extra };
}

function sampleCards(): Map<string, CardState> {
  return new Map([
    ["bank/q1", nextCardState(undefined, "good", NOW, SCHEDULING)],
    ["bank/q2", nextCardState(undefined, "again", NOW, SCHEDULING)],
  ]);
}

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  file = path.join(dir, "progress.json");
  notices = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("durable write", () => {
  it("replaces the file and leaves no temp file", () => {
    fs.writeFileSync(file, "old");
    writeFileDurably(file, "new contents");
    expect(fs.readFileSync(file, "utf8")).toBe("new contents");
    expect(fs.readdirSync(dir)).toEqual(["progress.json"]);
  });

  it("on ENOSPC raises at once and keeps the previous file (injected fs)", () => {
    fs.writeFileSync(file, "previous");
    const fullDisk = {
      ...fs,
      writeSync: (() => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }) as typeof fs.writeSync,
    } as typeof fs;
    const error = caught(() => writeFileDurably(file, "x".repeat(10_000), fullDisk));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("store-disk-full");
    expect((error as StoreError).message).toContain(file);
    expect(fs.readFileSync(file, "utf8")).toBe("previous");
    expect(fs.readdirSync(dir)).toEqual(["progress.json"]);
  });

  it("catches a short write that claims success (injected fs)", () => {
    fs.writeFileSync(file, "previous");
    const shortFs = { ...fs, writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => fs.writeSync(fd, data, offset, Math.min(length, 100))) as typeof fs.writeSync, fstatSync: ((fd: number) => ({ ...fs.fstatSync(fd), size: 100 })) as unknown as typeof fs.fstatSync };
    const error = caught(() => writeFileDurably(file, "y".repeat(1_000), shortFs));
    expect((error as StoreError).code).toBe("store-disk-full");
    expect(fs.readFileSync(file, "utf8")).toBe("previous");
  });

  it("reports a read-only file system with what to do (injected fs)", () => {
    const readOnly = { ...fs, openSync: (() => { throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" }); }) as typeof fs.openSync };
    const error = caught(() => writeFileDurably(file, "z", readOnly));
    expect((error as StoreError).code).toBe("store-unwritable");
    expect((error as StoreError).message).toMatch(/read-only.*--data-dir or PRELIM_HOME/);
  });
});

describe("snapshot", () => {
  it("round-trips cards, including awkward keys", () => {
    const cards = sampleCards();
    cards.set("__proto__", nextCardState(undefined, "easy", NOW, SCHEDULING));
    writeSnapshot(file, { writtenBy: "0.1.0", logBytes: 123, cards, tallies: new Map() });
    const snapshot = readSnapshot(file, options());
    expect(snapshot?.logBytes).toBe(123);
    expect(snapshot?.writtenBy).toBe("0.1.0");
    expect(snapshot?.cards).toEqual(cards);
    expect(({} as Record<string, unknown>).due).toBeUndefined();
  });

  it.each([
    ["a due date in year 275760", { due: "+275760-09-13T00:00:00.000Z" }],
    ["a last review in 1970", { lastReview: "1970-01-01T00:00:00.000Z" }],
    ["a last review 50 years ahead of the clock", { lastReview: "2074-05-01T10:00:00.000Z" }],
    ["a due date beyond any interval", { due: "2300-01-01T00:00:00.000Z" }],
  ])("sets aside a snapshot whose card has %s, and nothing later throws", (_name, dates) => {
    const card = { ...nextCardState(undefined, "good", NOW, SCHEDULING), ...dates };
    writeSnapshot(file, { writtenBy: "0.1.0", logBytes: 0, cards: new Map([["bank/q1", card]]), tallies: new Map() });
    expect(readSnapshot(file, options())).toBeUndefined();
    expect(notices.join("\n")).toMatch(/bank\/q1.*not valid/);
  });

  it("keeps a card due decades ahead within the longest interval", () => {
    const card = { ...nextCardState(undefined, "good", NOW, SCHEDULING), due: "2100-01-01T00:00:00.000Z" };
    writeSnapshot(file, { writtenBy: "0.1.0", logBytes: 0, cards: new Map([["bank/q1", card]]), tallies: new Map() });
    expect(readSnapshot(file, options())?.cards.get("bank/q1")).toEqual(card);
  });

  it("is undefined when missing, with no notice", () => {
    expect(readSnapshot(file, options())).toBeUndefined();
    expect(notices).toEqual([]);
  });

  const full = () => serializeSnapshot({ writtenBy: "0.1.0", logBytes: 0, cards: sampleCards(), tallies: new Map() });
  it.each([
    ["truncated", () => full().slice(0, 60)],
    ["empty", () => ""],
    ["garbage", () => "\u0000\u0001PK garbage"],
    ["null", () => "null"],
    ["42", () => "42"],
    ["[]", () => "[]"],
    ["a bad card", () => full().replace('"stability":', '"stability":"high","x":')],
    ["no schemaVersion", () => '{"cards":{}}'],
  ])("sets aside a snapshot that is %s, naming both paths", (_name, contents) => {
    const bytes = contents();
    fs.writeFileSync(file, bytes);
    expect(readSnapshot(file, options())).toBeUndefined();
    expect(fs.existsSync(file)).toBe(false);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith("progress.json.damaged-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), "utf8")).toBe(bytes);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(path.join(dir, aside[0]!));
    expect(notices[0]).toContain("reviews.jsonl");
  });

  it("refuses a snapshot from a newer prelim and leaves it byte-for-byte", () => {
    const bytes = '{"schemaVersion":3,"writtenBy":"9.0.0","logBytes":0,"cards":{},"newThing":[1,2]}\n';
    fs.writeFileSync(file, bytes);
    const error = caught(() => readSnapshot(file, options()));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("store-newer-version");
    expect((error as StoreError).message).toMatch(/prelim 9\.0\.0.*schema version 3.*Upgrade prelim/);
    expect(fs.readFileSync(file, "utf8")).toBe(bytes);
    expect(fs.readdirSync(dir)).toEqual(["progress.json"]);
  });

  describe("migrations", () => {
    const oldBytes = () => `${JSON.stringify({ schemaVersion: 1, writtenBy: "0.1.0", logBytes: 5, items: Object.fromEntries(sampleCards()) })}\n`;
    const toV2: MigrationTable = new Map([[1, ({ items, ...rest }) => ({ ...rest, cards: items, tallies: {} })]]);

    it("upgrades step by step after a backup", () => {
      fs.writeFileSync(file, oldBytes());
      const snapshot = readSnapshot(file, options({ schemaVersion: 2, migrations: toV2 }));
      expect(snapshot?.schemaVersion).toBe(2);
      expect(snapshot?.cards).toEqual(sampleCards());
      expect(fs.readFileSync(`${file}.bak-v1`, "utf8")).toBe(oldBytes());
      expect(JSON.parse(fs.readFileSync(file, "utf8")).schemaVersion).toBe(2);
    });

    it("restores the backup when a step fails halfway, with a clear error", () => {
      fs.writeFileSync(file, oldBytes());
      const failing: MigrationTable = new Map([
        ...toV2,
        [2, () => { throw new Error("cannot convert difficulty"); }],
      ]);
      const error = caught(() => readSnapshot(file, options({ schemaVersion: 3, migrations: failing })));
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe("store-migration-failed");
      expect((error as StoreError).message).toMatch(/from schema version 1 to 3 \(failed at version 2\): cannot convert difficulty.*restored from .*bak-v1/);
      expect(fs.readFileSync(file, "utf8")).toBe(oldBytes());
      expect(fs.readFileSync(`${file}.bak-v1`, "utf8")).toBe(oldBytes());
    });

    it("restores the backup when the result is not a valid snapshot", () => {
      fs.writeFileSync(file, oldBytes());
      const broken: MigrationTable = new Map([[1, (data) => ({ ...data, cards: 7 })]]);
      const error = caught(() => readSnapshot(file, options({ schemaVersion: 2, migrations: broken })));
      expect((error as StoreError).code).toBe("store-migration-failed");
      expect(fs.readFileSync(file, "utf8")).toBe(oldBytes());
    });

    it("fails clearly when no migration exists", () => {
      fs.writeFileSync(file, oldBytes());
      const error = caught(() => readSnapshot(file, options({ schemaVersion: 2, migrations: new Map() })));
      expect((error as StoreError).message).toMatch(/no migration from schema version 1/);
      expect(fs.readFileSync(file, "utf8")).toBe(oldBytes());
    });
  });
});

describe("reading progress.json at its largest", () => {
  it("reads the file as text, so no Buffer of the whole file stays alive beside its parse", () => {
    writeSnapshot(file, { writtenBy: "0.1.0", logBytes: 0, cards: sampleCards(), tallies: new Map() });
    const encodings: unknown[] = [];
    const reading = {
      ...fs,
      readFileSync: ((target: fs.PathOrFileDescriptor, encoding?: unknown) => {
        encodings.push(encoding);
        return (fs.readFileSync as (...args: unknown[]) => unknown)(target, encoding);
      }) as typeof fs.readFileSync,
    };
    expect(readSnapshot(file, options({ fs: reading }))?.cards.size).toBe(2);
    expect(encodings).toEqual(["utf8"]);
  });
});

describe("sections: one bank's cards and tallies read without the rest", () => {
  const card = (stability: number): CardState => ({ due: "2024-05-02T10:00:00.000Z", stability, difficulty: 5, reps: 1, lapses: 0, state: "review", scheduledDays: 1, learningSteps: 0, elapsedDays: 0 });
  const tally = (answers: number) => ({ answers, correct: 1, recent: [[Date.parse("2024-05-01T10:00:00Z"), 1]] as [number, 0 | 1][] });
  // Keys of several banks, interleaved, with escapes, multi-byte characters and a key of no bank.
  const keys = ["b/x", "a/b/x", 'z\\"b/x', 'q"b/x', "__proto__", "b/x#2", "ü/ñ", "a/y", "b/z", "ü/é", "b"];
  const cards = new Map(keys.map((key, index) => [key, card(index + 1)]));
  const tallies = new Map(keys.map((key, index) => [key, tally(index + 1)]));

  function opened(text: string) {
    fs.writeFileSync(file, text);
    const sections = openSections(file);
    if (sections === undefined) throw new Error("no sections");
    return sections;
  }

  it("gives each key's card and tally as the whole parse does, from its bank's section alone", () => {
    const text = serializeSnapshot({ writtenBy: "0.1.0", logBytes: 0, cards, tallies });
    const whole = readSnapshot((fs.writeFileSync(file, text), file), options());
    const sections = opened(text);
    try {
      expect(sections.logBytes).toBe(0);
      for (const key of keys) {
        const section = sections.section(sectionOf(key));
        if (section === undefined) throw new Error(`no section for ${key}`);
        expect(sectionCard(section, key, NOW), key).toEqual(whole?.cards.get(key));
        expect(sectionTally(section, key), key).toEqual(whole?.tallies.get(key));
        // A section holds its own bank's keys and no other's.
        for (const other of Object.keys(section.cards)) expect(sectionOf(other)).toBe(sectionOf(key));
      }
      const b = sections.section("b");
      expect(b && Object.keys(b.cards).sort()).toEqual(["b/x", "b/x#2", "b/z"]);
      // A bank with nothing stored has an empty section; a key it does not hold has nothing.
      expect(sections.section("none")).toEqual({ cards: {}, tallies: {} });
      expect(b && sectionCard(b, "b/nothing", NOW)).toBeUndefined();
      expect(b && sectionTally(b, "toString")).toBeUndefined();
    } finally {
      sections.close();
    }
  });

  it("reads no bytes of other sections", () => {
    const text = serializeSnapshot({ writtenBy: "0.1.0", logBytes: 0, cards, tallies });
    fs.writeFileSync(file, text);
    const reads: [number, number][] = [];
    const counting = { ...fs, readSync: ((fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      reads.push([position, length]);
      return fs.readSync(fd, buffer, offset, length, position);
    }) as typeof fs.readSync };
    const sections = openSections(file, counting);
    sections?.section("a");
    sections?.close();
    const read = reads.reduce((sum, [, length]) => sum + length, 0);
    // The header, the end, the index and bank a: well short of the whole file, and nothing of bank b's.
    expect(read).toBeLessThan(text.length * 0.75);
    const bAt = Buffer.from(text).indexOf('"b/z":');
    expect(reads.some(([from, length]) => from <= bAt && bAt < from + length && from > 0)).toBe(false);
  });

  it("says a card or tally that is not as prelim writes it is unknown, and a damaged file has no sections", () => {
    const text = serializeSnapshot({ writtenBy: "0.1.0", logBytes: 0, cards, tallies });
    // The same length, so the index still fits: the card of stability 3 (key 'z\\"b/x') in a phase prelim never writes.
    const at = text.indexOf('"state":"review"', text.indexOf('"stability":3,'));
    const damagedCard = opened(`${text.slice(0, at)}"state":"REVIEW"${text.slice(at + 16)}`);
    const section = damagedCard.section(sectionOf('z\\"b/x'));
    expect(section && sectionCard(section, 'z\\"b/x', NOW)).toBe("unknown");
    expect(section && sectionCard(section, "z/other", NOW)).toBeUndefined();
    damagedCard.close();
    // Cut short, from before sections, or an index pointing elsewhere: read whole instead.
    for (const bad of [text.slice(0, -10), JSON.stringify(JSON.parse(text)).replace(/,"sections".*$/, "}\n"), text.replace(/"sectionsAt":\d+/, '"sectionsAt":3')]) {
      fs.writeFileSync(file, bad);
      expect(openSections(file)).toBeUndefined();
    }
    expect(openSections(path.join(dir, "missing.json"))).toBeUndefined();
  });

  it("reads a bank that has tallies and no cards, or cards and no tallies", () => {
    const text = serializeSnapshot({ writtenBy: "0.1.0", logBytes: 0, cards: new Map([["c/x", card(1)]]), tallies: new Map([["t/x", tally(2)]]) });
    const sections = opened(text);
    try {
      expect(sections.section("t")).toEqual({ cards: {}, tallies: { "t/x": [2, 1, tally(2).recent] } });
      expect(sections.section("c")?.tallies).toEqual({});
      expect(Object.keys(sections.section("c")?.cards ?? {})).toEqual(["c/x"]);
    } finally {
      sections.close();
    }
  });

  it("keeps the file one JSON object, with the header first", () => {
    const text = serializeSnapshot({ writtenBy: "0.1.0", logBytes: 12, cards, tallies });
    expect(text.startsWith('{"schemaVersion":2,"writtenBy":"0.1.0","logBytes":12,"cards":{')).toBe(true);
    const parsed = JSON.parse(text) as { cards: object; tallies: object };
    expect(Object.keys(parsed.cards).sort()).toEqual([...keys].sort());
    expect(Object.keys(parsed.tallies).sort()).toEqual([...keys].sort());
  });
});
