// Interactive practice on a real pseudo-terminal (tests/pty/pty-run.py): keys in, screen out. A whole
// session, Ctrl-C, SIGTERM and SIGHUP at an open prompt, the bank/topic/count pickers, and no colour or
// prompt where RELIABILITY.md row 27 forbids them.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readReviewLog, runPrelim } from "../cli/helpers.js";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { REPO_ROOT, runPrelimOnPty, screenText, type PtyResult, type PtyStep } from "./pty.js";

const BANKS = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks");
const DAILY = path.join(BANKS, "daily.yaml");
const EXTRA = path.join(BANKS, "extra.yaml");
const ANSWERS = path.join(REPO_ROOT, "tests", "fixtures", "session", "daily-answers.yaml");

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function freshHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  homes.push(home);
  return home;
}

function env(home: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1", FORCE_COLOR: undefined, TERM: "xterm-256color", ...extra };
}

/** Answers question `n` of `total` with a key once it is on screen, and waits for the feedback. */
function answer(n: number, total: number, key = "a"): PtyStep[] {
  return [{ waitFor: `Question ${n} of ${total}` }, { send: key }, { waitFor: "Source:", newOnly: true }];
}

function explain(result: PtyResult): string {
  return `exit ${result.exit}, failed wait ${JSON.stringify(result.failedWait)}, timed out ${result.timedOut}\n${screenText(result.output)}`;
}

const feedbackCount = (text: string) => (text.match(/✔ Correct|✘ Wrong/g) ?? []).length;

describe("interactive practice on a pseudo-terminal", () => {
  it("runs a whole session: question, key, feedback, three times, then the summary", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home),
      steps: [...answer(1, 3, "b"), ...answer(2, 3, "1"), ...answer(3, 3, "a"), { waitFor: "Score" }],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(0);
    const screen = screenText(result.output);
    expect(feedbackCount(screen)).toBe(3);
    // Each feedback says when the question comes back: a wrong one tomorrow, a right one later.
    expect((screen.match(/Next: (tomorrow|in \d+ days), \w{3} \d{1,2} \w{3}/g) ?? []).length).toBe(3);
    // The option chosen is the one echoed, whichever key chose it.
    expect(screen.match(/^» [ab]\) /gm)).toEqual(["» b) ", "» a) ", "» a) "]);
    expect(screen).toContain("Summary");
    expect(screen).toMatch(/Score {5}\d \/ 3/);
    expect(screen).toContain("--seed 1");
    const log = readReviewLog(home);
    expect(log).toHaveLength(3);
    expect(log.every((line) => line.mode === "practice")).toBe(true);
    expect(new Set(log.map((line) => line.key)).size).toBe(3);
  });

  it("keeps the answers given when Ctrl-C is pressed at a prompt, prints a partial summary, exits 130", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home),
      steps: [...answer(1, 3), ...answer(2, 3), { waitFor: "Question 3 of 3" }, { send: "\u0003" }, { waitFor: "Stopped." }],
    });
    expect(result.exit, explain(result)).toBe(130);
    const screen = screenText(result.output);
    expect(screen).toContain("Stopped. 2 answers saved.");
    expect(screen).toContain("Summary so far");
    expect(screen).not.toMatch(/^\s+at .+/m);
    expect(readReviewLog(home)).toHaveLength(2);
  });

  it("keeps the answer given on SIGTERM while a prompt is open, exits 143", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home),
      steps: [...answer(1, 3), { waitFor: "Question 2 of 3" }, { sleep: 0.2 }, { signal: "SIGTERM" }],
    });
    expect(result.exit, explain(result)).toBe(143);
    expect(screenText(result.output)).toContain("Stopped. 1 answer saved.");
    expect(readReviewLog(home)).toHaveLength(1);
  });

  it("keeps the answers given on SIGHUP while a prompt is open, exits 129", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home),
      steps: [...answer(1, 3), ...answer(2, 3), { waitFor: "Question 3 of 3" }, { sleep: 0.2 }, { signal: "SIGHUP" }],
    });
    expect(result.exit, explain(result)).toBe(129);
    expect(readReviewLog(home)).toHaveLength(2);
  });

  it("on SIGQUIT (Ctrl-\\) while a prompt is open: the answers kept, the terminal out of raw mode, exit 131", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home),
      steps: [...answer(1, 3), { waitFor: "Question 2 of 3" }, { sleep: 0.2 }, { signal: "SIGQUIT" }],
    });
    expect(result.exit, explain(result)).toBe(131);
    expect(readReviewLog(home)).toHaveLength(1);
    expect(result.tty).toEqual({ icanon: true, echo: true });
  });

  it("at the key after the feedback: u takes the answer back and asks again, s suspends, and the next interval is shown", () => {
    const home = freshHome();
    fs.writeFileSync(path.join(home, "config.json"), JSON.stringify({ pauseAfterFeedback: "always" }));
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "2", "--seed", "1"],
      env: env(home),
      steps: [
        ...answer(1, 2, "b"),
        { waitFor: "u: undo the answer" },
        { send: "u" },
        { waitFor: "Undone: the answer is taken back" },
        // The same question again, on a prompt of its own.
        { sleep: 0.4 },
        { send: "a" },
        { waitFor: "Source:", newOnly: true },
        { sleep: 0.4 },
        { send: "s" },
        { waitFor: "Suspended", newOnly: true },
        ...answer(2, 2, "a"),
        // After the last question too, with always: the key before the summary (the feedback's wait
        // above already took the key line in, so give the prompt a moment and press Enter).
        { sleep: 0.5 },
        { send: "\r" },
        { waitFor: "Score" },
      ],
    });
    expect(result.exit, explain(result)).toBe(0);
    expect(screenText(result.output)).toMatch(/Next: (tomorrow|in \d+ days), /);
    // The key came after each of the three answers, the last one's included: each prompt is drawn, then
    // drawn again with the key pressed (4 without the last one's).
    expect(screenText(result.output).match(/· q: stop/g)).toHaveLength(6);
    const log = readReviewLog(home) as unknown as { key: string; voids?: string }[];
    // The answer, its undo, the answer again, then question 2.
    expect(log).toHaveLength(4);
    expect(log[1]?.voids).toBeDefined();
    expect(log[1]?.key).toBe(log[0]?.key);
    const queue = fs.readFileSync(path.join(home, "queue.jsonl"), "utf8");
    expect(queue).toContain(`"key":"${log[2]?.key}","action":"suspend"`);
  });

  it("ticks several answers with letters and submits with Enter", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: ["practice", DAILY, "--topic", "maths", "-n", "1", "--seed", "1"],
      env: env(home),
      steps: [{ waitFor: "Question 1 of 1" }, { send: "a" }, { send: "c" }, { waitFor: "◉ c)" }, { send: "\r" }, { waitFor: "Score" }],
    });
    expect(result.exit, explain(result)).toBe(0);
    expect(screenText(result.output)).toContain("Select every right answer.");
    const log = readReviewLog(home);
    expect(log).toHaveLength(1);
    expect(log[0]?.key).toBe("daily/primes");
    expect(log[0]?.given).toHaveLength(2);
  });

  it("asks for banks, topics and a count when none are given, then starts", () => {
    const home = freshHome();
    const result = runPrelimOnPty({
      args: [],
      env: env(home, { PRELIM_BANKS: BANKS }),
      steps: [
        { waitFor: "Which banks?" },
        { send: "\r" },
        { waitFor: "Which topics?" },
        { send: "\r" },
        { waitFor: "How many questions?" },
        { send: "a" },
        { waitFor: "Question 1 of 5" },
        { send: "\u0003" },
        { waitFor: "No questions answered." },
      ],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(130);
    expect(screenText(result.output)).toContain("Daily practice fixture");
    expect(readReviewLog(home)).toEqual([]);
  });
});

