// prelim suspend / unsuspend / suspended, leeches, and what practice and review then ask, in-process with
// a temp data dir and a clock set by PRELIM_NOW.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { runPrelim, tempDir } from "./helpers.js";

const DAILY = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml");
const ANSWERS = path.join(REPO_ROOT, "tests", "fixtures", "session", "daily-answers.yaml");

const asked = (stdout: string) => (JSON.parse(stdout) as { questions: { id: string }[] }).questions.map((question) => question.id);

describe("suspend and unsuspend", () => {
  it("a suspended question is asked by neither practice nor review until it is unsuspended", async () => {
    const home = tempDir("prelim-home-");
    const env = { PRELIM_BANKS: path.dirname(DAILY) };
    const all = asked((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env })).stdout);
    expect(all).toContain("capital");
    const suspend = await runPrelim(["suspend", "daily/capital", "rivers"], { home, env });
    expect(suspend.status, suspend.stderr).toBe(0);
    expect(suspend.stdout).toContain("Suspended 2 questions: daily/capital, daily/rivers.");
    const practice = asked((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env })).stdout);
    expect(practice).not.toContain("capital");
    expect(practice).not.toContain("rivers");
    const review = asked((await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env })).stdout);
    expect(review).not.toContain("capital");
    const listed = JSON.parse((await runPrelim(["suspended", "--json"], { home, env })).stdout) as { suspended: { key: string }[] };
    expect(listed.suspended.map((item) => item.key)).toEqual(["daily/capital", "daily/rivers"]);
    expect((await runPrelim(["unsuspend", "capital"], { home, env })).status).toBe(0);
    expect(asked((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env })).stdout)).toContain("capital");
    expect((await runPrelim(["unsuspend", "--all"], { home, env })).stdout).toBe("Unsuspended 1 question.\n");
    expect((await runPrelim(["suspended"], { home, env })).stdout).toBe("No question is suspended or buried.\n");
  });

  it("names what it cannot find, and what is not suspended", async () => {
    const home = tempDir("prelim-home-");
    const env = { PRELIM_BANKS: path.dirname(DAILY) };
    const missing = await runPrelim(["suspend", "daily/nothing"], { home, env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no question 'daily/nothing'");
    const notSuspended = await runPrelim(["unsuspend", "daily/capital"], { home, env });
    expect(notSuspended.status).toBe(2);
    expect(notSuspended.stderr).toContain("not suspended: daily/capital");
  });

  it("a bury lasts until the learner's next day", async () => {
    const home = tempDir("prelim-home-");
    fs.writeFileSync(path.join(home, "queue.jsonl"), `${JSON.stringify({ at: new Date(2026, 2, 2, 10).toISOString(), key: "daily/capital", action: "bury" })}\n`);
    const sameDay = asked((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env: { PRELIM_NOW: new Date(2026, 2, 2, 20).toISOString() } })).stdout);
    expect(sameDay).not.toContain("capital");
    const nextDay = asked((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env: { PRELIM_NOW: new Date(2026, 2, 3, 8).toISOString() } })).stdout);
    expect(nextDay).toContain("capital");
  });
});

describe("leeches", () => {
  it("the leechThreshold-th wrong answer says so; with leechAction suspend the question is suspended", async () => {
    const home = tempDir("prelim-home-");
    // Seven wrong answers to rivers already, over the past weeks.
    const lines = Array.from({ length: 7 }, (_, index) =>
      JSON.stringify({ at: new Date(Date.now() - (30 - index) * 86_400_000).toISOString(), key: "daily/rivers", given: ["b"], correct: false, ms: 1000, rating: "again", mode: "practice" }),
    );
    fs.writeFileSync(path.join(home, "reviews.jsonl"), `${lines.join("\n")}\n`);
    expect((await runPrelim(["config", "set", "leechAction", "suspend"], { home })).status).toBe(0);
    const wrong = path.join(tempDir(), "answers.yaml");
    fs.writeFileSync(wrong, "rivers: b\n");
    const run = await runPrelim(["practice", DAILY, "--answers", wrong, "--reporter", "json"], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("daily/rivers: This question has been missed 8 times: it is now a leech and is suspended.");
    expect((JSON.parse((await runPrelim(["suspended", "--json"], { home })).stdout) as { suspended: { key: string }[] }).suspended.map((item) => item.key)).toEqual(["daily/rivers"]);
    const stats = JSON.parse((await runPrelim(["stats", DAILY, "--json"], { home })).stdout) as { weakest: { key: string; leech: boolean }[]; suspended: number };
    expect(stats.weakest[0]).toMatchObject({ key: "daily/rivers", leech: true });
    expect(stats.suspended).toBe(1);
  });
});

describe("cramming", () => {
  const line = (key: string, daysAgo: number, correct: boolean) =>
    JSON.stringify({ at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), key, given: ["a"], correct, ms: 1000, rating: correct ? "good" : "again", mode: "practice" });

  it("practice --missed asks what was missed in the window, most recent first, and leaves the schedule alone", async () => {
    const home = tempDir("prelim-home-");
    fs.writeFileSync(path.join(home, "reviews.jsonl"), `${[line("daily/capital", 10, false), line("daily/rivers", 3, false), line("daily/primes", 1, false), line("daily/moon", 2, true)].join("\n")}\n`);
    const before = JSON.parse((await runPrelim(["stats", DAILY, "--json"], { home })).stdout) as { forecast: unknown };
    const wide = await runPrelim(["practice", DAILY, "--missed", "--since", "2w", "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home });
    expect(asked(wide.stdout)).toEqual(["primes", "rivers", "capital"]);
    const run = await runPrelim(["practice", DAILY, "--missed", "--answers", ANSWERS, "--reporter", "json"], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(asked(run.stdout)).toEqual(["primes", "rivers"]);
    // Logged, and marked as leaving the schedule alone: the forecast of due questions is unchanged.
    const log = fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").trim().split("\n").map((text) => JSON.parse(text) as { reschedule?: boolean });
    expect(log.slice(4).every((entry) => entry.reschedule === false)).toBe(true);
    expect((JSON.parse((await runPrelim(["stats", DAILY, "--json"], { home })).stdout) as { forecast: unknown }).forecast).toEqual(before.forecast);
  });

  it("with cramReschedules true, crammed answers move the schedule like any other", async () => {
    const home = tempDir("prelim-home-");
    fs.writeFileSync(path.join(home, "reviews.jsonl"), `${line("daily/rivers", 1, false)}\n`);
    await runPrelim(["config", "set", "cramReschedules", "true"], { home });
    await runPrelim(["practice", DAILY, "--missed", "--answers", ANSWERS, "--reporter", "json"], { home });
    const log = fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").trim().split("\n").map((text) => JSON.parse(text) as { reschedule?: boolean });
    expect(log[1]?.reschedule).toBeUndefined();
  });

  it("review --due-ahead asks what falls due in the next days, soonest first", async () => {
    const home = tempDir("prelim-home-");
    expect((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home })).status).toBe(0);
    const today = JSON.parse((await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home })).stdout) as { answered: number };
    expect(today.answered).toBe(0);
    const ahead = await runPrelim(["review", DAILY, "--due-ahead", "30", "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home });
    expect(ahead.status, ahead.stderr).toBe(0);
    expect(asked(ahead.stdout).length).toBeGreaterThan(0);
    const none = await runPrelim(["review", DAILY, "--due-ahead", "1", "--answers", ANSWERS], { home, env: { PRELIM_NOW: new Date(Date.now() - 400 * 86_400_000).toISOString() } });
    expect(none.status).toBe(0);
  });
});
