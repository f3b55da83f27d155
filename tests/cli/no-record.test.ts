// --no-record: a session that writes nothing to the data dir (a tutor checking a key, a CI job). The data
// dir, holding a log, settings, a snapshot and a bank cache, is byte for byte the same afterwards.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO_ROOT } from "../fixtures/fixtures.js";
import { runPrelim, tempDir, tempFiles } from "./helpers.js";

const DAILY = path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml");
const ANSWERS = path.join(REPO_ROOT, "tests", "fixtures", "session", "daily-answers.yaml");
const POLITY = path.join(FIXTURES, "mock", "polity.yaml");

/** Every file under `dir` with the hash of its bytes: what "unchanged" means. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("--no-record", () => {
  it("practice, review and mock report as usual and leave the data dir exactly as it was", async () => {
    const home = tempDir("prelim-home-");
    // A data dir in use: answers, settings, a mock in the history, the bank cache.
    expect((await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json"], { home })).status).toBe(0);
    expect((await runPrelim(["config", "set", "newPerDay", "5"], { home })).status).toBe(0);
    const mockAnswers = path.join(tempFiles({ "a.yaml": "parliament: b\n" }), "a.yaml");
    expect((await runPrelim(["mock", POLITY, "--answers", mockAnswers, "--seed", "1"], { home })).status).toBe(0);
    const before = fingerprint(home);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["reviews.jsonl", "config.json", "mock-attempts.jsonl"]));

    const practice = await runPrelim(["practice", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home });
    expect(practice.status, practice.stderr).toBe(0);
    expect((JSON.parse(practice.stdout) as { answered: number }).answered).toBeGreaterThan(0);
    const review = await runPrelim(["review", DAILY, "--answers", ANSWERS, "--reporter", "json", "--no-record"], { home, env: { PRELIM_NOW: new Date(Date.now() + 9 * 86_400_000).toISOString() } });
    expect(review.status, review.stderr).toBe(0);
    const mock = await runPrelim(["mock", POLITY, "--answers", mockAnswers, "--seed", "2", "--reporter", "json", "--no-record"], { home });
    expect(mock.status, mock.stderr).toBe(0);
    expect(JSON.parse(mock.stdout)).toMatchObject({ correct: 1 });
    // A bank never seen before would be cached by a recording run; not by this one.
    const fresh = path.join(tempFiles({ "fresh.yaml": "id: fresh\ntitle: Fresh\nquestions:\n  - {id: q, question: Q?, answer: true}\n" }), "fresh.yaml");
    expect((await runPrelim(["practice", fresh, "--answers", "/dev/null", "--no-record"], { home })).status).toBe(0);

    expect(fingerprint(home)).toEqual(before);
  });
});

describe("answer files that leave questions unanswered", () => {
  it("a file that answers none of the questions drawn is a warning on stderr and in the JSON", async () => {
    const other = path.join(tempFiles({ "a.yaml": "not-in-this-bank: a\n" }), "a.yaml");
    const mock = await runPrelim(["mock", POLITY, "--answers", other, "--seed", "1", "--reporter", "json"]);
    expect(mock.status).toBe(0);
    expect(mock.stderr).toContain("the answer file answers none of the 5 questions drawn");
    expect((JSON.parse(mock.stdout) as { warnings: string[] }).warnings).toContainEqual(expect.stringContaining("answers none of the 5 questions drawn"));
    const practice = await runPrelim(["practice", DAILY, "--answers", other, "--reporter", "json"]);
    expect((JSON.parse(practice.stdout) as { warnings: string[] }).warnings).toContainEqual(expect.stringContaining("answers none of the"));
  });

  it("--require-answers: exit 1 when any question drawn is unanswered, 0 when all are", async () => {
    const some = path.join(tempFiles({ "a.yaml": "parliament: b\n" }), "a.yaml");
    const mock = await runPrelim(["mock", POLITY, "--answers", some, "--seed", "1", "--reporter", "json", "--require-answers"]);
    expect(mock.status).toBe(1);
    expect(mock.stderr).toContain("4 of 5 questions were not answered by the answer file (--require-answers)");
    const all = path.join(tempFiles({ "a.yaml": "parliament: b\nrights: [a, c]\nsun-star: true\npresident: d\npreamble: a\n" }), "a.yaml");
    expect((await runPrelim(["mock", POLITY, "--answers", all, "--seed", "1", "--reporter", "json", "--require-answers"])).status).toBe(0);
    const practice = await runPrelim(["practice", DAILY, "--answers", some, "--reporter", "json", "--require-answers"]);
    expect(practice.status).toBe(1);
  });
});
