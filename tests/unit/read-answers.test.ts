// Answer files: a mapping of question ids to canonical letters; anything else is a usage error that
// points at file:line:col.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { simpleAnswers } from "../../src/bank/answer-lines.js";
import { parseAnswers } from "../../src/bank/parse-answers.js";
import { readAnswerFile } from "../../src/bank/read-answers.js";
import { UsageError } from "../../src/errors.js";

const entries = (text: string) => Object.fromEntries(parseAnswers("answers.yaml", text));

function failure(text: string): string {
  try {
    parseAnswers("answers.yaml", text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("answer files", () => {
  it("reads letters, lists, bank/id keys and true/false", () => {
    expect(entries("q1: a\nq2: [b, D]\nbank/q3: c\ntf: true\nft: false\n")).toEqual({
      q1: ["a"],
      q2: ["b", "D"],
      "bank/q3": ["c"],
      tf: ["a"],
      ft: ["b"],
    });
  });

  it("reads 'a, c' written as one string as a list", () => {
    expect(entries('q1: "a, c"\nq2: a c\n')).toEqual({ q1: ["a", "c"], q2: ["a", "c"] });
  });

  it("leaves a question with no value or an empty list unanswered, like an empty file", () => {
    expect(entries("q1:\nq2: []\nq3: a\n")).toEqual({ q3: ["a"] });
    expect(entries("")).toEqual({});
    expect(entries("# nothing answered yet\n")).toEqual({});
  });

  it("keeps YAML 1.2 strings: no and off stay text (and so are not letters)", () => {
    expect(entries("q1: no\nq2: off\n")).toEqual({ q1: ["no"], q2: ["off"] });
  });

  it("refuses what is not a mapping of ids to letters, at file:line:col", () => {
    expect(failure("- a\n- b\n")).toMatch(/^answers\.yaml:1:1: .*mapping/);
    expect(failure("q1: a\nq2: {x: 1}\n")).toMatch(/^answers\.yaml:2:5: the answer to 'q2'/);
    expect(failure("q1: [a\n")).toMatch(/^answers\.yaml:1:5: /);
    expect(failure("q1: a\nq1: b\n")).toMatch(/^answers\.yaml:2:1: .*unique/);
    expect(failure("q1: a\n---\nq2: b\n")).toMatch(/^answers\.yaml:2:1: a second YAML document/);
    expect(failure("q1: !!binary aGk=\n")).toMatch(/^answers\.yaml:1:5: the tag !!binary/);
  });

  it("reads 100,000 entries, and finds the one duplicate among them at its line (no quadratic check)", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `q${i}: a`);
    expect(parseAnswers("answers.yaml", `${lines.join("\n")}\n`).size).toBe(100_000);
    expect(failure(`${lines.join("\n")}\nq7: b\n`)).toMatch(/^answers\.yaml:100001:1: map keys must be unique/);
  });

  it("reads standard input for '-'", async () => {
    const stdin = Readable.from([Buffer.from("q1: b\n")]);
    expect(Object.fromEntries(await readAnswerFile("-", () => stdin, 1_000_000, process.cwd()))).toEqual({ q1: ["b"] });
  });

  it("reads a path that is a pipe or device as a stream (/dev/stdin, a shell's <(…))", async () => {
    expect(Object.fromEntries(await readAnswerFile("/dev/null", () => Readable.from([]), 1_000_000, process.cwd()))).toEqual({});
  });

  it("names a device over the size limit by its path, as an answer file (not standard input, not a bank)", async () => {
    const error = await readAnswerFile("/dev/zero", () => Readable.from([]), 1_000, process.cwd()).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^answer file \/dev\/zero: over the 1\.0 KB limit for an answer file; .*PRELIM_MAX_BANK_MB/);
    expect((error as Error).message).not.toMatch(/standard input|bank\b/);
  });

  it("names standard input when that is what is over the limit", async () => {
    const stdin = Readable.from([Buffer.alloc(2_000, "a")]);
    await expect(readAnswerFile("-", () => stdin, 1_000, process.cwd())).rejects.toThrow(/^answers on standard input: over the 1\.0 KB limit for an answer file/);
  });

  it("speaks of answer files, not banks, for a file too large or not UTF-8", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prelim-answers-"));
    try {
      fs.writeFileSync(path.join(dir, "big.yaml"), `q1: a\n${"#".repeat(2_000)}\n`);
      fs.writeFileSync(path.join(dir, "nul.yaml"), "q1: a\0\n");
      const big = readAnswerFile("big.yaml", () => Readable.from([]), 1_000, dir);
      await expect(big).rejects.toThrow(/^answer file big\.yaml: the file is 2\.0 KB, over the 1\.0 KB limit for an answer file; .*PRELIM_MAX_BANK_MB/);
      await expect(readAnswerFile("big.yaml", () => Readable.from([]), 1_000, dir)).rejects.not.toThrow(/bank\b/);
      await expect(readAnswerFile("nul.yaml", () => Readable.from([]), 1_000, dir)).rejects.toThrow(/NUL byte.*an answer file is UTF-8 text/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a file that does not exist", async () => {
    await expect(readAnswerFile("no-such-answers.yaml", () => Readable.from([]), 1_000_000, process.cwd())).rejects.toThrow(/no-such-answers\.yaml.*no such file/);
  });
});

describe("plain answer lines, read without YAML", () => {
  const plain = [
    "q1: a\nq2: [b, D]\nbank/q3: c\ntf: true\nft: false\n",
    "q1: a, c\nq2: a c\nq3: A,C\n",
    "q1:\nq2: []\nq3: a\nq4: [ ]\n",
    "",
    "# nothing answered yet\n",
    "# prelim answers\n\nq1: a   # sure\nq2: b #\n  # indented comment\nq3: #none\n",
    "q1: a\r\nq2: [a,b]\r\n",
    "q-1.v2: d\nsome_bank/q_2: a\n",
  ];
  const notPlain = [
    'q1: "a, c"\n',
    "q1: no\n",
    "q1: a\nq1: b\n",
    "q1:\nq1: b\n",
    "q1: a\n---\nq2: b\n",
    "q1: !!binary aGk=\n",
    "q1: [a\n",
    "- a\n",
    "q1: {x: 1}\n",
    "null: a\nTrue: b\n",
    "q1: a#b\n",
    "q1: a\n  c\n",
    "q1:\ta\n",
    "q1:a\n",
    "q1: True\n",
    "q1: 1\n",
    "\ufeffq1: a\n",
    "  q1: a\n",
    "q1: [a, true]\n",
  ];

  it.each(plain)("reads %j as YAML does", (text) => {
    expect(simpleAnswers(text)).toEqual(parseAnswers("answers.yaml", text));
  });

  it.each(notPlain)("leaves %j to YAML", (text) => {
    expect(simpleAnswers(text)).toBeUndefined();
  });

  it("reads 100,000 plain lines", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `q${i}: ${"abcd"[i % 4]}`);
    expect(simpleAnswers(`${lines.join("\n")}\n`)?.size).toBe(100_000);
  });
});
