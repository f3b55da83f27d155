// Every TAP prelim writes, read by a real TAP client (tap-parser, strict): practice streaming a line per
// answer, a mock report, and a review with nothing to do. Where TAP is defined elsewhere, its reader wins.

import path from "node:path";
import { Parser, type FinalResults } from "tap-parser";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO_ROOT } from "../fixtures/fixtures.js";
import { runPrelim, tempDir, tempFiles } from "./helpers.js";

const DAILY = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml");
const ANSWERS = path.join(REPO_ROOT, "tests", "fixtures", "session", "daily-answers.yaml");
const POLITY = path.join(FIXTURES, "mock", "polity.yaml");

function parseTap(text: string): Promise<FinalResults & { parseErrors: unknown[] }> {
  return new Promise((resolve) => {
    const parseErrors: unknown[] = [];
    const parser = new Parser({ strict: true }, (results) => resolve(Object.assign(results, { parseErrors })));
    parser.on("bailout", (reason) => parseErrors.push(reason));
    parser.end(text);
  });
}

describe("TAP read by tap-parser in strict mode", () => {
  it("practice --reporter tap: one test point per answer, the wrong ones failing", async () => {
    const run = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap", "--seed", "3"]);
    const results = await parseTap(run.stdout);
    expect(results.parseErrors).toEqual([]);
    expect(results.count).toBe(run.stdout.match(/^(not )?ok \d+/gm)?.length);
    expect(results.fail).toBe(run.stdout.match(/^not ok \d+/gm)?.length ?? 0);
    expect(results.plan.end).toBe(results.count);
  });

  it("mock --reporter tap: unanswered questions are skips, the plan covers the paper", async () => {
    const answers = path.join(tempFiles({ "a.yaml": "parliament: b\nrights: [c, a]\npresident: a\n" }), "a.yaml");
    const run = await runPrelim(["mock", POLITY, "--answers", answers, "--seed", "7", "--reporter", "tap"]);
    const results = await parseTap(run.stdout);
    expect(results.parseErrors).toEqual([]);
    expect(results).toMatchObject({ count: 5, pass: 4, fail: 1, skip: 2 });
  });

  it("review with nothing due: a plan of 0 that skips everything, valid and passing", async () => {
    const home = tempDir("prelim-home-");
    await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home });
    const run = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "tap"], { home });
    const results = await parseTap(run.stdout);
    expect(results.ok).toBe(true);
    expect(results.plan).toMatchObject({ start: 1, end: 0, skipAll: true });
  });
});
