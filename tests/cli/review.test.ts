// `prelim review` through the built binary with a temporary PRELIM_HOME: the daily limit on new
// questions, "Nothing due" when all is done, and a wrong answer scheduled to come back.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { readReviewLog, runPrelim, tempDir } from "./helpers.js";

const SESSION = path.join(REPO_ROOT, "tests", "fixtures", "session");
const DAILY = path.join(SESSION, "banks", "daily.yaml");
const ANSWERS = path.join(SESSION, "daily-answers.yaml");



interface StatsJson {
  banks: { id: string; total: number; seen: number; due: number; mastered: number; accuracy: number | null }[];
  forecast: { date: string; count: number }[];
  weakest: { key: string }[];
}

describe("prelim review", () => {
  it("asks only newPerDay new questions, then says nothing is due until the next ones", async () => {
    const home = tempDir("prelim-home-");
    const set = await runPrelim(["config", "set", "newPerDay", "2"], { home });
    expect(set.status).toBe(0);
    expect(set.stdout).toBe("newPerDay = 2\n");

    const first = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as { mode: string; answered: number; questions: { id: string }[] };
    expect(report.mode).toBe("review");
    expect(report.answered).toBe(2);
    // New questions come in bank order.
    expect(report.questions.map((q) => q.id)).toEqual(["capital", "primes"]);
    const log = readReviewLog(home);
    expect(log.map((line) => [line.key, line.mode])).toEqual([
      ["daily/capital", "review"],
      ["daily/primes", "review"],
    ]);

    const second = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home });
    expect(second.status).toBe(0);
    // With --reporter json, even "nothing to do" is JSON.
    const nothing = JSON.parse(second.stdout) as { answered: number; nothingDue: boolean; message: string; newLeft: number };
    expect(nothing).toMatchObject({ answered: 0, nothingDue: true });
    expect(nothing.newLeft).toBeGreaterThan(0);
    expect(nothing.message).toMatch(/^Nothing due\. Today's 2 new questions are done; \d+ more wait .*Next: 2 questions /);
    expect(readReviewLog(home)).toHaveLength(2);
  });

  it("after everything is answered: nothing due, and a wrong answer is back tomorrow, rated again", async () => {
    const home = tempDir("prelim-home-");
    const practice = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home });
    expect(practice.status).toBe(0);

    const review = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home });
    expect(review.status).toBe(0);
    // The two wrong answers (rivers, ordered) are due again in a day; the right ones later.
    // A TAP run with nothing to test: a plan of 0 that says why, never a bare sentence.
    expect(review.stdout).toBe("TAP version 14\n1..0 # SKIP Nothing due. Next: 2 questions tomorrow.\n");

    const log = readReviewLog(home);
    expect(log.filter((line) => !line.correct).map((line) => [line.key, line.rating])).toEqual(
      expect.arrayContaining([
        ["daily/rivers", "again"],
        ["daily/ordered", "again"],
      ]),
    );
    expect(log.filter((line) => line.correct).every((line) => line.rating === "good")).toBe(true);

    const stats = await runPrelim(["stats", DAILY, "--json"], { home });
    expect(stats.status).toBe(0);
    const parsed = JSON.parse(stats.stdout) as StatsJson;
    expect(parsed.banks[0]).toMatchObject({ id: "daily", total: 6, seen: 6, due: 0 });
    expect(parsed.forecast[1]?.count).toBe(2);
    expect(parsed.weakest.map((row) => row.key).sort()).toEqual(["daily/ordered", "daily/rivers"]);
  });

  it("asks at most -n questions", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["review", DAILY, "-n", "3", "--answers", ANSWERS, "--reporter", "tap"], { home });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("\n1..3\n");
    expect(readReviewLog(home)).toHaveLength(3);
  });

  it("needs a terminal or --answers", async () => {
    const run = await runPrelim(["review", DAILY]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--answers");
  });

  it("after the daily review limit: says the limit was reached and how many more are due", async () => {
    const home = tempDir("prelim-home-");
    // Answered two days ago, so all five are due today; a limit of 2 reviews leaves 3 due.
    const twoDaysAgo = Date.now() - 2 * 24 * 3600 * 1000;
    const lines = ["capital", "rivers", "primes", "sky-blue", "moon"].map((id, index) =>
      JSON.stringify({ at: new Date(twoDaysAgo - 3 * 24 * 3600 * 1000 + index).toISOString(), key: `daily/${id}`, given: ["a"], correct: false, ms: 1000, rating: "again", mode: "practice" }),
    );
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, "reviews.jsonl"), `${lines.join("\n")}\n`);
    expect((await runPrelim(["config", "set", "reviewsPerDay", "2"], { home })).status).toBe(0);
    const first = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home });
    expect(first.status, first.stderr).toBe(0);
    const second = await runPrelim(["review", DAILY, "--answers", ANSWERS], { home });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^TAP version 14\n1\.\.0 # SKIP Today's review limit \(reviewsPerDay 2\) is reached: \d+ more questions? (is|are) due\./);
  });

  it("PRELIM_NOW sets the clock: what is not due today is due in a week, answered and dated then", async () => {
    const home = tempDir("prelim-home-");
    const today = "2026-03-02T09:00:00.000Z";
    const nextWeek = "2026-03-09T09:00:00.000Z";
    expect((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home, env: { PRELIM_NOW: today } })).status).toBe(0);
    const now = JSON.parse((await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home, env: { PRELIM_NOW: today } })).stdout) as { answered: number };
    expect(now.answered).toBe(0);
    const later = JSON.parse((await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home, env: { PRELIM_NOW: nextWeek } })).stdout) as { answered: number };
    expect(later.answered).toBeGreaterThan(0);
    const log = readReviewLog(home);
    expect(log.filter((line) => line.mode === "practice").every((line) => line.at.startsWith("2026-03-02"))).toBe(true);
    expect(log.filter((line) => line.mode === "review").every((line) => line.at.startsWith("2026-03-09"))).toBe(true);
  });

  it("a PRELIM_NOW that is not a date-time: exit 2 saying what to give", async () => {
    const run = await runPrelim(["review", DAILY, "--answers", ANSWERS], { env: { PRELIM_NOW: "next tuesday" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PRELIM_NOW="next tuesday" is not a date-time');
  });
});
