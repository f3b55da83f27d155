// RELIABILITY.md rows 14–22 end to end, through the built binary and a temporary PRELIM_HOME: kill -9
// at random moments of a scripted session, two sessions at once, damaged progress and settings files,
// a store from a newer prelim, and a data folder that cannot be made.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, makeTempDir } from "../fixtures/fixtures.js";
import { BIN, STACK_FRAME, spawnPrelim, tempDir } from "./helpers.js";

const SESSION = path.join(REPO_ROOT, "tests", "fixtures", "session");
const DAILY = path.join(SESSION, "banks", "daily.yaml");
const ANSWERS = path.join(SESSION, "daily-answers.yaml");
const BIG_COUNT = 300;

interface Generated {
  readonly bank: string;
  readonly answers: string;
}

let big: Generated;
let huge: Generated;
let removeGenerated: () => void = () => {};

/** A bank of `count` three-option questions whose answer is a, and an answer file answering a, b, c in turn. */
function generate(dir: string, id: string, count: number): Generated {
  const questions = Array.from({ length: count }, (_, n) => `  - id: q${n}\n    question: Generated question ${n}?\n    options: [one, two, three]\n    answer: a\n`);
  const answers = Array.from({ length: count }, (_, n) => `q${n}: ${"abc"[n % 3]}\n`);
  const generated = { bank: path.join(dir, `${id}.yaml`), answers: path.join(dir, `${id}-answers.yaml`) };
  fs.writeFileSync(generated.bank, `id: ${id}\ntitle: Generated bank\ntags: [generated]\nquestions:\n${questions.join("")}`);
  fs.writeFileSync(generated.answers, answers.join(""));
  return generated;
}

beforeAll(() => {
  // Generated here rather than kept as fixtures, and kept for the whole file (tempDir folders go after
  // each test). The kill test uses 1000 questions so that answering lasts long enough to be hit.
  const { dir, remove } = makeTempDir("prelim-big-");
  removeGenerated = remove;
  big = generate(dir, "big", BIG_COUNT);
  huge = generate(dir, "huge", 1000);
});
afterAll(() => removeGenerated());

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the binary; `onStdout` sees stdout as it grows and may kill the child. */
function start(args: readonly string[], home: string, onStdout?: (text: string, kill: () => void) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const kill = () => child.kill("SIGKILL");
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      onStdout?.(stdout, kill);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (onStdout) onStdout("", kill);
  });
}

interface LogLine {
  key: string;
  correct: boolean;
  mode: string;
}

/**
 * The complete lines of the review log (a line cut short by a kill has no newline yet). Blank lines are
 * left out: readers skip them, and two sessions appending at once can leave one (see the test below).
 */
function completeLogLines(home: string): string[] {
  const file = path.join(home, "reviews.jsonl");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .slice(0, -1)
    .filter((line) => line !== "");
}

/** Keys of the TAP test points printed in full: each one was recorded before it was printed. */
function acknowledgedKeys(stdout: string): string[] {
  return stdout
    .split("\n")
    .slice(0, -1)
    .flatMap((line) => /^(?:not )?ok \d+ - (\S+)/.exec(line)?.[1] ?? []);
}

const damagedNotice = (file: string) => new RegExp(`${file.replace(/\./g, "\\.")}.*Moved it to (\\S+\\.damaged-[^\\s;]+?)[;.]? `);

