// Hostile banks end to end (RELIABILITY.md rows 1–13): terminal control sequences in bank text, in the
// values error messages quote and in file names never reach stdout or stderr raw, in any command or
// reporter; hostile YAML is refused without a crash or a stack trace.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBankText } from "../../src/bank/load-bank.js";
import { readFixture } from "../fixtures/fixtures.js";
import { RAW_CONTROL, STACK_FRAME, runPrelim, spawnPrelim, tempFiles } from "./helpers.js";

/** Control sequences a file name can hold (no NUL, no slash). */
const EVIL_NAME = "evil\x1b[2J\x1b]0;title\x07\r\b\x9b\u202e\x7f";

/** A folder of hostile banks under hostile names: one that loads, one broken, two sharing an id. */
function hostileFolder(): string {
  const controls = readFixture("hostile", "controls.yaml");
  return tempFiles({
    [`${EVIL_NAME}-controls.yaml`]: controls,
    [`${EVIL_NAME}-broken.yaml`]: readFixture("hostile", "broken.yaml"),
    // Same id as the controls bank: the duplicate-bank-id message quotes the hostile first file name.
    "zz-same-id.yaml": controls,
  });
}

function expectNothingRaw(result: { output: string }, label: string): void {
  const match = RAW_CONTROL.exec(result.output);
  expect(match === null ? null : { label, at: match.index, char: match[0].codePointAt(0)?.toString(16), near: JSON.stringify(result.output.slice(Math.max(0, match.index - 40), match.index + 10)) }).toBeNull();
}

describe("control sequences never reach the terminal raw", () => {
  it("the fixtures really hold every control the matrix names", async () => {
    const folder = hostileFolder();
    expect(fs.readdirSync(folder).join("\n")).toContain(EVIL_NAME);
    const loaded = loadBankText("controls.yaml", readFixture("hostile", "controls.yaml"));
    const question = loaded.bank?.questions[0];
    const text = [loaded.bank?.title, loaded.bank?.description, question?.question, question?.explanation, ...(question?.options ?? [])].join("\n");
    for (const control of ["\x1b[2J", "\x1b]52;", "\x1b]8;;", "\x1b]0;unterminated", "\x9b", "\r", "\b", "\x07", "\u202e", "\x7f", "\0"]) {
      expect(text).toContain(control);
    }
  });

  it("prelim banks, as text", async () => {
    const folder = hostileFolder();
    const result = await runPrelim(["banks", folder]);
    expect(result.status).toBe(0);
    expectNothingRaw(result, "banks");
    // Shown, in caret and \u{…} notation, not dropped.
    expect(result.stdout).toContain("controls  Clear ^[[2J clipboard ^[]52;c;aGVsbG8=^G title ^[]0;pwned  1 question");
    expect(result.stdout).toContain("evil^[[2J^[]0;title^G^M^H\\u{9b}\\u{202e}^?-controls.yaml");
    expect(result.stdout).toContain("evil^[[2J  does not load: 6 errors");
  });

  it("prelim banks --json: valid JSON with the text intact, no raw control", async () => {
    const folder = hostileFolder();
    const result = await runPrelim(["banks", "--json", folder]);
    expect(result.status).toBe(0);
    expectNothingRaw(result, "banks --json");
    const { banks } = JSON.parse(result.stdout) as { banks: { id?: string; title?: string; file: string }[] };
    const controls = banks.find((bank) => bank.title !== undefined && bank.file.endsWith("-controls.yaml"));
    // JSON escapes keep the data exact for a program that reads it.
    expect(controls?.title).toBe("Clear \x1b[2J clipboard \x1b]52;c;aGVsbG8=\x07 title \x1b]0;pwned");
    expect(controls?.file).toBe(path.join(folder, `${EVIL_NAME}-controls.yaml`));
  });

  it.each([["pretty"], ["json"], ["github"]])("prelim validate --reporter %s", async (reporter) => {
    const folder = hostileFolder();
    const result = await runPrelim(["validate", "--reporter", reporter, folder]);
    expect(result.status).toBe(1);
    expectNothingRaw(result, `validate --reporter ${reporter}`);
    expect(result.output).not.toMatch(STACK_FRAME);
    // The messages that quote hostile values, and the hostile file names, are there, made visible.
    expect(result.stdout).toContain("unknown key '^[]52;c;aGk=^G'");
    expect(result.stdout).toContain("'^[[2J' is not an option letter");
    expect(result.stdout).toContain("no-source");
    expect(result.stdout).toContain("duplicate-bank-id");
    const shownName = "evil^[[2J^[]0;title^G^M^H\\u{9b}\\u{202e}^?-controls.yaml";
    if (reporter === "json") {
      const report = JSON.parse(result.stdout) as { problems: { file: string }[] };
      expect(report.problems.map((problem) => path.basename(problem.file))).toContain(shownName);
    } else {
      expect(result.stdout).toContain(shownName);
    }
  });

  it("usage errors and empty folders that name a hostile path", async () => {
    const cwd = tempFiles({});
    const missing = await runPrelim(["validate", `${EVIL_NAME}.yaml`], { cwd });
    expect(missing.status).toBe(2);
    expectNothingRaw(missing, "validate missing");
    expect(missing.stderr).toContain("prelim: no such file or folder: evil^[[2J");

    fs.mkdirSync(path.join(cwd, EVIL_NAME));
    const empty = await runPrelim(["banks", EVIL_NAME], { cwd });
    expect(empty.status).toBe(0);
    expectNothingRaw(empty, "banks empty folder");
    expect(empty.stdout).toContain("No banks found in evil^[[2J");
  });
});

