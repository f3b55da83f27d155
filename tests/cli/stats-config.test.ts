// `prelim stats` and `prelim config` through the built binary with a temporary PRELIM_HOME.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { STACK_FRAME, runPrelim, tempDir } from "./helpers.js";

const SESSION = path.join(REPO_ROOT, "tests", "fixtures", "session");
const BANKS = path.join(SESSION, "banks");
const DAILY = path.join(BANKS, "daily.yaml");
const ANSWERS = path.join(SESSION, "daily-answers.yaml");

interface StatsJson {
  banks: { id: string; title: string; total: number; seen: number; due: number; mastered: number; accuracy: number | null }[];
  topics: { topic: string; answers: number; correct: number; accuracy: number }[];
  retention: { reviews: number; correct: number; rate: number | null };
  forecast: { date: string; count: number }[];
  activity: { date: string; count: number }[];
  weakest: { key: string; question: string; answers: number; wrong: number }[];
}

describe("prelim stats", () => {
  it("reports every bank, topic and the forecast as JSON after a scripted run", async () => {
    const home = tempDir("prelim-home-");
    expect((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home })).status).toBe(0);

    const run = await runPrelim(["stats", BANKS, "--json"], { home });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const stats = JSON.parse(run.stdout) as StatsJson;
    expect(Object.keys(stats).sort()).toEqual(["activity", "banks", "buried", "forecast", "retention", "suspended", "topics", "unfinishedMocks", "weakest", "weakestStatements"]);
    expect(stats.banks).toEqual([
      { id: "daily", title: "Daily practice fixture", total: 6, seen: 6, due: 0, mastered: 0, accuracy: 4 / 6 },
      { id: "extra", title: "Extra practice fixture", total: 3, seen: 0, due: 0, mastered: 0, accuracy: null },
    ]);
    expect(stats.topics.find((row) => row.topic === "geography")).toEqual({ topic: "geography", answers: 2, correct: 1, accuracy: 0.5 });
    expect(stats.topics.find((row) => row.topic === "fixture")).toMatchObject({ answers: 6, correct: 4 });
    expect(stats.forecast).toHaveLength(7);
    for (const day of stats.forecast) expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stats.forecast.reduce((total, day) => total + day.count, 0)).toBe(6);
    expect(stats.activity.at(-1)?.count).toBe(6);
    // First answers are not reviews: no retention yet.
    expect(stats.retention).toEqual({ reviews: 0, correct: 0, rate: null });
  });

  it("gives the same figures bank by bank from progress.json's parts as from the whole file", async () => {
    const home = tempDir("prelim-home-");
    await runPrelim(["config", "set", "examDate", "2099-06-01"], { home });
    for (const bank of [DAILY, path.join(BANKS, "extra.yaml")]) expect((await runPrelim(["practice", bank, "--answers", ANSWERS, "--reporter", "tap"], { home })).status).toBe(0);
    const snapshot = path.join(home, "progress.json");
    expect(JSON.parse(fs.readFileSync(snapshot, "utf8"))).toHaveProperty("sections");
    const byParts = await runPrelim(["stats", BANKS, "--json"], { home });
    // The same file without its parts is read whole, as one from before them.
    const { sections: _sections, sectionsAt: _at, ...whole } = JSON.parse(fs.readFileSync(snapshot, "utf8")) as Record<string, unknown>;
    fs.writeFileSync(snapshot, `${JSON.stringify(whole)}\n`);
    const byWhole = await runPrelim(["stats", BANKS, "--json"], { home });
    expect(byParts.status).toBe(0);
    expect(byParts.stderr).toBe("");
    expect(JSON.parse(byParts.stdout)).toEqual(JSON.parse(byWhole.stdout));
    expect(JSON.parse(byParts.stdout)).toMatchObject({ banks: [{ id: "daily", seen: 6 }, { id: "extra" }], examDay: { questions: 9 } });
  });

  it("takes banks one at a time with the same errors: a bank id used twice, a broken bank named or found", async () => {
    const folder = tempDir("prelim-banks-");
    fs.copyFileSync(DAILY, path.join(folder, "daily.yaml"));
    fs.copyFileSync(DAILY, path.join(folder, "daily-copy.yaml"));
    const twice = await runPrelim(["stats", folder]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("duplicate-bank-id");
    expect(twice.stdout).toBe("");
    fs.rmSync(path.join(folder, "daily-copy.yaml"));
    fs.writeFileSync(path.join(folder, "broken.yaml"), "id: broken\nquestions: 3\n");
    const named = await runPrelim(["stats", folder]);
    expect(named.status).toBe(2);
    expect(named.stdout).toBe("");
    // Found on the search path rather than named: skipped with a warning, the rest shown.
    const found = await runPrelim(["stats", "--json"], { env: { PRELIM_BANKS: folder } });
    expect(found.status).toBe(0);
    expect(found.stderr).toContain("skipping");
    const ids = (JSON.parse(found.stdout) as StatsJson).banks.map((bank) => bank.id);
    expect(ids).toContain("daily");
    expect(ids).not.toContain("broken");
  });

  it("prints readable tables without escape sequences, and works on a fresh data folder", async () => {
    const run = await runPrelim(["stats", BANKS], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Banks");
    expect(run.stdout).toMatch(/daily\s+6\s+0\s+0\s+0/);
    expect(run.stdout).toContain("Retention");
    expect(run.output).not.toContain("\u001b");
  });
});

describe("prelim config", () => {
  it("refuses a value out of range with exit 2 and says what is allowed", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["config", "set", "desiredRetention", "2"], { home });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('prelim: desiredRetention must be a number from 0.70 to 0.99, got "2"\n');
    expect(run.stdout).toBe("");
    expect((await runPrelim(["config", "get", "desiredRetention"], { home })).stdout).toBe("0.9\n");
  });

  it("sets, gets, lists and resets a setting", async () => {
    const home = tempDir("prelim-home-");
    expect(await runPrelim(["config", "set", "desiredRetention", "0.85"], { home })).toMatchObject({ status: 0, stdout: "desiredRetention = 0.85\n" });
    expect(await runPrelim(["config", "get", "desiredRetention"], { home })).toMatchObject({ status: 0, stdout: "0.85\n" });
    const list = await runPrelim(["config", "list", "--json"], { home });
    expect(JSON.parse(list.stdout)).toEqual({ desiredRetention: 0.85, newPerDay: 20, reviewsPerDay: 200, pauseAfterFeedback: "auto", leechThreshold: 8, leechAction: "tag", cramReschedules: "false", statementDrill: "false", fsrsWeights: [], examDate: null });
    expect(await runPrelim(["config", "reset", "desiredRetention"], { home })).toMatchObject({ status: 0, stdout: "desiredRetention = 0.9 (default)\n" });
  });

  it("refuses unknown settings, bad numbers and unknown actions with exit 2, no stack trace", async () => {
    const home = tempDir("prelim-home-");
    const cases: [string[], RegExp][] = [
      [["config", "set", "colour", "red"], /There is no setting "colour"\. The settings are: desiredRetention, newPerDay, reviewsPerDay, pauseAfterFeedback/],
      [["config", "set", "newPerDay", "2.5"], /newPerDay must be a whole number from 0 to 1000/],
      [["config", "frobnicate"], /unknown config action 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const run = await runPrelim(args, { home });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
