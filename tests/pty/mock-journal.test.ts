// The journal of a mock at a terminal, seen from outside the process: it is created at the attempt's
// first change, after the first question is on the screen, so a kill before any change leaves nothing;
// one that cannot be created ends the test at that change with the store's error, the terminal restored
// and nothing recorded; journals left from earlier attempts are read once before the first screen,
// which loads nothing that only comes after it (the reporters, the history, answer files, line mode);
// and --resume chooses among them only after a submission cut short was completed.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { readLoads, recordLoads, STACK_FRAME, tempDir } from "../cli/helpers.js";
import { REPO_ROOT, runPrelimOnPty, screenText, type PtyResult, type PtyStep } from "./pty.js";

const POLITY = path.join(FIXTURES, "mock", "polity.yaml");
const COUNTER = pathToFileURL(path.join(REPO_ROOT, "tests", "fixtures", "count-journal-reads.mjs")).href;

function sit(home: string, steps: readonly PtyStep[], extraEnv: Record<string, string> = {}, args = ["mock", POLITY, "--seed", "1", "--time", "10m"]): PtyResult {
  return runPrelimOnPty({
    args,
    env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1", FORCE_COLOR: undefined, TERM: "xterm-256color", ...extraEnv },
    steps,
    timeout: 20,
  });
}

const folder = (home: string) => path.join(home, "mock-in-progress");
const journals = (home: string): string[] => (fs.existsSync(folder(home)) && fs.statSync(folder(home)).isDirectory() ? fs.readdirSync(folder(home)) : []);

/** A journal left by an attempt of a process long gone (no pid: not live), holding its paper. */
function leftover(home: string, id: string, startedAt: string): void {
  fs.mkdirSync(folder(home), { recursive: true });
  const header = { type: "start", v: 1, id, startedAt, seed: 1, banks: ["mock-polity"], title: "Mock test · mock-polity", timeLimitMs: 600_000, marking: { correct: 2, wrong: -0.66, unanswered: 0 }, questions: [{ key: "mock-polity/q1", order: [0, 1, 2, 3] }], scripted: false };
  fs.writeFileSync(path.join(folder(home), `${id}.jsonl`), `${JSON.stringify(header)}\n`);
}

function explain(result: PtyResult): string {
  return `exit ${result.exit}, failed wait ${JSON.stringify(result.failedWait)}\n${screenText(result.output).slice(-1500)}`;
}

