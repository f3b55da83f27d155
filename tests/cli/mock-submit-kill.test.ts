// kill -9 at any moment of a scripted mock, submit included (RELIABILITY.md row 32): afterwards, once
// prelim opens the store again, every attempt in the history has all its answers in the review log,
// and no answer in the log names an attempt the history does not hold. Never half of each.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runPrelim, tempDir } from "./helpers.js";

const QUESTIONS = 1500;

function bigBank(dir: string): { bank: string; answers: string } {
  const lines = ["id: big", "title: Big", "questions:"];
  for (let index = 0; index < QUESTIONS; index++) lines.push(`  - {id: q${index}, question: "Question ${index}?", options: [one, two, three, four], answer: a}`);
  const bank = path.join(dir, "big.yaml");
  fs.writeFileSync(bank, `${lines.join("\n")}\n`);
  const answers = path.join(dir, "answers.yaml");
  // Every other question answered, some wrong: the log gets entries of both kinds.
  fs.writeFileSync(answers, `${Array.from({ length: QUESTIONS / 2 }, (_, index) => `q${index * 2}: ${index % 3 === 0 ? "b" : "a"}`).join("\n")}\n`);
  return { bank, answers };
}

function killAfter(args: string[], home: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1" }, stdio: "ignore" });
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  return new Promise((resolve) => {
    child.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function readJsonLines<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as T];
      } catch {
        return [];
      }
    });
}

describe("kill -9 during a scripted mock, submit included", () => {
  it("leaves the attempt whole or not at all, at every moment tried", async () => {
    const dir = tempDir();
    const { bank, answers } = bigBank(dir);
    const args = ["mock", bank, "--answers", answers, "-n", String(QUESTIONS), "--seed", "3", "--reporter", "json"];
    // How long a whole run takes here, to spread the kills over it.
    const started = Date.now();
    await killAfter(args, tempDir("prelim-home-"), 60_000);
    const whole = Date.now() - started;
    const moments = [0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95].map((share) => Math.round(share * whole));
    for (const ms of moments) {
      const home = tempDir("prelim-home-");
      await killAfter(args, home, ms);
      // Any session that writes completes a submission cut short.
      const next = await runPrelim(["practice", bank, "--answers", "/dev/null", "--reporter", "json"], { home });
      expect(next.status, next.stderr).toBe(0);
      const attempts = readJsonLines<{ id: string; outcomes: { key: string; outcome: string }[] }>(path.join(home, "mock-attempts.jsonl"));
      const entries = readJsonLines<{ key: string; attempt?: string }>(path.join(home, "reviews.jsonl"));
      const ids = new Set(attempts.map((attempt) => attempt.id));
      expect(entries.filter((entry) => entry.attempt !== undefined && !ids.has(entry.attempt)), `killed at ${ms} ms`).toEqual([]);
      for (const attempt of attempts) {
        const answered = attempt.outcomes.filter((item) => item.outcome !== "unanswered").map((item) => item.key).sort();
        const logged = entries.filter((entry) => entry.attempt === attempt.id).map((entry) => entry.key).sort();
        expect(logged, `killed at ${ms} ms`).toEqual(answered);
      }
      expect(fs.existsSync(path.join(home, "mock-in-progress")) ? fs.readdirSync(path.join(home, "mock-in-progress")) : [], `killed at ${ms} ms`).toEqual([]);
    }
  }, 120_000);
});
