// Scripted runs in pipelines: a reader that stops early, and a run stopped while it waits on stdin.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { BIN, STACK_FRAME, tempDir } from "./helpers.js";

const QUESTIONS = path.join(REPO_ROOT, "questions");

/** An answer file that answers every built-in question with a. */
function answerEverything(dir: string): string {
  const ids = fs
    .readdirSync(QUESTIONS)
    .flatMap((name) => [...fs.readFileSync(path.join(QUESTIONS, name), "utf8").matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => `${match[1]}: a`));
  const file = path.join(dir, "answers.yaml");
  fs.writeFileSync(file, `${ids.join("\n")}\n`);
  return file;
}

function start(args: string[], home: string) {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

function exited(child: ReturnType<typeof start>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
}

describe("scripted runs in pipelines", () => {
  it("stops quietly when the reader of its output goes away (| head), keeping what was recorded", async () => {
    const home = tempDir();
    const child = start(["practice", QUESTIONS, "--answers", answerEverything(tempDir()), "--reporter", "tap"], home);
    const done = exited(child);
    child.stdout?.once("data", () => child.stdout?.destroy());
    const { code, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/EPIPE/);
  });

  it("can be stopped with SIGTERM while it waits for --answers - on stdin", async () => {
    const child = start(["practice", QUESTIONS, "--answers", "-"], tempDir());
    const done = exited(child);
    await new Promise((resolve) => setTimeout(resolve, 800));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    const { signal } = await done;
    clearTimeout(timer);
    expect(signal).toBe("SIGTERM");
  });
});

describe("stdout on a full device (> /dev/full)", () => {
  const DAILY = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml");

  /** Runs prelim with stdout opened on /dev/full, as a shell's `> /dev/full` does. */
  function toFullDevice(args: string[], home: string): Promise<{ status: number | null; stderr: string }> {
    const full = fs.openSync("/dev/full", "w");
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1" },
      stdio: ["ignore", full, "pipe"],
    });
    fs.closeSync(full);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    return new Promise((resolve) => child.on("close", (status) => resolve({ status, stderr })));
  }

  it.each([["stats", "--json"], ["banks"], ["validate", QUESTIONS]])("prelim %s: one line naming the problem, exit 2", async (...args) => {
    const result = await toFullDevice(args, tempDir("prelim-home-"));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("prelim: cannot write to standard output: the disk is full\n");
  });

  it("practice --reporter tap: exit 2, every line of the log whole, what was recorded before still there", async () => {
    const home = tempDir("prelim-home-");
    const answers = path.join(tempDir(), "answers.yaml");
    fs.writeFileSync(answers, "capital: a\nrivers: b\n");
    const log = path.join(home, "reviews.jsonl");
    const first = spawn(process.execPath, [BIN, "practice", DAILY, "--answers", answers, "--reporter", "json"], { env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "" }, stdio: "ignore" });
    await new Promise((resolve) => first.on("close", resolve));
    const before = fs.readFileSync(log, "utf8");
    const result = await toFullDevice(["practice", DAILY, "--answers", answers, "--reporter", "tap"], home);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const after = fs.readFileSync(log, "utf8");
    expect(after.startsWith(before)).toBe(true);
    for (const line of after.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });
});
