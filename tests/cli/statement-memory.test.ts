// Memory per statement through the commands: a wrong answer to a which-statements question is logged
// with the items it misjudged, `stats` names those sentences, `review --statements` asks them as
// true/false checks, and the statementDrill setting mixes them into review.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { letterOf } from "../../src/core/question.js";
import { FIXTURES } from "../fixtures/fixtures.js";
import { readReviewLog, runPrelim, tempDir } from "./helpers.js";

const BANK = path.join(FIXTURES, "statement-memory", "memory.yaml");
const bank = loadBankFile(BANK, { maxBytes: 1_000_000 }).bank;
if (bank === undefined) throw new Error("the statement-memory fixture does not load");

/** The canonical letter of the option printed as `label`. */
function letter(id: string, label: string): string {
  const index = bank?.questions.find((question) => question.id === id)?.options.indexOf(label) ?? -1;
  if (index === -1) throw new Error(`no option ${label} in ${id}`);
  return letterOf(index);
}

function answers(dir: string, name: string, lines: Record<string, string>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `# prelim answers\n${Object.entries(lines).map(([key, value]) => `${key}: ${value}`).join("\n")}\n`);
  return file;
}

interface SessionJson {
  questions: { bank: string; id: string; outcome: string }[];
}

const DAY1 = { PRELIM_NOW: "2026-03-02T09:00:00Z" };
const DAY2 = { PRELIM_NOW: "2026-03-03T09:00:00Z" };

