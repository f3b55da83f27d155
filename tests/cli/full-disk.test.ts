// A full disk in the middle of a session (RELIABILITY.md rows 20, 36), on a real small tmpfs: the first
// error is the one told, with what was and was not saved, exit 2; what was saved before it stays.
// Tests run as root here (RELIABILITY.md), so the tmpfs is mounted for real; where it cannot be, the
// test fails saying so rather than passing without having run.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPrelim, tempDir } from "./helpers.js";

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync("umount", [dir]);
});

/** A fresh tmpfs of `kb` kilobytes. */
function smallDisk(kb: number): string {
  const dir = tempDir("prelim-tmpfs-");
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kb}k`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) throw new Error(`this test needs a small tmpfs (mount -t tmpfs, as root): ${mounted.stderr || mounted.error?.message}`);
  mounts.push(dir);
  return dir;
}

/**
 * A data dir on a 128 KB tmpfs filled but for room for the bank cache, the lock and a few pages of the
 * log: not for the 300 answers of bigBank().
 */
function nearlyFullHome(): string {
  const disk = smallDisk(128);
  const home = path.join(disk, "home");
  fs.mkdirSync(home);
  fill(disk, 20_480);
  return home;
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
  it("practice: the answer that could not be written is the error, with how many before it are saved, exit 2", async () => {
    const home = nearlyFullHome();
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

  it("mock: the score is shown, then what was not saved; the history and the log agree", async () => {
    const home = nearlyFullHome();
    const { bank, answers } = bigBank();
    const run = await runPrelim(["mock", bank, "--answers", answers, "-n", "300", "--seed", "1", "--reporter", "json"], { home });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ correct: 300 });
    expect(run.stderr).toMatch(/disk is full/);
    expect(run.stderr).toMatch(/The score above was not saved|The attempt and its score were saved; \d+ of 300 answers reached spaced repetition/);
    expect(run.stderr).not.toMatch(/progress\.lock/);
  });
});
