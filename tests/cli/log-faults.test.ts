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
    // stats only reads: it counts the answer and leaves the file alone.
    const bank = path.join(tempDir(), "x.yaml");
    fs.writeFileSync(bank, "id: x\ntitle: X\nquestions:\n  - {id: q1, question: One?, answer: true}\n  - {id: q2, question: Two?, answer: false}\n");
    const stats = await runPrelim(["stats", bank, "--json"], { home });
    expect(stats.status, stats.stderr).toBe(0);
    expect(stats.stderr).toBe("");
    expect((JSON.parse(stats.stdout) as { banks: { seen: number }[] }).banks[0]?.seen).toBe(2);
    expect(fs.readFileSync(log, "utf8")).toBe(text.slice(0, -1));
    // The next session that writes restores the newline under the lock.
    const session = await runPrelim(["practice", bank, "--answers", "/dev/null", "--reporter", "json"], { home });
    expect(session.status, session.stderr).toBe(0);
    expect(fs.readFileSync(log, "utf8")).toBe(text);
    expect(fs.readdirSync(home).filter((name) => name.includes(".torn-"))).toEqual([]);
  });
});

describe("a live session holding the lock (RELIABILITY.md row 37)", () => {
  it("practice still ends well: exit 0, the answers in the log, a line saying the snapshot catches up", async () => {
    const home = tempDir("prelim-home-");
    const bank = path.join(tempDir(), "x.yaml");
    fs.writeFileSync(bank, "id: x\ntitle: X\nquestions:\n  - {id: q1, question: One?, answer: true}\n  - {id: q2, question: Two?, answer: false}\n");
    const answers = path.join(tempDir(), "answers.yaml");
    fs.writeFileSync(answers, "q1: a\nq2: a\n");
    fs.mkdirSync(home, { recursive: true });
    // This test's own process is alive, so the lock is not stale.
    fs.writeFileSync(path.join(home, "progress.lock"), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    const run = await runPrelim(["practice", bank, "--answers", answers, "--reporter", "json"], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/catches up the next time prelim runs/);
    expect(fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
    // stats only reads, so the lock does not stop it either.
    expect((await runPrelim(["stats", bank, "--json"], { home })).status).toBe(0);
  });
});
