// prelim mock on a real pseudo-terminal: the paper submits itself when the time runs out, keeping the
// answer given; Ctrl-C asks before leaving, SIGTERM leaves at once, and either way the attempt is kept
// for --resume, as it is after kill -9 (RELIABILITY.md rows 24–25, 32).
// The terminal comes from tests/pty/pty-run.py (Python's pty module); without python3 the run falls back
// to script(1) from util-linux, and with neither the test fails saying what to install.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { BIN, tempDir } from "../cli/helpers.js";

const PTY_RUN = path.join(path.dirname(fileURLToPath(import.meta.url)), "pty-run.py");
const POLITY = path.join(FIXTURES, "mock", "polity.yaml");

type Step = { wait_for: string; timeout?: number; new_only?: boolean } | { send: string } | { sleep: number } | { signal: string };

interface PtyResult {
  readonly output: string;
  readonly exit: number;
  readonly timed_out: boolean;
  readonly failed_wait: string | null;
  readonly ms: number;
}

const has = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: "ignore" }).status === 0;

function environment(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1", TERM: "xterm-256color" };
}

async function runOnPty(args: readonly string[], steps: readonly Step[], home: string, timeout = 20): Promise<PtyResult> {
  const argv = [process.execPath, BIN, ...args];
  const started = Date.now();
  if (has("python3", ["--version"])) {
    const script = { argv, env: environment(home), cwd: tempDir("prelim-pty-cwd-"), cols: 100, rows: 40, timeout, steps };
    const result = spawnSync("python3", [PTY_RUN, JSON.stringify(script)], { encoding: "utf8", timeout: (timeout + 10) * 1000 });
    if (result.status !== 0) throw new Error(`pty-run.py failed: ${result.stderr}`);
    return { ...(JSON.parse(result.stdout) as Omit<PtyResult, "ms">), ms: Date.now() - started };
  }
  if (has("script", ["--version"])) return runWithScript(argv, steps, home, timeout, started);
  throw new Error("This test needs a pseudo-terminal: install python3, or script(1) from util-linux.");
}

