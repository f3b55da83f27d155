// Answer files kept beside banks: skipped by discovery when they say what they are, and named as answer
// files, in one problem, when loaded as a bank anyway.

import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findBankFiles } from "../../src/bank/find-banks.js";
import { loadBankText } from "../../src/bank/load-bank.js";
import { hasAnswerFileShape } from "../../src/bank/answer-file-shape.js";
import { briefs, makeTempDir } from "../fixtures/fixtures.js";
import { runPrelim } from "../cli/helpers.js";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function write(relative: string, content: string): string {
  const file = path.join(temp.dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const BANK = "id: polity\ntitle: Polity\nquestions:\n  - id: q1\n    question: Is it?\n    answer: true\n";

describe("bank discovery", () => {
  it("skips *.answers.yaml, *.answers.yml and files whose first line is '# prelim answers'", () => {
    write("polity.yaml", BANK);
    write("mock.answers.yaml", "q1: a\n");
    write("sub/KEY.Answers.YML", "q1: a\n");
    write("key.yaml", "# prelim answers for the polity mock\nq1: a\n");
    write("bom.yaml", "\ufeff# prelim answers\nq1: a\n");
    write("later.yaml", "q1: a\n# prelim answers\n");
    expect(findBankFiles([temp.dir]).map((file) => path.relative(temp.dir, file))).toEqual(["later.yaml", "polity.yaml"]);
  });
});

describe("an answer file loaded as a bank", () => {
  it.each([
    ["a marked one", "key.yaml", "# prelim answers\nq1: a\nq2: [a, c]\n"],
    ["a named one", "mock.answers.yaml", "q1: a\n"],
    ["one with an answer file's shape", "answers.yaml", "embargo-trigger: c\nrecycled-metals: [a, c]\nlynas: true\nmulti: a, c\nblank:\n"],
  ])("%s is one problem that says what it is", (_name, file, text) => {
    const loaded = loadBankText(file, text);
    expect(briefs(loaded.problems)).toEqual(["1:1 error answer-file"]);
    expect(loaded.problems[0]?.message).toMatch(/looks like an answer file.*--answers.*\.answers\.yaml.*# prelim answers/);
  });

  it("is not guessed for a broken bank", () => {
    expect(hasAnswerFileShape({ id: "x", q1: "a" })).toBe(false);
    expect(hasAnswerFileShape({ question: "What is it?" })).toBe(false);
    expect(hasAnswerFileShape({ q1: { a: 1 } })).toBe(false);
    expect(briefs(loadBankText("b.yaml", "title: T\nquestions: []\n").problems)).not.toContain("1:1 error answer-file");
  });

  it("in a bank folder, no longer breaks every run", async () => {
    write("banks/polity.yaml", BANK);
    write("banks/polity.answers.yaml", "q1: a\n");
    const result = await runPrelim(["validate", path.join(temp.dir, "banks")]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("answers");
    const named = await runPrelim(["validate", path.join(temp.dir, "banks", "polity.answers.yaml")]);
    expect(named.status).toBe(1);
    expect(named.stdout).toContain("answer-file");
  });
});