describe("hostile YAML through the binary", () => {
  it("refuses tags, aliases, deep nesting and prototype keys with exit 1, no crash, quickly", async () => {
    const started = performance.now();
    const cwd = tempFiles({
      "laughs.yaml": readFixture("yaml", "billion-laughs.yaml"),
      "circular.yaml": readFixture("yaml", "circular-alias.yaml"),
      "deep-1.yaml": readFixture("yaml", "deep-nesting.yaml"),
      "deep-2.yaml": readFixture("yaml", "deep-nesting-maps.yaml"),
      "deep-3.yaml": readFixture("yaml", "deep-nesting.yaml"),
      "function.yaml": readFixture("yaml", "tag-js-function.yaml"),
      "evil.yaml": readFixture("yaml", "tag-evil.yaml"),
      "proto.yaml": readFixture("yaml", "proto-keys.yaml"),
      "long.yaml": `id: long\ntitle: Long\nquestions:\n  - id: q1\n    question: ${"Why? ".repeat(10_240)}\n    answer: true\n`,
    });
    const result = spawnPrelim(["validate", "."], { cwd });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    for (const line of [
      "laughs.yaml:1:1  error    yaml-alias",
      "circular.yaml:7:11  error    yaml-alias",
      "deep-1.yaml:3:75  error    yaml-depth",
      "deep-2.yaml:66:130  error    yaml-depth",
      "deep-3.yaml:3:75  error    yaml-depth",
      "function.yaml:5:15  error    yaml-tag",
      "evil.yaml:6:14  error    yaml-tag",
      "proto.yaml:3:1  error    unknown-key  unknown key '__proto__'",
      "long.yaml:5:15  error    too-long",
    ]) {
      expect(result.stdout).toContain(line);
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("control sequences never reach the terminal raw in sessions", () => {
  it("practice, review, stats and mock print none, in every reporter, whatever the bank, file names and answer keys hold", async () => {
    const folder = hostileFolder();
    const answers = tempFiles({ "answers.yaml": 'every-control: a\n"bogus\\e[31mRED\\e]0;t\\a": b\n' });
    const answerFile = `${answers}/answers.yaml`;
    const home = tempFiles({});
    const env = { PRELIM_BANKS: folder };
    const runs: [string, string[]][] = [
      ["practice tap", ["practice", "--answers", answerFile, "--reporter", "tap"]],
      ["practice json", ["practice", "--answers", answerFile, "--reporter", "json"]],
      ["practice pretty", ["practice", "--answers", answerFile, "--reporter", "pretty"]],
      ["review json", ["review", "--answers", answerFile, "--reporter", "json"]],
      ["mock json", ["mock", "--answers", answerFile, "--reporter", "json", "--seed", "1"]],
      ["stats", ["stats"]],
      ["stats json", ["stats", "--json"]],
    ];
    for (const [label, args] of runs) {
      const result = await runPrelim(args, { env, home });
      expect(result.status, `${label}: ${result.stderr}`).toBe(0);
      expectNothingRaw(result, label);
    }
  });
});