describe("a terminal without prompts or colour (row 27)", () => {
  it("TERM=dumb: no prompt that moves the cursor; line mode, stopped with q, writes no escape sequence", () => {
    const result = runPrelimOnPty({ args: ["practice", EXTRA], env: env(freshHome(), { TERM: "dumb" }), steps: [{ waitFor: "q to stop: " }, { send: "q\r" }], timeout: 15 });
    expect(result.exit, explain(result)).toBe(0);
    expect(result.output).toContain("Question 1 of");
    expect(result.output).not.toContain("\u001b");
  });

  it("NO_COLOR or TERM=dumb on a terminal: a scripted run writes no escape sequence; colour otherwise", () => {
    const run = (extra: Record<string, string | undefined>) =>
      runPrelimOnPty({ args: ["practice", DAILY, "--answers", ANSWERS, "--seed", "2"], env: env(freshHome(), extra), steps: [], timeout: 15 });
    for (const extra of [{ NO_COLOR: "1" }, { NO_COLOR: undefined, TERM: "dumb" }]) {
      const result = run(extra);
      expect(result.exit, explain(result)).toBe(0);
      expect(result.output).toContain("Summary");
      expect(result.output, JSON.stringify(extra)).not.toContain("\u001b");
    }
    const coloured = run({ NO_COLOR: undefined });
    expect(coloured.exit, explain(coloured)).toBe(0);
    expect(coloured.output).toContain("\u001b[");
  });
});

describe("statement checks on a pseudo-terminal", () => {
  it("a misjudged statement comes back the next day as a true/false check, answered with t or f", async () => {
    const home = freshHome();
    const bank = path.join(REPO_ROOT, "tests", "fixtures", "statement-memory", "memory.yaml");
    const question = loadBankFile(bank, { maxBytes: 1_000_000 }).bank?.questions.find((q) => q.id === "which-correct");
    const wrong = "abcd"[question?.options.indexOf("1 and 3 only") ?? -1];
    const answers = path.join(home, "wrong.answers.yaml");
    fs.writeFileSync(answers, `# prelim answers\nwhich-correct: ${wrong}\n`);
    expect((await runPrelim(["practice", bank, "--answers", answers, "--reporter", "tap"], { home, env: { PRELIM_NOW: "2026-03-02T09:00:00Z" } })).status).toBe(0);

    const result = runPrelimOnPty({
      args: ["review", bank, "--statements"],
      env: env(home, { PRELIM_NOW: "2026-03-03T09:00:00Z" }),
      steps: [
        { waitFor: "Question 1 of 2" },
        { send: "t" },
        { waitFor: "Source:", newOnly: true },
        { waitFor: "Question 2 of 2" },
        { send: "t" },
        { waitFor: "Summary" },
      ],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(0);
    const screen = screenText(result.output);
    expect(screen).toContain("2. It took a stake in Lynas.");
    expect(screen).toContain("3. It is a Chinese state agency.");
    expect(screen).toContain("JOGMEC is Japan's; it financed Lynas.");
    expect(feedbackCount(screen)).toBe(2);
    expect(readReviewLog(home).slice(1).map((line) => [line.key, line.correct])).toEqual([
      ["memory/which-correct#2", true],
      ["memory/which-correct#3", false],
    ]);
  });
});
