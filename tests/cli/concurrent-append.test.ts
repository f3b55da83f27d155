// RELIABILITY row 22 at the level of single appends: two real processes appending to one review log
// at the same moment, many times. Every line must be a whole entry: no blank line, none lost.
// The children run the built store (dist/, made by `npm run build`, which `npm test` runs first).

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openReviewLog } from "../../src/store/review-log.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BUILT_LOG = path.join(ROOT, "dist", "store", "review-log.js");

// Opens the log, appends `count` entries as fast as it can, closes. Keys say who wrote what.
const CHILD = `
const { openReviewLog } = await import(process.argv[2]);
const [file, who, count] = [process.argv[3], process.argv[4], Number(process.argv[5])];
const log = openReviewLog(file, { now: () => new Date(), onNotice: () => {} });
for (let n = 0; n < count; n++) {
  log.append({ at: new Date().toISOString(), key: "bank/" + who + "-" + n, given: ["a"], correct: true, ms: n, rating: "good", mode: "review" });
}
log.close();
`;

let work: string;
let childScript: string;

function appendFromChild(file: string, who: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, pathToFileURL(BUILT_LOG).href, file, who, String(count)], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`child failed: ${stderr}`))));
  });
}

beforeAll(() => {
  if (!fs.existsSync(BUILT_LOG)) throw new Error("dist/ is missing: run `npm run build` before this test");
  work = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-append-"));
  childScript = path.join(work, "child.mjs");
  fs.writeFileSync(childScript, CHILD);
});

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

describe("two processes appending to one log", () => {
  it.each([
    ["an empty log", ""],
    ["a log ending in a torn line", '{"at":"2024-05-01T10:00:00.000Z","key":"bank/q'],
  ])("leave no blank line and lose no answer, starting from %s", async (_name, start) => {
    const count = 300;
    for (let round = 0; round < 8; round++) {
      const file = path.join(work, `reviews-${round}-${start.length}.jsonl`);
      fs.writeFileSync(file, start);
      await Promise.all([appendFromChild(file, "a", count), appendFromChild(file, "b", count)]);
      const lines = fs.readFileSync(file, "utf8").split("\n");
      expect(lines.pop()).toBe("");
      expect(lines.filter((line) => line.trim() === "")).toEqual([]);
      const log = openReviewLog(file, { now: () => new Date(), onNotice: () => {} });
      const keys = new Set(log.read().entries.map((entry) => entry.key));
      log.close();
      expect(keys.size).toBe(2 * count);
    }
  });
});
