// prelim optimize in-process on a temp data dir holding a simulated learner's log.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toLogLine } from "../../src/store/log-entry.js";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { SCHEDULING } from "../fixtures/scheduling.js";
import { simulateLearner } from "../fixtures/simulated-learner.js";
import { runPrelim, tempDir } from "./helpers.js";

const START = new Date("2026-01-01T00:00:00Z");
const NOW = "2026-06-15T12:00:00Z";

function homeWithLog(days: number, extraLines: readonly string[] = []): string {
  const home = tempDir("prelim-home-");
  const { entries } = simulateLearner({ seed: 15, questions: 200, days, start: START, scheduling: SCHEDULING, newPerDay: 10, studyChance: 0.85 });
  const lines = entries.map(toLogLine);
  lines.splice(Math.floor(lines.length / 2), 0, ...extraLines);
  fs.writeFileSync(path.join(home, "reviews.jsonl"), lines.join(""));
  return home;
}

describe("prelim optimize", () => {
  it("fits, prints the held-out evaluation, saves the weights and recomputes the schedules", async () => {
    const home = homeWithLog(150);
    // A snapshot folded with the default weights, to be dropped with the save.
    expect((await runPrelim(["review", "--answers", path.join(REPO_ROOT, "tests/fixtures/session/daily-answers.yaml"), path.join(REPO_ROOT, "tests/fixtures/session/banks/daily.yaml"), "--reporter", "json"], { home, env: { PRELIM_NOW: NOW } })).status).toBe(0);
    const dry = await runPrelim(["optimize", "--dry-run"], { home, env: { PRELIM_NOW: NOW } });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^\d+ reviews used \(of \d+ answers\): fitted on the older \d+, tested on the newest \d+\./);
    expect(dry.stdout).toMatch(/FSRS defaults\s+0\.\d{4}\s+0\.\d{4}\nfitted\s+0\.\d{4}\s+0\.\d{4}/);
    expect(dry.stdout).toContain("Dry run: nothing saved.");
    expect((await runPrelim(["config", "get", "fsrsWeights"], { home })).stdout).toBe("default\n");

    const run = await runPrelim(["optimize", "--json"], { home, env: { PRELIM_NOW: NOW } });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { before: { logLoss: number; rmse: number }; after: { logLoss: number; rmse: number }; saved: boolean; weights: number[]; reviews: number };
    expect(result.saved).toBe(true);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    expect(result.weights).toHaveLength(21);
    expect(fs.existsSync(path.join(home, "progress.json"))).toBe(false);
    const shown = (await runPrelim(["config", "get", "fsrsWeights"], { home })).stdout.trim().split(",").map(Number);
    expect(shown).toHaveLength(21);
    expect(shown[0]).toBeCloseTo(result.weights[0] ?? NaN, 3);

    // Run again: the fitted weights are now "before", and a fit no better keeps them.
    const again = await runPrelim(["optimize", "--dry-run"], { home, env: { PRELIM_NOW: NOW } });
    expect(again.stdout).toMatch(/current fit\s+0\.\d{4}/);

    expect((await runPrelim(["config", "reset", "fsrsWeights"], { home })).stdout).toBe("fsrsWeights = default (default)\n");
  }, 60_000);

  it("refuses below 400 reviews, saying how many there are and what to do", async () => {
    const home = homeWithLog(12);
    const run = await runPrelim(["optimize"], { home, env: { PRELIM_NOW: NOW } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/prelim optimize needs at least 400 reviews to fit FSRS to you, and your log has \d+ \(\d+ answers;/);
    expect(run.stderr).toContain("Keep reviewing (prelim review)");
    expect((await runPrelim(["config", "get", "fsrsWeights"], { home })).stdout).toBe("default\n");
  });

  it("fits on the readable answers of a damaged log or one a newer prelim wrote, and says what it skipped", async () => {
    const home = homeWithLog(150, [
      "this line is torn {\"at\n",
      `${JSON.stringify({ at: "2026-03-01T09:00:00Z", key: "sim/q0001", given: ["a"], correct: true, ms: 10, rating: "manual", mode: "review" })}\n`,
      `${JSON.stringify({ at: "2026-03-01T09:00:00Z", key: "sim/q0002", given: ["a"], correct: true, ms: 10, rating: "good", mode: "drill", items: [1, 2] })}\n`,
    ]);
    const run = await runPrelim(["optimize", "--dry-run"], { home, env: { PRELIM_NOW: NOW } });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Skipped 3 unreadable lines in .*reviews\.jsonl .*every other answer is used/);
    expect(run.stdout).toContain("reviews used");
  }, 60_000);

  it("config set fsrsWeights drops progress.json, and while a session holds the lock changes nothing", async () => {
    const home = tempDir("prelim-home-");
    const weights = Array.from({ length: 21 }, () => "0.5").join(",");
    fs.writeFileSync(path.join(home, "progress.json"), "{}");
    expect((await runPrelim(["config", "set", "fsrsWeights", weights], { home })).status).toBe(0);
    expect(fs.existsSync(path.join(home, "progress.json"))).toBe(false);

    fs.writeFileSync(path.join(home, "progress.json"), "{}");
    fs.writeFileSync(path.join(home, "progress.lock"), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    const locked = await runPrelim(["config", "reset", "fsrsWeights"], { home });
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain("Another prelim session is running");
    expect(fs.existsSync(path.join(home, "progress.json"))).toBe(true);
    expect((await runPrelim(["config", "get", "fsrsWeights"], { home })).stdout).toBe(`${Array.from({ length: 21 }, () => "0.5").join(",")}\n`);
  }, 20_000);
});