describe("a mock's journal on a terminal", () => {
  // Both kills land well inside the first second, before the clock first records the time used.
  it("is not there when the test is killed at its first screen, before any change: nothing was given", () => {
    const home = tempDir();
    const result = sit(home, [{ waitFor: "Time left" }, { signal: "SIGKILL" }]);
    expect(result.exit, explain(result)).toBe(137);
    expect(journals(home)).toEqual([]);
  });

  it("is there, with the answer, when the test is killed right after its first answer", () => {
    const home = tempDir();
    const result = sit(home, [{ waitFor: "Time left" }, { send: "b" }, { waitFor: "● (b)" }, { signal: "SIGKILL" }]);
    expect(result.exit, explain(result)).toBe(137);
    const [name, ...others] = journals(home);
    expect(others).toEqual([]);
    const lines = fs.readFileSync(path.join(folder(home), name ?? ""), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { type: string; answers?: number[][] });
    expect(lines[0]?.type).toBe("start");
    expect(lines.at(-1)?.answers?.[0]).toHaveLength(1);
  });

  it.each([
    ["at the first answer", [{ waitFor: "Time left" }, { send: "b" }] as PtyStep[]],
    ["at the clock's first record, with no key pressed", [{ waitFor: "Time left" }, { sleep: 1.5 }] as PtyStep[]],
  ])("that cannot be created ends the test %s: exit 2 with the store's error, the terminal restored, nothing recorded", (_when, steps) => {
    const home = tempDir();
    // A file where the journal folder goes: a write that fails for real, even as root.
    fs.writeFileSync(folder(home), "");
    const result = sit(home, steps);
    expect(result.exit, explain(result)).toBe(2);
    const text = screenText(result.output);
    expect(text).toMatch(/prelim: Could not start the mock attempt in .*mock-in-progress.*\.jsonl: a file is in the way of a folder \(EEXIST\)\. Set --data-dir or PRELIM_HOME to a writable folder\./);
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain("internal error");
    // The answer that could not be recorded was never shown as given.
    expect(text).not.toContain("● (b)");
    expect(text).not.toContain("Your answers are kept");
    expect(result.tty).toEqual({ icanon: true, echo: true });
    expect(fs.existsSync(path.join(home, "mock-attempts.jsonl"))).toBe(false);
    expect(fs.existsSync(path.join(home, "reviews.jsonl")) ? fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8") : "").toBe("");
  });

  it("left from earlier attempts are listed once and each read once before the first screen, which names them", () => {
    const home = tempDir();
    leftover(home, "20260301-090000-1", "2026-03-01T09:00:00.000Z");
    leftover(home, "20260302-090000-2", "2026-03-02T09:00:00.000Z");
    const reads = path.join(tempDir(), "reads.txt");
    const result = sit(home, [{ waitFor: "Time left" }, { signal: "SIGKILL" }], { NODE_OPTIONS: `--import=${COUNTER}`, PRELIM_READS: reads });
    expect(result.exit, explain(result)).toBe(137);
    expect(screenText(result.output)).toMatch(/prelim: 2 unfinished mocks, the latest from .+: prelim mock --resume/);
    const made = fs.readFileSync(reads, "utf8").trim().split("\n");
    expect(made.filter((line) => line.startsWith("list "))).toEqual([`list ${folder(home)}`]);
    expect(made.filter((line) => line.startsWith("read ")).sort()).toEqual(["20260301-090000-1", "20260302-090000-2"].map((id) => `read ${path.join(folder(home), `${id}.jsonl`)}`));
    // Killed before any change: the two are all there is.
    expect(journals(home).sort()).toEqual(["20260301-090000-1.jsonl", "20260302-090000-2.jsonl"]);
  });

  it("the first screen loads none of the reporters, the history, the answer-file reader or line mode", () => {
    const home = tempDir();
    const record = path.join(tempDir(), "loads.txt");
    const result = sit(home, [{ waitFor: "Time left" }, { signal: "SIGKILL" }], recordLoads(record));
    expect(result.exit, explain(result)).toBe(137);
    const { sources } = readLoads(record);
    expect(sources).toContain("src/ui/exam-prompt.ts");
    expect(sources.filter((file) => /^src\/(report\/(index|pretty|json|junit|tap|history)|commands\/session\/answer-file|ui\/line-[a-z-]+)\.ts$/.test(file))).toEqual([]);
  });

  it("of an attempt whose submission was cut short is completed before --resume chooses: the attempt is not offered again", () => {
    const home = tempDir();
    const first = sit(home, [{ waitFor: "Time left" }, { send: "b" }, { waitFor: "● (b)" }, { signal: "SIGKILL" }]);
    expect(first.exit, explain(first)).toBe(137);
    const [name] = journals(home);
    const journal = path.join(folder(home), name ?? "");
    const kept = fs.readFileSync(journal);
    const resume = ["mock", "--resume", POLITY];
    const submitted = sit(home, [{ waitFor: "Time left" }, { send: "S" }, { waitFor: "Submit the test?" }, { send: "y" }, { waitFor: "Mock test scorecard" }, { waitFor: "n: no" }, { send: "n" }], {}, resume);
    expect(submitted.exit, explain(submitted)).toBe(0);
    // The journal back beside its saved attempt: a submission that stopped before the journal went.
    fs.writeFileSync(journal, kept);
    const again = sit(home, [], {}, resume);
    expect(again.exit, explain(again)).toBe(2);
    const text = screenText(again.output);
    expect(text).toContain("prelim: finished saving a mock attempt cut short while being submitted (0 answers added to spaced repetition)");
    expect(text).toContain("there is no unfinished mock test to resume");
    expect(text).not.toContain("Time left");
    expect(journals(home)).toEqual([]);
    expect(fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("--resume with several unfinished lists them and sits nothing, the store closed as it was", () => {
    const home = tempDir();
    leftover(home, "20260301-090000-1", "2026-03-01T09:00:00.000Z");
    leftover(home, "20260302-090000-2", "2026-03-02T09:00:00.000Z");
    const listed = sit(home, [], {}, ["mock", "--resume", POLITY]);
    expect(listed.exit, explain(listed)).toBe(0);
    const text = screenText(listed.output);
    expect(text).toContain("2 unfinished mock tests:");
    expect(text).toMatch(/20260301-090000-1 {2}Mock test · mock-polity, begun .*: 0 of 1 answered, 10m 00s left/);
    expect(text).toContain("Name one: prelim mock --resume <id>");
    expect(text).not.toContain("Time left");
    expect(journals(home).sort()).toEqual(["20260301-090000-1.jsonl", "20260302-090000-2.jsonl"]);
    expect(fs.existsSync(path.join(home, "progress.lock"))).toBe(false);
  });
});
