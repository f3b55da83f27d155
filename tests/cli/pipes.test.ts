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