describe("kill -9 during a scripted session (row 18)", () => {
  it("loses no acknowledged answer, and leaves a store that reads, at any moment", async () => {
    const home = tempDir("prelim-home-");
    const runs: string[] = [];
    let killedMidway = 0;
    for (let run = 0; run < 8; run++) {
      const before = completeLogLines(home).length;
      // Most kills count from the first answer and land while answers are recorded (or as the session
      // closes); a few count from the start and may land before any answer.
      const fromFirstAnswer = run % 4 !== 0;
      const delay = fromFirstAnswer ? Math.floor(Math.random() * 400) : 50 + Math.floor(Math.random() * 350);
      let timer: NodeJS.Timeout | undefined;
      const finished = await start(["practice", huge.bank, "--answers", huge.answers, "--reporter", "tap", "--seed", String(run)], home, (text, kill) => {
        if (timer === undefined && (!fromFirstAnswer || /^(not )?ok 1 /m.test(text))) timer = setTimeout(kill, delay);
      });
      clearTimeout(timer);
      const acknowledged = acknowledgedKeys(finished.stdout);
      runs.push(`run ${run}: ${delay} ms${fromFirstAnswer ? " after the first answer" : ""}, ${finished.signal ?? `exit ${finished.code}`}, ${acknowledged.length} shown`);
      if (finished.signal === "SIGKILL" && acknowledged.length > 0) killedMidway++;
      const written = completeLogLines(home)
        .slice(before)
        .map((line) => JSON.parse(line) as LogLine);
      // Every answer shown is on disk, in the order shown; at most one more was written and not yet shown.
      expect(written.slice(0, acknowledged.length).map((line) => line.key), runs.join("\n")).toEqual(acknowledged);
      expect(written.length - acknowledged.length, runs.join("\n")).toBeLessThanOrEqual(1);
      if (finished.signal === null) expect(finished.code, finished.stderr).toBe(0);
    }

    // The kills after the first answer land while answers are being recorded.
    expect(killedMidway, runs.join("\n")).toBeGreaterThanOrEqual(2);

    // The store reads after all that: stats open it, and a whole session runs on it.
    const stats = spawnPrelim(["stats", huge.bank, "--json"], { home });
    expect(stats.status, stats.stderr).toBe(0);
    expect(stats.stderr).not.toMatch(/progress\.json could not be read/);
    const seen = new Set(completeLogLines(home).map((line) => (JSON.parse(line) as LogLine).key));
    expect((JSON.parse(stats.stdout) as { banks: { seen: number }[] }).banks[0]?.seen).toBe(seen.size);

    const before = completeLogLines(home).length;
    const after = spawnPrelim(["practice", huge.bank, "-n", "5", "--answers", huge.answers, "--reporter", "tap"], { home });
    expect(after.status, after.stderr).toBe(0);
    expect(completeLogLines(home)).toHaveLength(before + 5);
  }, 60_000);
});

describe("two sessions at once (row 22)", () => {
  it("lose no answer: the log holds every answer of both, and the store reads", async () => {
    const home = tempDir("prelim-home-");
    const args = (seed: number) => ["practice", big.bank, "--answers", big.answers, "--reporter", "tap", "--seed", String(seed)];
    const [first, second] = await Promise.all([start(args(1), home), start(args(2), home)]);
    for (const finished of [first, second]) {
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stdout).toContain(`\n1..${BIG_COUNT}\n`);
    }
    const lines = completeLogLines(home).map((line) => JSON.parse(line) as LogLine);
    expect(lines).toHaveLength(2 * BIG_COUNT);
    expect(fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").endsWith("\n")).toBe(true);
    const perKey = new Map<string, number>();
    for (const line of lines) perKey.set(line.key, (perKey.get(line.key) ?? 0) + 1);
    expect(perKey.size).toBe(BIG_COUNT);
    expect([...perKey.values()].every((count) => count === 2)).toBe(true);

    const stats = spawnPrelim(["stats", big.bank, "--json"], { home });
    expect(stats.status, stats.stderr).toBe(0);
    const parsed = JSON.parse(stats.stdout) as { banks: { seen: number; accuracy: number }[]; activity: { count: number }[] };
    expect(parsed.banks[0]?.seen).toBe(BIG_COUNT);
    expect(parsed.activity.at(-1)?.count).toBe(2 * BIG_COUNT);
    // Answered a, b, c in turn, the answer always a: a third right.
    expect(parsed.banks[0]?.accuracy).toBeCloseTo(1 / 3, 5);
  }, 60_000);
});

