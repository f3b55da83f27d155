// The exam date through the commands, in-process with PRELIM_NOW: config, plan, stats.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toLogLine } from "../../src/store/log-entry.js";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { runPrelim, tempDir } from "./helpers.js";

const DAILY = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml");
const ANSWERS = path.join(REPO_ROOT, "tests", "fixtures", "session", "daily-answers.yaml");
const NOW = "2027-04-01T09:00:00";

describe("the exam date", () => {
  it("is a date setting: set, shown, refused when not a date, reset", async () => {
    const home = tempDir("prelim-home-");
    expect((await runPrelim(["config", "get", "examDate"], { home })).stdout).toBe("none\n");
    expect((await runPrelim(["config", "set", "examDate", "2027-05-24"], { home })).stdout).toBe("examDate = 2027-05-24\n");
    const bad = await runPrelim(["config", "set", "examDate", "24/05/2027"], { home });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('examDate must be a date YYYY-MM-DD, or none (for example 2027-05-24), got "24/05/2027"');
    expect((await runPrelim(["config", "reset", "examDate"], { home })).stdout).toBe("examDate = none (default)\n");
  });

  it("plan needs one, then shows the weeks until it as a chart that fits, and as JSON", async () => {
    const home = tempDir("prelim-home-");
    const none = await runPrelim(["plan", DAILY], { home, env: { PRELIM_NOW: NOW } });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("prelim plan needs an exam date, and none is set.");
    expect(none.stderr).toContain("prelim config set examDate 2027-05-24");

    expect((await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home, env: { PRELIM_NOW: NOW } })).status).toBe(0);
    await runPrelim(["config", "set", "examDate", "2027-05-24"], { home });
    const text = await runPrelim(["plan", DAILY, path.join(REPO_ROOT, "tests/fixtures/session/banks/extra.yaml")], { home, env: { PRELIM_NOW: NOW } });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Until the exam on 2027-05-24 (53 days, 8 weeks): 9 questions, 3 never seen.");
    expect(text.stdout).toContain("1 new a day sees every question at least twice before the exam.");
    expect(text.stdout).toMatch(/^ {2}2027-04-01 +\d+ +\d+ +[█▒]+$/m);
    for (const line of text.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);

    const json = JSON.parse((await runPrelim(["plan", DAILY, "--json"], { home, env: { PRELIM_NOW: NOW } })).stdout) as { weeks: { start: string; reviews: number; newQuestions: number; days: number }[]; daysLeft: number };
    expect(json.daysLeft).toBe(53);
    expect(json.weeks).toHaveLength(8);
    expect(json.weeks.reduce((sum, week) => sum + week.days, 0)).toBe(53);
    expect(json.weeks.reduce((sum, week) => sum + week.reviews, 0)).toBeGreaterThanOrEqual(6);
  });

  it("stats shows the exam day: recall per topic and overall, and the questions most at risk", async () => {
    const home = tempDir("prelim-home-");
    // Answered 40 days before the exam, not reviewed since: some are at risk on the day.
    const lines = ["capital", "primes", "sky-blue", "rivers"].map((id, index) =>
      toLogLine({ at: "2027-04-10T09:00:00.000Z", key: `daily/${id}`, given: ["a"], correct: index !== 1, ms: 4000, rating: index === 1 ? "again" : "good", mode: "review" }),
    );
    fs.writeFileSync(path.join(home, "reviews.jsonl"), lines.join(""));
    await runPrelim(["config", "set", "examDate", "2027-05-24"], { home });
    const run = await runPrelim(["stats", DAILY], { home, env: { PRELIM_NOW: "2027-04-14T09:00:00" } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/On exam day \(in 40 days\), 2027-05-24: predicted recall if nothing more were reviewed/);
    expect(run.stdout).toMatch(/ {2}overall +\d+% +of 6 questions; \d seen, \d+% of those/);
    expect(run.stdout).toContain("Most at risk on exam day");
    const json = JSON.parse((await runPrelim(["stats", DAILY, "--json"], { home, env: { PRELIM_NOW: "2027-04-14T09:00:00" } })).stdout) as { examDay: { daysLeft: number; recall: number; atRisk: { key: string; recall: number }[]; topics: { topic: string }[] } };
    expect(json.examDay.daysLeft).toBe(40);
    expect(json.examDay.atRisk.length).toBeGreaterThan(0);
    expect(json.examDay.atRisk[0]?.recall).toBeLessThan(0.9);
    expect(json.examDay.topics.length).toBeGreaterThan(0);
  });
});
