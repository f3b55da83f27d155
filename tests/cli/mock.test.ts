// prelim mock end to end: the built binary with answer files, a temporary PRELIM_HOME and no terminal.
// Expected scores are worked out by hand from tests/fixtures/mock/polity.yaml at +2 / -0.66 / 0.

import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { RAW_CONTROL, STACK_FRAME, runPrelim, tempDir, tempFiles } from "./helpers.js";

const POLITY = path.join(FIXTURES, "mock", "polity.yaml");
const HISTORY = path.join(FIXTURES, "mock", "history.yaml");
const MARKED = path.join(FIXTURES, "mock", "marked.yaml");
const HOSTILE = path.join(FIXTURES, "mock", "hostile.yaml");

// parliament right (b), rights right ([a, c] in any order), sun-star right (true = a), president wrong
// (a, the answer is d), preamble unanswered: 3 × 2 - 0.66 = 5.34 of 10.
const ANSWERS = "parliament: b\nrights: [c, a]\nsun-star: true\npresident: a\n";

interface JsonQuestion {
  bank: string;
  id: string;
  given: string[];
  answer: string[];
  outcome: string;
  marks: number;
}

interface JsonReport {
  score: number;
  maxScore: number;
  percent: number;
  correct: number;
  wrong: number;
  unanswered: number;
  marksLost: number;
  passed?: boolean;
  passScore?: number;
  seed: number;
  marking: { correct: number; wrong: number; unanswered: number };
  change?: number;
  previousScore?: number;
  warnings: string[];
  questions: JsonQuestion[];
}

function answerFile(text = ANSWERS): string {
  return path.join(tempFiles({ "answers.yaml": text }), "answers.yaml");
}

async function mockJson(args: readonly string[], options: Parameters<typeof runPrelim>[1] = {}): Promise<{ report: JsonReport; result: Awaited<ReturnType<typeof runPrelim>> }> {
  const result = await runPrelim(["mock", ...args, "--reporter", "json"], options);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  return { report: JSON.parse(result.stdout) as JsonReport, result };
}

describe("scoring a scripted mock", () => {
  it("scores a known answer file at UPSC marking, question by question", async () => {
    const { report, result } = await mockJson([POLITY, "--answers", answerFile(), "--seed", "7"]);
    expect(result.status).toBe(0);
    expect(report).toMatchObject({ score: 5.34, maxScore: 10, percent: 53.4, correct: 3, wrong: 1, unanswered: 1, marksLost: 0.66, seed: 7 });
    expect(report.marking).toEqual({ correct: 2, wrong: -0.66, unanswered: 0 });
    const byId = Object.fromEntries(report.questions.map((question) => [question.id, question]));
    expect(byId.parliament).toMatchObject({ bank: "mock-polity", given: ["b"], answer: ["b"], outcome: "correct", marks: 2 });
    expect(byId.rights).toMatchObject({ given: ["a", "c"], answer: ["a", "c"], outcome: "correct", marks: 2 });
    expect(byId["sun-star"]).toMatchObject({ given: ["a"], outcome: "correct" });
    expect(byId.president).toMatchObject({ given: ["a"], answer: ["d"], outcome: "wrong", marks: -0.66 });
    expect(byId.preamble).toMatchObject({ given: [], answer: ["c"], outcome: "unanswered", marks: 0 });
    expect(report.passed).toBeUndefined();
  });

  it("a several-answer question scores only when exactly right", async () => {
    const { report } = await mockJson([POLITY, "--answers", answerFile("rights: [a]\nparliament: [b, c]\n"), "--seed", "7"]);
    const byId = Object.fromEntries(report.questions.map((question) => [question.id, question]));
    expect(byId.rights?.outcome).toBe("wrong");
    expect(byId.parliament?.outcome).toBe("wrong");
    expect(report.score).toBe(-1.32);
  });

  it("--pass-mark: at or above passes with 0, below fails with 1", async () => {
    const file = answerFile();
    const pass = await mockJson([POLITY, "--answers", file, "--seed", "7", "--pass-mark", "50%"]);
    expect(pass.result.status).toBe(0);
    expect(pass.report).toMatchObject({ passed: true, passScore: 5 });
    const exact = await mockJson([POLITY, "--answers", file, "--seed", "7", "--pass-mark", "5.34"]);
    expect(exact.result.status).toBe(0);
    const fail = await mockJson([POLITY, "--answers", file, "--seed", "7", "--pass-mark", "60%"]);
    expect(fail.result.status).toBe(1);
    expect(fail.report).toMatchObject({ passed: false, passScore: 6 });
  });

  it("uses the bank's marking, and --marking over it", async () => {
    const file = answerFile("capital: b\nriver: c\n");
    const own = await mockJson([MARKED, "--answers", file, "--seed", "1"]);
    expect(own.report).toMatchObject({ score: 0.75, maxScore: 2, marking: { correct: 1, wrong: -0.25, unanswered: 0 } });
    const flag = await mockJson([MARKED, "--answers", file, "--seed", "1", "--marking", "4,-1"]);
    expect(flag.report).toMatchObject({ score: 3, maxScore: 8 });
  });

  it("-n takes that many questions; --topic and --difficulty filter like practice", async () => {
    const file = answerFile();
    expect((await mockJson([POLITY, "--answers", file, "--seed", "7", "-n", "2"])).report.questions).toHaveLength(2);
    const topic = (await mockJson([POLITY, "--answers", file, "--seed", "7", "--topic", "rights", "judiciary"])).report;
    expect(topic.questions.map((question) => question.id).sort()).toEqual(["president", "rights"]);
    expect(topic.score).toBe(1.34);
    const hard = (await mockJson([POLITY, "--answers", file, "--seed", "7", "--difficulty", "hard"])).report;
    expect(hard.questions.map((question) => question.id)).toEqual(["preamble"]);
  });
});