describe("a damaged progress.json (rows 14–15)", () => {
  it("is moved aside with a message naming both paths, and the session goes on", () => {
    const home = tempDir("prelim-home-");
    expect(spawnPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home }).status).toBe(0);
    const snapshot = path.join(home, "progress.json");
    expect(fs.existsSync(snapshot)).toBe(true);
    const good = fs.readFileSync(snapshot, "utf8");

    const damages = { truncated: good.slice(0, Math.floor(good.length / 2)), empty: "", null: "null", number: "42", list: "[]" };
    let logLines = completeLogLines(home).length;
    for (const [name, content] of Object.entries(damages)) {
      fs.writeFileSync(snapshot, content);
      const run = spawnPrelim(["practice", DAILY, "-n", "1", "--answers", ANSWERS, "--reporter", "tap"], { home });
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain(snapshot);
      expect(run.stderr).toContain(path.join(home, "reviews.jsonl"));
      const aside = damagedNotice(snapshot).exec(run.stderr)?.[1];
      expect(aside, `${name}: ${run.stderr}`).toBeDefined();
      expect(path.basename(aside as string)).toMatch(/^progress\.json\.damaged-/);
      expect(fs.readFileSync(aside as string, "utf8"), name).toBe(content);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stdout).toContain("\n1..1\n");
      // Nothing of the log was lost, and the rebuilt snapshot reads again.
      expect(completeLogLines(home)).toHaveLength(++logLines);
      expect(JSON.parse(fs.readFileSync(snapshot, "utf8"))).toMatchObject({ schemaVersion: 2 });
    }
    const stats = spawnPrelim(["stats", DAILY, "--json"], { home });
    expect(stats.stderr).toBe("");
    expect((JSON.parse(stats.stdout) as { banks: { seen: number }[] }).banks[0]?.seen).toBe(6);
  });
});

describe("a damaged config.json", () => {
  it("is moved aside with a message naming both paths; the defaults apply and the session goes on", () => {
    const home = tempDir("prelim-home-");
    const config = path.join(home, "config.json");
    for (const content of ['{"newPerDay": 3', "[]"]) {
      fs.writeFileSync(config, content);
      const run = spawnPrelim(["practice", DAILY, "-n", "1", "--answers", ANSWERS, "--reporter", "tap"], { home });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(config);
      const aside = damagedNotice(config).exec(run.stderr)?.[1];
      expect(aside, run.stderr).toBeDefined();
      expect(path.basename(aside as string)).toMatch(/^config\.json\.damaged-/);
      expect(fs.readFileSync(aside as string, "utf8")).toBe(content);
      expect(run.stderr).toContain("default settings");
    }
    expect(completeLogLines(home)).toHaveLength(2);
  });
});

describe("a store written by a newer prelim (row 16)", () => {
  it("is refused with exit 2, byte for byte untouched, and nothing is recorded", () => {
    const home = tempDir("prelim-home-");
    const snapshot = path.join(home, "progress.json");
    const bytes = `${JSON.stringify({ schemaVersion: 999, writtenBy: "99.0.0", logBytes: 0, cards: {} })}\n`;
    fs.writeFileSync(snapshot, bytes);
    for (const args of [["practice", DAILY, "--answers", ANSWERS], ["stats", DAILY, "--json"]]) {
      const run = spawnPrelim(args, { home });
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr).toContain(snapshot);
      expect(run.stderr).toMatch(/schema version 999/);
      expect(run.stderr).toMatch(/Upgrade prelim/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toContain("internal error");
      expect(fs.readFileSync(snapshot, "utf8")).toBe(bytes);
    }
    expect(completeLogLines(home)).toEqual([]);
    expect(fs.readdirSync(home).filter((name) => name.startsWith("progress.json"))).toEqual(["progress.json"]);
  });
});

describe("a data folder that cannot be used (row 21)", () => {
  it("under a file: exit 2 with a clear message naming it, no stack trace", () => {
    const dir = tempDir("prelim-file-");
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "a file, not a folder\n");
    const cases = [
      { args: ["practice", DAILY, "--answers", ANSWERS], home: path.join(file, "home") },
      { args: ["stats", DAILY, "--json"], home: path.join(file, "home") },
      { args: ["practice", DAILY, "--answers", ANSWERS], home: file },
    ];
    for (const { args, home } of cases) {
      const run = spawnPrelim(args, { home });
      expect(run.status, `${args[0]} ${home}`).toBe(2);
      expect(run.stderr).toContain(home);
      expect(run.stderr).toMatch(/Could not use the data folder/);
      expect(run.stderr).toMatch(/PRELIM_HOME/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toContain("internal error");
    }
    expect(fs.readFileSync(file, "utf8")).toBe("a file, not a folder\n");
  });

  it("that does not exist yet is made", () => {
    const home = path.join(tempDir("prelim-home-"), "a", "b");
    const run = spawnPrelim(["practice", DAILY, "-n", "1", "--answers", ANSWERS], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(completeLogLines(home)).toHaveLength(1);
  });
});
