// `prelim practice` through the built binary (npm test builds it first), each run with a temporary
// PRELIM_HOME: scripted runs from an answer file or stdin, JSON and TAP reports, seeds, the review log,
// and the ways a session refuses to start (exit 2).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { BIN, STACK_FRAME, readReviewLog, runPrelim, tempDir, tempFiles } from "./helpers.js";

const SESSION = path.join(REPO_ROOT, "tests", "fixtures", "session");
const DAILY = path.join(SESSION, "banks", "daily.yaml");
const EXTRA = path.join(SESSION, "banks", "extra.yaml");
const ANSWERS = path.join(SESSION, "daily-answers.yaml");
const ESC = "\u001b";

// Worked out by hand from daily.yaml and daily-answers.yaml.
const EXPECTED = {
  "daily/capital": "correct",
  "daily/primes": "correct",
  "daily/sky-blue": "correct",
  "daily/rivers": "wrong",
  "daily/founders": "correct",
  "daily/ordered": "wrong",
} as const;

interface JsonReport {
  mode: string;
  seed: number;
  interrupted: boolean;
  answered: number;
  correct: number;
  wrong: number;
  accuracy: number;
  warnings: string[];
  questions: { bank: string; id: string; given: string[]; answer: string[]; outcome: string; rating: string }[];
}



describe("prelim practice, scripted", () => {
  it("answers from a file and reports JSON with the counts worked out by hand", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--seed", "3"], { home });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toMatchObject({ mode: "practice", seed: 3, interrupted: false, answered: 6, correct: 4, wrong: 2, warnings: [] });
    expect(report.accuracy).toBeCloseTo(4 / 6, 3);
    expect(Object.fromEntries(report.questions.map((q) => [`${q.bank}/${q.id}`, q.outcome]))).toEqual(EXPECTED);
    const primes = report.questions.find((q) => q.id === "primes");
    expect(primes).toMatchObject({ given: ["a", "c"], answer: ["a", "c"], rating: "good" });
    expect(report.questions.find((q) => q.id === "rivers")).toMatchObject({ given: ["b"], answer: ["a"], rating: "again" });

    const log = readReviewLog(home);
    expect(log).toHaveLength(6);
    expect(log.every((line) => line.mode === "practice")).toBe(true);
    expect(log.map((line) => line.key)).toEqual(report.questions.map((q) => `${q.bank}/${q.id}`));
    expect(Object.fromEntries(log.map((line) => [line.key, line.correct ? "correct" : "wrong"]))).toEqual(EXPECTED);
  });

  it("reads the answers from stdin with --answers -, reporting TAP by default without a terminal", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["practice", DAILY, "--answers", "-"], { home, input: fs.readFileSync(ANSWERS, "utf8") });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("TAP version 14\n")).toBe(true);
    expect(run.stdout.match(/^ok \d+ /gm)).toHaveLength(4);
    expect(run.stdout.match(/^not ok \d+ /gm)).toHaveLength(2);
    expect(readReviewLog(home)).toHaveLength(6);
  });

  it("reports TAP: version line, a test point per answer, the plan at the end", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap", "--seed", "3"], { home });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("TAP version 14");
    expect(lines).toContain("# seed 3");
    expect(lines.filter((line) => /^ok \d+ - /.test(line))).toHaveLength(4);
    expect(lines.filter((line) => /^not ok \d+ - /.test(line))).toHaveLength(2);
    expect(lines.filter((line) => line !== "").at(-1)).toBe("1..6");
    expect(readReviewLog(home)).toHaveLength(6);
  });

  it("gives the same questions in the same order for the same seed, another order for another", async () => {
    const order = async (seed: string) => {
      const run = await runPrelim(["practice", DAILY, EXTRA, "--answers", ANSWERS, "--reporter", "json", "--seed", seed, "-n", "5"]);
      expect(run.status).toBe(0);
      return (JSON.parse(run.stdout) as JsonReport).questions.map((q) => `${q.bank}/${q.id}`);
    };
    const first = await order("11");
    expect(await order("11")).toEqual(first);
    expect(await order("12")).not.toEqual(first);
  });

  it("asks -n questions and does not warn about the rest of the answer file", async () => {
    const home = tempDir("prelim-home-");
    const run = await runPrelim(["practice", DAILY, "-n", "2", "--answers", ANSWERS, "--reporter", "json", "--seed", "5"], { home });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ answered: 2, warnings: [] });
    expect(readReviewLog(home)).toHaveLength(2);
  });

  it("warns about an answer naming no question, and carries on", async () => {
    const run = await runPrelim(["practice", DAILY, "--answers", "-", "--reporter", "json"], { input: "capital: a\nno-such-question: b\n" });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('"no-such-question"');
    expect(JSON.parse(run.stdout)).toMatchObject({ answered: 1, correct: 1 });
  });

  it("prints feedback and a summary, with no escape sequence without a terminal, with TERM=dumb or NO_COLOR", async () => {
    // The pretty reporter is the one that would colour; FORCE_COLOR from the test runner is removed.
    const cases = [
      { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: "xterm-256color" },
      { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: "dumb" },
      { NO_COLOR: "1", FORCE_COLOR: undefined },
    ];
    for (const env of cases) {
      const run = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "pretty"], { env });
      expect(run.status, `${JSON.stringify(env)} ${run.stderr}`).toBe(0);
      expect(run.stdout.match(/✔ Correct/g)).toHaveLength(4);
      expect(run.stdout.match(/✘ Wrong/g)).toHaveLength(2);
      expect(run.stdout).toContain("Score     4 / 6  (67%)");
      expect(run.output, JSON.stringify(env)).not.toContain(ESC);
    }
  });
});