/** The fallback: script(1) gives the command a terminal; keys go in through its stdin on a timer. */
async function runWithScript(argv: readonly string[], steps: readonly Step[], home: string, timeout: number, started: number): Promise<PtyResult> {
  const quoted = argv.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qfec", `stty cols 100 rows 40; ${quoted}`, "/dev/null"], { env: environment(home), stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? 128 + (signal === "SIGTERM" ? 15 : 9))));
  const killer = setTimeout(() => child.kill("SIGKILL"), timeout * 1000);
  let failedWait: string | null = null;
  for (const step of steps) {
    if ("wait_for" in step) {
      const until = Date.now() + (step.timeout ?? 5) * 1000;
      while (!output.includes(step.wait_for) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      if (!output.includes(step.wait_for)) {
        failedWait = step.wait_for;
        break;
      }
    } else if ("send" in step) child.stdin.write(step.send);
    else if ("sleep" in step) await new Promise((resolve) => setTimeout(resolve, step.sleep * 1000));
    else if ("signal" in step) spawnSync("pkill", ["-" + step.signal.replace("SIG", ""), "-P", String(child.pid)]);
  }
  const exit = await exited;
  clearTimeout(killer);
  return { output, exit, timed_out: Date.now() - started > timeout * 1000, failed_wait: failedWait, ms: Date.now() - started };
}

describe("prelim mock on a terminal", () => {
  it("submits itself when the time runs out, scoring the answer given", async () => {
    const home = tempDir("prelim-pty-home-");
    const result = await runOnPty(
      ["mock", POLITY, "--time", "3s", "-n", "3", "--seed", "1"],
      [{ wait_for: "Time left", timeout: 10 }, { send: "a" }, { wait_for: "(y: yes", timeout: 10 }, { send: "n" }],
      home,
    );
    expect(result.failed_wait).toBeNull();
    expect(result.timed_out).toBe(false);
    expect(result.exit).toBe(0);
    expect(result.output).toContain("Time is up: the test was submitted with the answers given.");
    expect(result.output).toContain("Mock test scorecard");
    expect(result.output).toMatch(/Score\s+-?\d+(\.\d+)? \/ 6/);
    expect(result.output).toMatch(/Unanswered\s+2/);
    expect(result.output).toContain("Seed        1");
    expect(result.ms).toBeLessThan(15_000);

    const attempts = fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim().split("\n");
    expect(attempts).toHaveLength(1);
    const attempt = JSON.parse(attempts[0] ?? "{}") as { scripted: boolean; questions: number; unanswered: number; timeLimitMs: number };
    expect(attempt).toMatchObject({ scripted: false, questions: 3, unanswered: 2, timeLimitMs: 3000 });
    const reviews = fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").trim().split("\n");
    expect(reviews).toHaveLength(1);
    expect(JSON.parse(reviews[0] ?? "{}")).toMatchObject({ mode: "mock", given: expect.any(Array) });
  });

  const journals = (home: string): string[] => {
    const folder = path.join(home, "mock-in-progress");
    return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  };

  it("Ctrl-C asks first; n goes back to the test, y leaves it unsubmitted with its answers kept (exit 130)", async () => {
    const home = tempDir("prelim-pty-home-");
    const result = await runOnPty(
      ["mock", POLITY, "--seed", "1"],
      [
        { wait_for: "Time left", timeout: 10 },
        { send: "a" },
        { sleep: 0.3 },
        { send: "\u0003" },
        { wait_for: "Leave the test?" },
        { send: "n" },
        { wait_for: "Question 1", new_only: true },
        { send: "\u0003" },
        { wait_for: "Leave the test?", new_only: true },
        { send: "y" },
      ],
      home,
    );
    expect(result.failed_wait).toBeNull();
    expect(result.exit).toBe(130);
    expect(result.output).toContain("Mock stopped, not submitted. Your answers are kept: `prelim mock --resume`");
    expect(result.output).not.toContain("Mock test scorecard");
    expect(fs.existsSync(path.join(home, "mock-attempts.jsonl"))).toBe(false);
    expect(fs.existsSync(path.join(home, "reviews.jsonl")) ? fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8") : "").toBe("");
    expect(journals(home)).toHaveLength(1);
  });

  it("a second Ctrl-C at the question leaves at once", async () => {
    const home = tempDir("prelim-pty-home-");
    const result = await runOnPty(["mock", POLITY, "--seed", "1"], [{ wait_for: "Time left", timeout: 10 }, { send: "\u0003" }, { wait_for: "Leave the test?" }, { send: "\u0003" }], home);
    expect(result.failed_wait).toBeNull();
    expect(result.exit).toBe(130);
    expect(journals(home)).toHaveLength(1);
  });

  it("SIGTERM while the exam is open keeps the attempt without asking, exit 143", async () => {
    const home = tempDir("prelim-pty-home-");
    const result = await runOnPty(["mock", POLITY, "--seed", "1"], [{ wait_for: "Time left", timeout: 10 }, { send: "b" }, { sleep: 0.3 }, { signal: "SIGTERM" }], home);
    expect(result.failed_wait).toBeNull();
    expect(result.exit).toBe(143);
    expect(result.output).not.toContain("Leave the test?");
    expect(result.output).toContain("Mock stopped, not submitted.");
    expect(fs.existsSync(path.join(home, "mock-attempts.jsonl"))).toBe(false);
    expect(journals(home)).toHaveLength(1);
  });

  it("kill -9 mid-test, then --resume: the same answers, marks and question, and less time left", async () => {
    const home = tempDir("prelim-pty-home-");
    const first = await runOnPty(
      ["mock", POLITY, "--seed", "1", "--time", "10m"],
      [{ wait_for: "Time left", timeout: 10 }, { send: "b" }, { send: "m" }, { send: "n" }, { send: "a" }, { sleep: 2.5 }, { signal: "SIGKILL" }],
      home,
    );
    expect(first.exit).toBe(137);
    expect(journals(home)).toHaveLength(1);
    // Another mock mentions the unfinished one.
    const resumed = await runOnPty(
      ["mock", "--resume", POLITY],
      [{ wait_for: "Time left", timeout: 10 }, { send: "S" }, { wait_for: "Submit the test?" }, { send: "y" }, { wait_for: "Mock test scorecard" }, { wait_for: "n: no" }, { send: "n" }],
      home,
    );
    expect(resumed.failed_wait).toBeNull();
    expect(resumed.exit).toBe(0);
    // Back on question 2, where it stopped, with its answer; 2 answered, 1 marked.
    expect(resumed.output).toMatch(/Question 2 of 5/);
    expect(resumed.output).toMatch(/Submitted. ● answered 1 · ○ not answered 0 · ◇ marked 0 · ◆ answered & marked 1 · · not visited 3/);
    // The clock went on from where it stopped: two seconds and more were used before the kill.
    expect(resumed.output).toMatch(/Time left 09:5[0-8]/);
    expect(resumed.output).not.toMatch(/Time left 10:00/);
    expect(journals(home)).toHaveLength(0);
    const attempt = JSON.parse(fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim()) as { id: string; outcomes: { given: string[]; marked: boolean }[] };
    expect(attempt.outcomes.filter((item) => item.given.length > 0)).toHaveLength(2);
    expect(attempt.outcomes.filter((item) => item.marked)).toHaveLength(1);
    const reviews = fs.readFileSync(path.join(home, "reviews.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { attempt?: string });
    expect(reviews).toHaveLength(2);
    expect(reviews.every((entry) => entry.attempt === attempt.id)).toBe(true);
  });

  it("S, then y, submits before the time is up", async () => {
    const home = tempDir("prelim-pty-home-");
    const result = await runOnPty(
      ["mock", POLITY, "-n", "2", "--seed", "1"],
      [{ wait_for: "Time left", timeout: 10 }, { send: "a" }, { send: "S" }, { wait_for: "Submit the test?" }, { send: "y" }, { wait_for: "Mock test scorecard" }, { wait_for: "n: no)" }, { send: "n" }],
      home,
    );
    expect(result.failed_wait).toBeNull();
    expect(result.exit).toBe(0);
    expect(result.output).toMatch(/Submitted. ● answered 1 · ○ not answered 0 · ◇ marked 0 · ◆ answered & marked 0 · · not visited 1/);
    expect(result.output).not.toContain("Time is up");
  });
});
