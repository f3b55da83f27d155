// RELIABILITY rows 18, 22, 23 with real processes: sessions killed with SIGKILL at random moments,
// alone and two at once on one data folder. Every answer a child acknowledged must be in the log, the
// store must open, and a later close must take over any lock left behind.
// The children run the built store (dist/, made by `npm run build`, which `npm test` runs first).

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldReviews } from "../../src/core/scheduler.js";
import { openProgressStore } from "../../src/store/progress-store.js";
import { SCHEDULING } from "../fixtures/scheduling.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BUILT_STORE = path.join(ROOT, "dist", "store", "progress-store.js");

let work: string;
let childScript: string;

function assertBuildIsFresh(): void {
  if (!fs.existsSync(BUILT_STORE)) throw new Error("dist/ is missing: run `npm run build` before this test");
  const built = fs.statSync(BUILT_STORE).mtimeMs;
  const sources = [...fs.readdirSync(path.join(ROOT, "src", "store")).map((name) => path.join(ROOT, "src", "store", name)), path.join(ROOT, "src", "core", "scheduler.ts")];
  const stale = sources.filter((file) => fs.statSync(file).mtimeMs > built);
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.map((file) => path.relative(ROOT, file)).join(", ")}: run \`npm run build\``);
}

// The child records answers in sessions of 25 (open, record, close), writing "<id>\n" once each
// record has returned: the moment the learner would see the answer acknowledged. It stops by itself
// after 2,000 answers or 20 s, so a test run that dies cannot leave it writing forever.
const CHILD = `
const { openProgressStore } = await import(process.argv[2]);
const [dataDir, idBase] = [process.argv[3], Number(process.argv[4])];
const started = Date.now();
for (let n = 0; n < 2000 && Date.now() - started < 20000; ) {
  const store = openProgressStore({ dataDir, now: () => new Date(), version: "test", onNotice: (m) => process.stderr.write(m + "\\n") });
  for (let i = 0; i < 25; i++, n++) {
    const id = idBase + n;
    store.record({ at: new Date().toISOString(), key: "bank/q" + (n % 30), given: ["a"], correct: n % 3 !== 0, ms: id, rating: n % 3 === 0 ? "again" : "good", mode: "review" });
    process.stdout.write(id + "\\n");
  }
  store.close();
}
`;

interface Killed {
  readonly acknowledged: number[];
  readonly stderr: string;
}

const running = new Set<ChildProcess>();

/** Runs a child until it has acknowledged `after` answers, then SIGKILLs it. */
function runAndKill(dataDir: string, idBase: number, after: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, pathToFileURL(BUILT_STORE).href, dataDir, String(idBase)], { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let out = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.split("\n").length > after) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      running.delete(child);
      if (signal !== "SIGKILL") return reject(new Error(`child ended without being killed: ${stderr}`));
      // Only complete lines count: a number cut short was never fully shown.
      const acknowledged = out.split("\n").slice(0, -1).map(Number);
      resolve({ acknowledged, stderr });
    });
  });
}

function checkDataDir(dataDir: string, acknowledged: readonly number[]): void {
  const notices: string[] = [];
  const options = { dataDir, now: () => new Date(), version: "test", onNotice: (message: string) => notices.push(message) };
  const store = openProgressStore(options);
  const logged = new Set(store.entries().map((entry) => entry.ms));
  const missing = acknowledged.filter((id) => !logged.has(id));
  expect(missing).toEqual([]);
  expect(store.cards()).toEqual(foldReviews(new Map(), store.entries(), SCHEDULING));
  // Closing takes over a lock the killed child may have held, and writes a snapshot that reads back.
  store.close();
  const reopened = openProgressStore(options);
  expect(reopened.cards()).toEqual(foldReviews(new Map(), reopened.entries(), SCHEDULING));
  reopened.close();
  for (const notice of notices) expect(notice).toMatch(/incomplete answer|could not be read|unreadable/);
}

beforeAll(() => {
  assertBuildIsFresh();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  childScript = path.join(work, "child.mjs");
  fs.writeFileSync(childScript, CHILD);
});

afterAll(() => {
  // A failed test may leave the other child of a pair running: stop it before removing its folder.
  for (const child of running) child.kill("SIGKILL");
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

describe("store under SIGKILL", () => {
  it("keeps every acknowledged answer when a session is killed at random moments", async () => {
    const runs = Array.from({ length: 5 }, (_, index) => {
      const dataDir = path.join(work, `alone-${index}`);
      const after = 3 + Math.floor(Math.random() * 70);
      return runAndKill(dataDir, index * 1_000_000, after).then((killed) => ({ dataDir, killed }));
    });
    for (const { dataDir, killed } of await Promise.all(runs)) {
      expect(killed.acknowledged.length).toBeGreaterThan(0);
      checkDataDir(dataDir, killed.acknowledged);
    }
  });

  it("keeps every acknowledged answer of two sessions at once on one folder, both killed", async () => {
    const pairs = Array.from({ length: 1 }, async (_, index) => {
      const dataDir = path.join(work, `shared-${index}`);
      const [first, second] = await Promise.all([
        runAndKill(dataDir, 10_000_000 + index * 2_000_000, 10 + Math.floor(Math.random() * 80)),
        runAndKill(dataDir, 11_000_000 + index * 2_000_000, 10 + Math.floor(Math.random() * 80)),
      ]);
      return { dataDir, acknowledged: [...first.acknowledged, ...second.acknowledged] };
    });
    for (const { dataDir, acknowledged } of await Promise.all(pairs)) checkDataDir(dataDir, acknowledged);
  });
});