describe("prelim practice refuses to start", () => {
  it("without a terminal and without --answers: exit 2 at once, naming --answers", async () => {
    const home = tempDir("prelim-home-");
    const started = Date.now();
    const run = spawnSync(process.execPath, [BIN, "practice", DAILY], {
      env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.stderr).toContain("--answers");
    expect(run.stderr).toMatch(/needs a terminal/);
    expect(run.stdout).toBe("");
    expect(readReviewLog(home)).toEqual([]);
  });

  it("the same with no bank named (no pickers without a terminal)", async () => {
    const run = await runPrelim([], { env: { PRELIM_BANKS: path.join(SESSION, "banks") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--answers");
  });

  it("with a broken bank named on the command line: exit 2, the problem listed", async () => {
    const dir = tempFiles({ "broken.yaml": "id: broken\ntitle: [unclosed\n" });
    const run = await runPrelim(["practice", path.join(dir, "broken.yaml"), "--answers", ANSWERS]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(run.stderr).toContain("cannot start");
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("skips a broken bank merely found on the search path, with a warning", async () => {
    const dir = tempFiles({ "broken.yaml": "id: broken\ntitle: [unclosed\n", "daily.yaml": fs.readFileSync(DAILY, "utf8") });
    const run = await runPrelim(["practice", "--answers", ANSWERS, "--reporter", "json"], { env: { PRELIM_BANKS: dir } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("skipping");
    expect(run.stderr).toContain("broken.yaml");
    expect(JSON.parse(run.stdout)).toMatchObject({ answered: 6 });
  });

  it("with --topic matching nothing: exit 2 naming the topic", async () => {
    const run = await runPrelim(["practice", DAILY, "--topic", "astrology", "--answers", ANSWERS]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no questions match topic astrology");
    expect(run.stderr).toContain("prelim banks");
  });

  it("with bad option values: exit 2 and a message", async () => {
    for (const args of [["-n", "0"], ["--seed", "-1"]]) {
      const run = await runPrelim(["practice", DAILY, "--answers", ANSWERS, ...args]);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^prelim: /m);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it("with an answer file that is not a mapping: exit 2 at file:line:col", async () => {
    const dir = tempFiles({ "answers.yaml": "- a\n- b\n" });
    const run = await runPrelim(["practice", DAILY, "--answers", path.join(dir, "answers.yaml")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/answers\.yaml:\d+:\d+/);
  });

  it("with a missing answer file: exit 2 naming it", async () => {
    const run = await runPrelim(["practice", DAILY, "--answers", "no-such-answers.yaml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no-such-answers.yaml");
  });
});
