// Screens that fit the terminal, on a real pseudo-terminal: the mock at 40×15 shows the question, a
// resize mid-question redraws at the new width, practice at 15 rows waits after feedback that would
// push the next question off the screen, and TERM=dumb runs a whole session in line mode.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readReviewLog } from "../cli/helpers.js";
import { REPO_ROOT, runPrelimOnPty, screenText, type PtyResult } from "./pty.js";
import { replay } from "./terminal-screen.js";

const EXTRA = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "extra.yaml");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-"));
  temps.push(dir);
  return dir;
}

function env(home: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...process.env, PRELIM_HOME: home, PRELIM_BANKS: "", NO_COLOR: "1", FORCE_COLOR: undefined, TERM: "xterm-256color", ...extra };
}

/** A bank whose questions are long, as the paper's Statement-I/II questions are. */
function longBank(): string {
  const file = path.join(tempDir(), "long.yaml");
  const explanation = "The embargo showed how exposed Japan was to a single supplier, and recycling was one answer to it among several others. ".repeat(3);
  const questions = [1, 2].map(
    (n) => `  - id: long-${n}
    claim: {text: "Opening words ${n}: Japan invested heavily in recycling rare earths from discarded electronics after 2010.", correct: true}
    reasons:
      - {text: "The 2010 embargo exposed Japan's dependence on a single supplier for the metals its industry needs.", correct: true, explains: true}
    explanation: "${explanation}"
    source: "A long article — a long section name"
    difficulty: medium
`,
  );
  fs.writeFileSync(file, `id: long\ntitle: Long questions\nquestions:\n${questions.join("")}`);
  return file;
}

function explain(result: PtyResult): string {
  return `exit ${result.exit}, failed wait ${JSON.stringify(result.failedWait)}, timed out ${result.timedOut}\n${screenText(result.output)}`;
}