async function missedTwoStatements(home: string, dir: string): Promise<void> {
  const file = answers(dir, "wrong.answers.yaml", { "which-correct": letter("which-correct", "1 and 3 only"), "how-many": letter("how-many", "Only one") });
  const run = await runPrelim(["practice", BANK, "--answers", file, "--reporter", "tap"], { home, env: DAY1 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

describe("memory per statement", () => {
  it("logs the items a wrong answer misjudged, and none for how-many", async () => {
    const home = tempDir("prelim-home-");
    await missedTwoStatements(home, tempDir());
    const log = readReviewLog(home) as unknown as { key: string; items?: boolean[] }[];
    expect(log.map((line) => [line.key, line.items]).sort()).toEqual([
      ["memory/how-many", undefined],
      ["memory/which-correct", [true, false, false]],
    ]);
  });

  it("stats lists the statements misjudged, with their text", async () => {
    const home = tempDir("prelim-home-");
    await missedTwoStatements(home, tempDir());
    const json = await runPrelim(["stats", BANK, "--json"], { home, env: DAY2 });
    expect(json.status).toBe(0);
    const stats = JSON.parse(json.stdout) as { weakestStatements: { key: string; text: string; misjudged: number; judged: number }[] };
    expect(stats.weakestStatements.map((row) => [row.key, row.text, row.misjudged, row.judged])).toEqual([
      ["memory/which-correct#2", "It took a stake in Lynas.", 1, 1],
      ["memory/which-correct#3", "It is a Chinese state agency.", 1, 1],
    ]);
    const text = await runPrelim(["stats", BANK], { home, env: DAY2 });
    expect(text.stdout).toContain("Statements you misjudge most");
    expect(text.stdout).toContain("  1/1 misjudged  memory/which-correct#3\n    It is a Chinese state agency. (false)\n");
  });

  it("review --statements asks the misjudged items the next day, each on its own schedule", async () => {
    const home = tempDir("prelim-home-");
    const dir = tempDir();
    await missedTwoStatements(home, dir);

    // Nothing due yet, in the reporter's own format: JSON that says when the next ones come, or a TAP skip.
    const none = answers(dir, "none.answers.yaml", {});
    const before = await runPrelim(["review", BANK, "--statements", "--reporter", "json", "--answers", none], { home, env: DAY1 });
    expect(JSON.parse(before.stdout)).toMatchObject({ nothingDue: true, answered: 0, message: "No misjudged statements are due. Next: 2 statements tomorrow.", next: { count: 2 } });
    const tap = await runPrelim(["review", BANK, "--statements", "--answers", none], { home, env: DAY1 });
    expect(tap.stdout).toBe("TAP version 14\n1..0 # SKIP No misjudged statements are due. Next: 2 statements tomorrow.\n");
    const fresh = await runPrelim(["review", BANK, "--statements", "--reporter", "pretty", "--answers", none], { env: DAY1 });
    expect(fresh.stdout).toBe("No misjudged statements are due. A statement comes back here after a wrong answer to its question.\n");

    // Item 2 (true) answered True: right. Item 3 (false) answered True again: misjudged again.
    const file = answers(dir, "checks.answers.yaml", { "memory/which-correct#2": "true", "memory/which-correct#3": "true" });
    const run = await runPrelim(["review", BANK, "--statements", "--answers", file, "--reporter", "json"], { home, env: DAY2 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as SessionJson;
    expect(report.questions.map((question) => [question.id, question.outcome])).toEqual([
      ["which-correct#2", "correct"],
      ["which-correct#3", "wrong"],
    ]);
    const stats = JSON.parse((await runPrelim(["stats", BANK, "--json"], { home, env: DAY2 })).stdout) as { weakestStatements: { key: string; misjudged: number; judged: number }[] };
    expect(stats.weakestStatements.map((row) => [row.key, row.misjudged, row.judged])).toEqual([
      ["memory/which-correct#3", 2, 2],
      ["memory/which-correct#2", 1, 2],
    ]);
    // Item 3, missed again, is back the next day; item 2, judged right, days later.
    const later = await runPrelim(["review", BANK, "--statements", "--answers", file, "--reporter", "json"], { home, env: { PRELIM_NOW: "2026-03-04T12:00:00Z" } });
    const ids = (JSON.parse(later.stdout) as SessionJson).questions.map((question) => question.id);
    expect(ids).toEqual(["which-correct#3"]);
  });

  it("statementDrill true mixes in the checks of questions the session does not ask, never both", async () => {
    const home = tempDir("prelim-home-");
    const dir = tempDir();
    await missedTwoStatements(home, dir);
    const file = answers(dir, "all.answers.yaml", {
      "which-correct": letter("which-correct", "1 and 2 only"),
      "how-many": letter("how-many", "Only two"),
      "memory/which-correct#2": "true",
      "memory/which-correct#3": "false",
      "which-incorrect": letter("which-incorrect", "2 and 3 only"),
      "coded-pairs": "c",
      "plain-choice": "a",
    });
    const ids = async (run: Promise<{ stdout: string }>) => (JSON.parse((await run).stdout) as SessionJson).questions.map((question) => question.id);
    expect(fs.existsSync(path.join(home, "progress.json"))).toBe(true);
    expect((await runPrelim(["config", "set", "statementDrill", "true"], { home })).stdout).toBe("statementDrill = true\n");

    // Setting it recomputes every schedule: progress.json, folded with the cap, is dropped.
    expect(fs.existsSync(path.join(home, "progress.json"))).toBe(false);

    // The question is due with its weak statements, whose checks are due too: the session asks the
    // question, and its answer judges them, so the checks are left out.
    expect(await ids(runPrelim(["review", BANK, "--statements", "--answers", file, "--reporter", "json", "--no-record"], { home, env: DAY2 }))).toEqual(["which-correct#2", "which-correct#3"]);
    const asked = await ids(runPrelim(["review", BANK, "--answers", file, "--reporter", "json", "--no-record"], { home, env: DAY2 }));
    expect(asked).toContain("which-correct");
    expect(asked.filter((id) => id.includes("#"))).toEqual([]);

    // With no room left for reviews today, the checks still come: they count against neither limit.
    await runPrelim(["config", "set", "reviewsPerDay", "0"], { home });
    await runPrelim(["config", "set", "newPerDay", "0"], { home });
    expect(await ids(runPrelim(["review", BANK, "--answers", file, "--reporter", "json", "--no-record"], { home, env: DAY2 }))).toEqual(["which-correct#2", "which-correct#3"]);
    await runPrelim(["config", "set", "statementDrill", "false"], { home });
    const off = JSON.parse((await runPrelim(["review", BANK, "--answers", file, "--reporter", "json", "--no-record"], { home, env: DAY2 })).stdout) as { nothingDue?: boolean };
    expect(off.nothingDue).toBe(true);
  });

  it("suspend takes a statement's key; the drill leaves it out; an answer file naming checks warns of nothing", async () => {
    const home = tempDir("prelim-home-");
    const dir = tempDir();
    await missedTwoStatements(home, dir);
    const suspended = await runPrelim(["suspend", "memory/which-correct#3"], { home, env: { PRELIM_BANKS: path.dirname(BANK) } });
    expect(suspended.stderr).toBe("");
    expect(suspended.status).toBe(0);
    const file = answers(dir, "checks.answers.yaml", { "memory/which-correct#2": "true", "memory/which-correct#3": "false", "which-correct": "a" });
    const drill = JSON.parse((await runPrelim(["review", BANK, "--statements", "--answers", file, "--reporter", "json"], { home, env: DAY2 })).stdout) as SessionJson & { warnings: string[] };
    expect(drill.questions.map((question) => question.id)).toEqual(["which-correct#2"]);
    expect(drill.warnings).toEqual([]);
    const plain = JSON.parse((await runPrelim(["review", BANK, "--answers", file, "--reporter", "json", "--no-record"], { home, env: DAY2 })).stdout) as { warnings: string[] };
    expect(plain.warnings).toEqual([]);
  });

  it("a statement missed leechThreshold times is no leech: nothing suspended, no 'rewrite the question'", async () => {
    const home = tempDir("prelim-home-");
    const dir = tempDir();
    await runPrelim(["config", "set", "leechThreshold", "2"], { home });
    await runPrelim(["config", "set", "leechAction", "suspend"], { home });
    await missedTwoStatements(home, dir);
    const file = answers(dir, "checks.answers.yaml", { "memory/which-correct#2": "false", "memory/which-correct#3": "true" });
    const run = await runPrelim(["review", BANK, "--statements", "--answers", file, "--reporter", "tap"], { home, env: DAY2 });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/leech/);
    expect(fs.existsSync(path.join(home, "queue.jsonl")) ? fs.readFileSync(path.join(home, "queue.jsonl"), "utf8") : "").not.toContain("which-correct#");
  });

  it("--statements with --due-ahead is a usage error", async () => {
    const run = await runPrelim(["review", BANK, "--statements", "--due-ahead", "3", "--answers", "-"], { input: "" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--statements and --due-ahead cannot be combined/);
  });
});
