// A full disk in the middle of a session (RELIABILITY.md rows 20, 36), on a real small tmpfs: the first
// error is the one told, with what was and was not saved, exit 2; what was saved before it stays.
// Skipped where tmpfs cannot be mounted (tests run as root here; elsewhere they may not).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPrelim, tempDir } from "./helpers.js";

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync("umount", [dir]);
});

/** A fresh tmpfs of `kb` kilobytes, or undefined where tmpfs cannot be mounted. */
function smallDisk(kb: number): string | undefined {
  const dir = tempDir("prelim-tmpfs-");
  if (spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kb}k`, "tmpfs", dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

/** Fills the disk but for `leaveBytes`. */
function fill(dir: string, leaveBytes: number): void {
  const stat = fs.statfsSync(dir);
  fs.writeFileSync(path.join(dir, "filler"), Buffer.alloc(Math.max(0, stat.bavail * stat.bsize - leaveBytes)));
}

/** A bank of 300 questions answered in full: its log needs several pages, so the disk fills mid-session. */
function bigBank(): { bank: string; answers: string } {
  const dir = tempDir();
  const questions = Array.from({ length: 300 }, (_, index) => `  - {id: q${index}, question: "Question ${index}?", options: [one, two, three, four], answer: a}`);
  fs.writeFileSync(path.join(dir, "big.yaml"), `id: big\ntitle: Big\nquestions:\n${questions.join("\n")}\n`);
  fs.writeFileSync(path.join(dir, "answers.yaml"), `${questions.map((_, index) => `q${index}: a`).join("\n")}\n`);
  return { bank: path.join(dir, "big.yaml"), answers: path.join(dir, "answers.yaml") };
}

function logLines(home: string): string[] {
  const file = path.join(home, "reviews.jsonl");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((line) => line !== "") : [];
}

describe("a full disk during a session", () => {
  it("practice: the answer that could not be written is the error, with how many before it are saved, exit 2", async (context) => {
    const disk = smallDisk(128);
    if (disk === undefined) return context.skip();
    const home = path.join(disk, "home");
    fs.mkdirSync(home);
    // Room for the bank cache, the lock and a few pages of the log: not for 300 answers.
    fill(disk, 20_480);
    const { bank, answers } = bigBank();
    const run = await runPrelim(["practice", bank, "--answers", answers, "--reporter", "json", "--seed", "1"], { home });
    expect(run.status).toBe(2);
    const saved = logLines(home);
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.length).toBeLessThan(300);
    expect(run.stderr).toContain("Could not record the answer");
    expect(run.stderr).toContain("disk is full");
    expect(run.stderr).toContain(`That answer was not saved; the ${saved.length} answers before it are saved.`);
    expect(run.stderr).not.toMatch(/progress\.lock/);
    for (const line of saved) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("mock: the score is shown, then what was not saved; the history and the log agree", async (context) => {
    const disk = smallDisk(128);
    if (disk === undefined) return context.skip();
    const home = path.join(disk, "home");
    fs.mkdirSync(home);
    fill(disk, 20_480);
    const { bank, answers } = bigBank();
    const run = await runPrelim(["mock", bank, "--answers", answers, "-n", "300", "--seed", "1", "--reporter", "json"], { home });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ correct: 300 });
    expect(run.stderr).toMatch(/disk is full/);
    expect(run.stderr).toMatch(/The score above was not saved|The attempt and its score were saved; \d+ of 300 answers reached spaced repetition/);
    expect(run.stderr).not.toMatch(/progress\.lock/);
  });
});