describe("the mock screen on a small terminal", () => {
  it("at 40×15 shows the header with the whole clock and the question text, and nothing wraps", () => {
    const result = runPrelimOnPty({
      args: ["mock", longBank(), "--seed", "1"],
      env: env(tempDir()),
      cols: 40,
      rows: 15,
      steps: [{ waitFor: "Time left" }, { sleep: 0.3 }, { signal: "SIGTERM" }],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    // The screen as it was before SIGTERM, whose message is not part of the test screen.
    const screen = replay((result.segments[0] ?? "").split("\nMock stopped")[0] ?? "", 40, 15);
    expect(screen.wraps, screen.rows.join("\n")).toBe(0);
    const text = screen.rows.join("\n");
    expect(text).toMatch(/Question 1 of 2 +Time left 02:2\d$/m);
    expect(text).toContain("Opening words");
    expect(text).toMatch(/↓ \d+ more lines below · PgDn or j/);
  });

  it("redraws at the new width when the terminal is resized mid-question", () => {
    const result = runPrelimOnPty({
      args: ["mock", longBank(), "--seed", "1"],
      env: env(tempDir()),
      cols: 120,
      rows: 50,
      steps: [{ waitFor: "Time left" }, { sleep: 0.3 }, { resize: { cols: 40, rows: 15 } }, { sleep: 0.8 }, { signal: "SIGTERM" }],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    const before = replay(result.segments[0] ?? "", 120, 50);
    expect(Math.max(...before.rows.map((row) => row.length))).toBeGreaterThan(60);
    // The screen after the resize: what was drawn at 120 columns, then everything written since.
    const after = replay((result.segments[1] ?? "").split("\nMock stopped")[0] ?? "", 40, 15, { rows: before.rows.slice(0, 15).map((row) => row.slice(0, 40)), wraps: 0 });
    expect(after.wraps, after.rows.join("\n")).toBe(0);
    expect(Math.max(...after.rows.map((row) => row.length))).toBeLessThanOrEqual(39);
    expect(after.rows.join("\n")).toContain("Opening words");
    expect(after.rows.join("\n")).toMatch(/Time left/);
  });
});

describe("practice on a small terminal", () => {
  it("at 15 rows waits for a key after feedback that would push the next question off the screen", () => {
    const home = tempDir();
    const result = runPrelimOnPty({
      args: ["practice", longBank(), "-n", "2", "--seed", "1"],
      env: env(home),
      cols: 40,
      rows: 15,
      steps: [
        { waitFor: "Question 1 of 2" },
        { send: "a" },
        { waitFor: "u undo" },
        { sleep: 0.3 },
        { send: "\r" },
        { waitFor: "Question 2 of 2", newOnly: true },
        { send: "a" },
        { waitFor: "Score" },
      ],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(0);
    const screen = screenText(result.output);
    // The pause came before the second question was drawn, and not after the last one.
    expect(screen.indexOf("Enter next")).toBeLessThan(screen.indexOf("Question 2 of 2"));
    expect(screen.slice(screen.indexOf("Question 2 of 2"))).not.toContain("Enter next");
    // The keys fit 40 columns: nothing on the screen ran past the edge.
    expect(replay(result.output, 40, 15).wraps).toBe(0);
    expect(readReviewLog(home)).toHaveLength(2);
  });

  it("with pauseAfterFeedback never, goes straight on", () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, "config.json"), JSON.stringify({ pauseAfterFeedback: "never" }));
    const result = runPrelimOnPty({
      args: ["practice", longBank(), "-n", "2", "--seed", "1"],
      env: env(home),
      cols: 40,
      rows: 15,
      steps: [{ waitFor: "Question 1 of 2" }, { send: "a" }, { waitFor: "Question 2 of 2" }, { send: "a" }, { waitFor: "Score" }],
    });
    expect(result.exit, explain(result)).toBe(0);
    expect(screenText(result.output)).not.toContain("Enter next");
  });
});

describe("TERM=dumb (row 40)", () => {
  it("runs a whole practice session in line mode: numbered options, typed answers, no escape sequence", () => {
    const home = tempDir();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home, { TERM: "dumb", NO_COLOR: undefined }),
      steps: [
        { waitFor: "q to stop: " },
        { send: "9\r" },
        { waitFor: "is not an answer here" },
        { send: "1\r" },
        { waitFor: "Question 2 of 3" },
        { send: "2\r" },
        { waitFor: "Question 3 of 3" },
        { send: "b\r" },
        { waitFor: "Score" },
      ],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(0);
    expect(result.output).not.toContain("\u001b");
    expect(result.output).toMatch(/ {2}1\. \(a\) /);
    expect(readReviewLog(home)).toHaveLength(3);
  });

  it("q stops a line-mode session with what was answered", () => {
    const home = tempDir();
    const result = runPrelimOnPty({
      args: ["practice", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home, { TERM: "dumb" }),
      steps: [{ waitFor: "q to stop: " }, { send: "1\r" }, { waitFor: "Question 2 of 3" }, { send: "q\r" }, { waitFor: "Score" }],
    });
    expect(result.exit, explain(result)).toBe(0);
    expect(readReviewLog(home)).toHaveLength(1);
  });

  it("sits a mock test in line mode: typed answers, a mark, submit, the scorecard; nothing redrawn", () => {
    const home = tempDir();
    const result = runPrelimOnPty({
      args: ["mock", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home, { TERM: "dumb" }),
      steps: [
        { waitFor: "(? for help): " },
        { send: "1\r" },
        { waitFor: "Question 2 of 3" },
        { send: "m\r" },
        { waitFor: "Marked for review." },
        { send: "s\r" },
        { waitFor: "(y/n) " },
        { send: "y\r" },
        { waitFor: "Same paper again" },
      ],
    });
    expect(result.failedWait, explain(result)).toBeNull();
    expect(result.exit, explain(result)).toBe(0);
    expect(result.output).toContain("Submit the test with 2 unanswered and 1 marked for review? (y/n)");
    expect(result.output).toContain("Mock test scorecard");
    // No cursor movement, no erase, no colour: a dumb terminal shows every byte as text.
    expect(result.output).not.toMatch(/\u001b\[/);
    expect(readReviewLog(home)).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, "mock-attempts.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("a line-mode mock left with Ctrl-D is kept, and --resume goes on from the same question", () => {
    const home = tempDir();
    const first = runPrelimOnPty({
      args: ["mock", EXTRA, "-n", "3", "--seed", "1"],
      env: env(home, { TERM: "dumb" }),
      steps: [{ waitFor: "(? for help): " }, { send: "2\r" }, { waitFor: "Question 2 of 3" }, { send: "\u0004" }, { waitFor: "Mock stopped" }],
    });
    expect(first.failedWait, explain(first)).toBeNull();
    expect(first.exit, explain(first)).toBe(129);
    expect(readReviewLog(home)).toHaveLength(0);
    const resumed = runPrelimOnPty({
      args: ["mock", EXTRA, "--resume"],
      env: env(home, { TERM: "dumb" }),
      steps: [
        { waitFor: "Question 2 of 3" },
        { send: "p\r" },
        // Back on question 1, its answer from before Ctrl-D is there.
        { waitFor: "Answer (b); " },
        { send: "s\r" },
        { waitFor: "(y/n) " },
        { send: "y\r" },
        { waitFor: "Same paper again" },
      ],
    });
    expect(resumed.failedWait, explain(resumed)).toBeNull();
    expect(resumed.exit, explain(resumed)).toBe(0);
    // The answer typed before Ctrl-D is the one submitted (its canonical letter: the options were shuffled).
    const log = readReviewLog(home);
    expect(log).toHaveLength(1);
    expect(log[0]?.given).toHaveLength(1);
  });
});
