// The review log damaged by hand or by other tools, through the built binary: an absurd date, a lost
// final newline, a BOM. Every command keeps working (no exit 70) and no acknowledged answer is dropped.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPrelim, tempDir } from "./helpers.js";

function line(at: string, key = "x/q1"): string {
  return `${JSON.stringify({ at, key, given: ["a"], correct: true, ms: 1000, rating: "good", mode: "practice" })}\n`;
}

describe("a damaged review log", () => {
  it.each(["+275760-09-13T00:00:00.000Z", "1970-01-01T00:00:00.000Z"])("with a line dated %s: stats and review exit 0 with a notice", async (at) => {
    for (const args of [["stats", "--json"], ["review", "--answers", "/dev/null", "--reporter", "json"]]) {
      const home = tempDir("prelim-home-");
      fs.writeFileSync(path.join(home, "reviews.jsonl"), line("2024-05-01T10:00:00.000Z") + line(at));
      const result = await runPrelim(args, { home });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/Skipped 1 unreadable line.*`at`/);
    }
  });

  it("whose last line lost its newline (truncate -s -1): the answer is kept and the newline restored", async () => {
    const home = tempDir("prelim-home-");
    const log = path.join(home, "reviews.jsonl");
    const text = line("2024-05-01T10:00:00.000Z") + line("2024-05-01T10:01:00.000Z", "x/q2");
    fs.writeFileSync(log, text.slice(0, -1));
    const result = await runPrelim(["stats", "--json"], { home });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(fs.readFileSync(log, "utf8")).toBe(text);
    expect(fs.readdirSync(home).filter((name) => name.includes(".torn-"))).toEqual([]);
  });
});