describe("reporters", () => {
  it("JUnit: one testcase per question, the wrong one a failure, the unanswered one skipped", async () => {
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "junit"]);
    expect(result.status).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(result.stdout) as {
      testsuites: { testsuite: { name: string; tests: string; failures: string; skipped: string; timestamp: string; testcase: { name: string; failure?: unknown; skipped?: unknown }[] } };
    };
    expect(xml.testsuites.testsuite).toMatchObject({ tests: "5", failures: "1", skipped: "1" });
    expect(xml.testsuites.testsuite.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const cases = xml.testsuites.testsuite.testcase;
    expect(cases).toHaveLength(5);
    expect(cases.filter((item) => item.failure !== undefined).map((item) => item.name)).toEqual([expect.stringContaining("mock-polity/president")]);
    expect(cases.filter((item) => item.skipped !== undefined).map((item) => item.name)).toEqual([expect.stringContaining("mock-polity/preamble")]);
  });

  it("TAP: version, a plan of one test point a question, the score as a comment", async () => {
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "tap"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("TAP version 14");
    expect(lines).toContain("1..5");
    expect(lines.filter((line) => /^not ok \d+ - mock-polity\/president/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^ok \d+ - mock-polity\/preamble .*# SKIP unanswered$/.test(line))).toHaveLength(1);
    expect(result.stdout).toContain("# score 5.34 / 10 (53.4%)");
  });

  it("without --reporter and without a terminal, the report is JSON", async () => {
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7"]);
    expect((JSON.parse(result.stdout) as JsonReport).score).toBe(5.34);
  });

  it("--output writes the report there and a one-line summary to stderr", async () => {
    const dir = tempDir();
    const output = path.join(dir, "report.xml");
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--pass-mark", "50%", "--output", output]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    // The extension chose the reporter.
    expect(fs.readFileSync(output, "utf8")).toMatch(/^<\?xml[\s\S]*<testsuites>\n  <testsuite name="mock-polity" package="mock-polity" id="0" timestamp="[^"]+" hostname="[^"]+" tests="5"/);
    expect(result.stderr).toContain(`prelim: mock score 5.34 / 10 (53.4%), passed; report written to ${output}`);
    expect(fs.readdirSync(dir)).toEqual(["report.xml"]);
  });
});

describe("repeatable papers", () => {
  const order = (report: JsonReport) => report.questions.map((question) => `${question.bank}/${question.id}`);

  it("the same banks and seed give the same questions in the same order", async () => {
    const file = answerFile("plassey: a\n");
    const first = (await mockJson([HISTORY, POLITY, "--answers", file, "--seed", "7"])).report;
    const second = (await mockJson([HISTORY, POLITY, "--answers", file, "--seed", "7"])).report;
    expect(first.questions).toHaveLength(17);
    expect(second.questions).toEqual(first.questions);
    const other = (await mockJson([HISTORY, POLITY, "--answers", file, "--seed", "8"])).report;
    expect(order(other)).not.toEqual(order(first));
    expect([...order(other)].sort()).toEqual([...order(first)].sort());
  });

  it("a run without --seed says on stderr which seed it used, and the report records it", async () => {
    const { report, result } = await mockJson([HISTORY, "--answers", answerFile("plassey: a\n")]);
    const match = /^prelim: seed (\d+)$/m.exec(result.stderr);
    expect(match).not.toBeNull();
    expect(report.seed).toBe(Number(match?.[1]));
    const again = (await mockJson([HISTORY, "--answers", answerFile("plassey: a\n"), "--seed", String(report.seed)])).report;
    expect(again.questions).toEqual(report.questions);
  });
});

describe("answer files", () => {
  it("--answers - reads standard input", async () => {
    const { report, result } = await mockJson([POLITY, "--answers", "-", "--seed", "7"], { input: ANSWERS });
    expect(result.status).toBe(0);
    expect(report.score).toBe(5.34);
  });

  it("an unknown id and a letter past the options are warnings in the report and on stderr", async () => {
    const { report, result } = await mockJson([POLITY, "--answers", answerFile(`${ANSWERS}no-such-question: a\nparliament-x: b\n`.replace("president: a", "president: z")), "--seed", "7"]);
    expect(result.status).toBe(0);
    expect(report.warnings).toContain('answer "no-such-question" names no question in this test; ignored');
    expect(report.warnings).toContain("mock-polity/president: z is not an option (a–d); counted as wrong");
    expect(report.questions.find((question) => question.id === "president")).toMatchObject({ given: ["z"], outcome: "wrong" });
    expect(result.stderr).toContain('prelim: warning: answer "no-such-question" names no question in this test; ignored');
  });

  it("an answer file for the whole bank brings no warnings for questions the paper did not draw", async () => {
    const { report, result } = await mockJson([POLITY, "-n", "2", "--answers", answerFile(), "--seed", "7"]);
    expect(result.status).toBe(0);
    expect(report.questions).toHaveLength(2);
    expect(report.warnings).toEqual([]);
    expect(result.stderr).not.toContain("warning");
  });

  it("a broken answer file stops with exit 2 and file:line:col", async () => {
    const file = answerFile("parliament: b\nrights: [a, c\n");
    const result = await runPrelim(["mock", POLITY, "--answers", file, "--seed", "7"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `));
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("a missing answer file is exit 2 naming it", async () => {
    const result = await runPrelim(["mock", POLITY, "--answers", "missing.yaml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing.yaml");
  });
});

describe("usage errors exit 2 before anything runs", () => {
  it("no terminal and no --answers: exit 2, naming --answers", async () => {
    const result = await runPrelim(["mock", POLITY]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("A mock test needs a terminal");
    expect(result.stderr).toContain("--answers");
    expect(result.stdout).toBe("");
  });

  it.each([
    [["--time", "0"], "--time"],
    [["--time", "soon"], "--time"],
    [["--marking", "2,1"], "--marking"],
    [["--pass-mark", "120%"], "--pass-mark"],
    [["--reporter", "xml"], "--reporter"],
    [["-n", "0"], "--count"],
    [["--seed", "-1"], "--seed"],
    [["--difficulty", "tough"], "--difficulty"],
  ])("%j", async (args, named) => {
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(named);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("an invalid bank named on the command line is exit 2", async () => {
    const dir = tempFiles({ "bad.yaml": "id: bad\ntitle: Bad\nquestions:\n  - id: q\n    question: [\n" });
    const result = await runPrelim(["mock", path.join(dir, "bad.yaml"), "--answers", answerFile()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+/);
  });

  it("no question matches the filters", async () => {
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--topic", "astronomy"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no questions match topic astronomy");
  });
});

describe("what a mock leaves behind", () => {
  it("answered questions go to the review log with mode mock; unanswered ones do not", async () => {
    const home = tempDir("prelim-home-");
    const result = await runPrelim(["mock", POLITY, "--answers", answerFile(), "--seed", "7", "--reporter", "json"], { home });
    expect(result.status).toBe(0);
    const entries = fs
      .readFileSync(path.join(home, "reviews.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { key: string; mode: string; correct: boolean; given: string[]; rating: string });
    expect(entries.map((entry) => entry.key).sort()).toEqual(["mock-polity/parliament", "mock-polity/president", "mock-polity/rights", "mock-polity/sun-star"]);
    expect(entries.every((entry) => entry.mode === "mock")).toBe(true);
    const president = entries.find((entry) => entry.key === "mock-polity/president");
    expect(president).toMatchObject({ correct: false, given: ["a"], rating: "again" });
    expect(entries.find((entry) => entry.key === "mock-polity/rights")).toMatchObject({ correct: true, given: ["a", "c"], rating: "good" });
  });

  it("each attempt is one line of mock-attempts.jsonl; the next one shows the change; --history lists them", async () => {
    const home = tempDir("prelim-home-");
    const first = (await mockJson([POLITY, "--answers", answerFile(), "--seed", "7"], { home })).report;
    expect(first.change).toBeUndefined();
    const second = (await mockJson([POLITY, "--answers", answerFile("parliament: b\n"), "--seed", "9"], { home })).report;
    expect(second).toMatchObject({ score: 2, previousScore: 5.34, change: -3.34 });
    // Another set of banks is not compared with this one.
    expect((await mockJson([HISTORY, "--answers", answerFile("plassey: a\n"), "--seed", "1"], { home })).report.change).toBeUndefined();

    const lines = fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(3);
    const attempt = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(attempt).toMatchObject({ banks: ["mock-polity"], seed: 7, questions: 5, score: 5.34, maxScore: 10, scripted: true });
    expect(attempt.outcomes).toContainEqual({ key: "mock-polity/president", given: ["a"], outcome: "wrong", marked: false });

    const history = await runPrelim(["mock", "--history"], { home });
    expect(history.status).toBe(0);
    expect(history.stdout).toContain("Mock attempts (3)");
    const rows = history.stdout.split("\n").filter((line) => /^\s+\d{4}-\d\d-\d\d \d\d:\d\d/.test(line));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/mock-polity\s+5\s+5\.34 \/ 10\s+53\.4%\s+—$/);
    expect(rows[1]).toMatch(/mock-polity\s+5\s+2 \/ 10\s+20%\s+-3\.34$/);
    expect(rows[2]).toMatch(/mock-history\s+12\s+2 \/ 24\s+8\.33%\s+—$/);

    const json = JSON.parse((await runPrelim(["mock", "--history", "--reporter", "json"], { home })).stdout) as { attempts: { score: number; change?: number }[] };
    expect(json.attempts.map((item) => [item.score, item.change])).toEqual([
      [5.34, undefined],
      [2, -3.34],
      [2, undefined],
    ]);
  });

  it("a torn last line in the history is skipped, and the next attempt still lands on a line of its own", async () => {
    const home = tempDir("prelim-home-");
    await mockJson([POLITY, "--answers", answerFile(), "--seed", "7"], { home });
    fs.appendFileSync(path.join(home, "mock-attempts.jsonl"), '{"v":1,"at":"2025-');
    const next = await mockJson([POLITY, "--answers", answerFile(), "--seed", "7"], { home });
    expect(next.report.previousScore).toBe(5.34);
    expect(next.result.stderr).toContain("1 unreadable line(s)");
    const history = await runPrelim(["mock", "--history"], { home });
    expect(history.stdout).toContain("Mock attempts (2)");
  });

  it("--history with nothing yet says how to start", async () => {
    const result = await runPrelim(["mock", "--history"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("No mock attempts yet");
  });
});

describe("--discard after a submission cut short", () => {
  it("completes the submission first: its answers reach spaced repetition, and nothing is left to discard", async () => {
    const home = tempDir("prelim-home-");
    const answers = tempFiles({ "answers.yaml": ANSWERS });
    expect((await runPrelim(["mock", POLITY, "--answers", path.join(answers, "answers.yaml"), "--seed", "4", "--reporter", "json"], { home })).status).toBe(0);
    // As if killed between saving the attempt and logging its answers: the log lacks them, and the
    // journal is still there (a test sat at a terminal: not scripted).
    const log = path.join(home, "reviews.jsonl");
    const logged = fs.readFileSync(log, "utf8");
    const [attempt] = fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { id: string; outcomes: { key: string }[] });
    if (attempt === undefined) throw new Error("no attempt saved");
    fs.writeFileSync(log, "");
    fs.rmSync(path.join(home, "progress.json"), { force: true });
    const { JOURNAL_VERSION } = await import("../../src/core/attempt-journal.js");
    const { newJournal } = await import("../../src/store/mock-journal.js");
    const journal = newJournal(home, {
      type: "start", v: JOURNAL_VERSION, id: attempt.id, startedAt: new Date().toISOString(), seed: 4, banks: ["polity"], title: "Mock test · polity",
      timeLimitMs: 600_000, marking: { correct: 2, wrong: -0.66, unanswered: 0 }, questions: attempt.outcomes.map((item) => ({ key: item.key, order: [0, 1, 2, 3] })), scripted: false,
    });
    // In a real submission the journal exists before the attempt is saved: made so here too.
    const history = path.join(home, "mock-attempts.jsonl");
    const saved = fs.readFileSync(history);
    fs.rmSync(history);
    journal.start();
    journal.close();
    fs.writeFileSync(history, saved);
    expect(journal.id).toBe(attempt.id);
    const discard = await runPrelim(["mock", "--discard"], { home });
    expect(discard.stderr).toContain("finished saving a mock attempt cut short");
    expect(discard.stderr).toContain("no unfinished mock test to discard");
    expect(discard.status).toBe(2);
    expect(fs.readFileSync(log, "utf8").trim().split("\n").sort()).toEqual(logged.trim().split("\n").sort());
    expect(fs.readdirSync(path.join(home, "mock-in-progress"))).toEqual([]);
  });
});

describe("bank text is data", () => {
  it.each(["json", "junit", "tap", "pretty"])("no raw control sequence reaches the output with --reporter %s", async (reporter) => {
    const result = await runPrelim(["mock", HOSTILE, "--answers", answerFile("every-control: b\n"), "--seed", "1", "--reporter", reporter]);
    expect(result.status).toBe(0);
    const match = RAW_CONTROL.exec(result.output);
    expect(match === null ? null : JSON.stringify(result.output.slice(Math.max(0, match.index - 30), match.index + 10))).toBeNull();
  });
});

describe("help", () => {
  it("explains the keys, the exit codes and what an interrupted mock keeps, with examples", async () => {
    const result = await runPrelim(["mock", "--help"]);
    expect(result.status).toBe(0);
    for (const text of ["Keys:", "mark for", "palette", "S submit", "Ctrl-C asks before leaving", "--resume", "the clock does not run while\nno session is open", "drop an unfinished test", "Examples:", "--answers answers.yaml", "--history"]) {
      expect(result.stdout).toContain(text);
    }
  });
});

describe("the JUnit report names the machine it ran on", () => {
  it("from the process's io, not a placeholder", async () => {
    const file = path.join(tempFiles({ "a.yaml": "parliament: b\n" }), "a.yaml");
    const result = await runPrelim(["mock", POLITY, "--answers", file, "--seed", "7", "--reporter", "junit"]);
    expect(result.stdout).toContain('hostname="test-host"');
  });
});
