// `prelim validate` and the program shell, end to end: the built binary, a temporary PRELIM_HOME.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bankFixture, readFixture, REPO_ROOT } from "../fixtures/fixtures.js";
import { STACK_FRAME, runPrelim, spawnPrelim, tempDir, tempFiles } from "./helpers.js";

const BANKS = bankFixture();
const inBanks = { cwd: BANKS };

describe("the program shell", () => {
  it("prints package.json's version for --version and -V", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const result = await runPrelim([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.stderr).toBe("");
    }
  });

  it.each([[["--help"]], [["validate", "--help"]], [["banks", "--help"]]])("%j shows examples, exit 0", async (args) => {
    const result = await runPrelim(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Examples");
    expect(result.stdout).toMatch(/Usage: prelim/);
  });

  it.each([
    // `prelim <word>` is `prelim practice <word>`, which has no terminal here: still exit 2, with a message.
    [["frobnicate"], /./],
    [["--frobnicate"], /unknown option '--frobnicate'/],
    [["validate", "--frobnicate"], /unknown option '--frobnicate'/],
    [["validate", "--reporter", "xml"], /'xml' is invalid/],
  ])("%j is bad usage: exit 2 with a message", async (args, message) => {
    const result = await runPrelim(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^prelim: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("prelim validate", () => {
  it("passes a good bank: exit 0 and the summary line", async () => {
    const result = await runPrelim(["validate", "valid/basic.yaml"], inBanks);
    expect(result.stdout).toBe("1 file, 4 questions: 0 errors, 0 warnings\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("lists all five mistakes of one bank at their places, exit 1", async () => {
    const result = await runPrelim(["validate", "five-mistakes.yaml"], inBanks);
    expect(result.stdout.split("\n")).toEqual([
      "five-mistakes.yaml:9:5  error    unknown-key  unknown key 'explaination'; did you mean 'explanation'?",
      "five-mistakes.yaml:15:13  error    answer-range  answer 'd' is beyond the 3 options (a–c)",
      "five-mistakes.yaml:19:9  error    slug  'id' must be a slug: lowercase letters and digits joined by single hyphens, e.g. embargo-trigger",
      "five-mistakes.yaml:27:34  error    duplicate-option  option c repeats option a",
      "five-mistakes.yaml:31:17  error    enum  'difficulty' must be one of: easy, medium, hard",
      "five-mistakes.yaml:5:5  warning  no-explanation  no explanation; say why the answer is right, so learners learn from a miss",
      "",
      "1 file, 4 questions: 5 errors, 1 warning",
      "",
    ]);
    expect(result.status).toBe(1);
  });

  it("reports every YAML-level fixture in one run, each at its place, exit 1, no stack trace", async () => {
    const result = await runPrelim(["validate", "yaml"], inBanks);
    const expected = [
      "yaml/proto-keys.yaml:3:1  error    unknown-key",
      "yaml/billion-laughs.yaml:1:1  error    yaml-alias",
      "yaml/circular-alias.yaml:7:11  error    yaml-alias",
      "yaml/comment-only.yaml:1:1  error    empty-file",
      "yaml/deep-nesting-maps.yaml:66:130  error    yaml-depth",
      "yaml/deep-nesting.yaml:3:75  error    yaml-depth",
      "yaml/duplicate-key.yaml:8:5  error    yaml-duplicate-key",
      "yaml/empty.yaml:1:1  error    empty-file",
      "yaml/multi-document.yaml:7:1  error    yaml-multi-document",
      "yaml/root-list.yaml:1:1  error    bank-root",
      "yaml/root-null.yaml:1:1  error    bank-root",
      "yaml/root-scalar.yaml:2:1  error    bank-root",
      "yaml/tab-indent.yaml:4:1  error    yaml-syntax",
      "yaml/tag-binary.yaml:2:8  error    yaml-tag",
      "yaml/tag-evil.yaml:6:14  error    yaml-tag",
      "yaml/tag-js-function.yaml:5:15  error    yaml-tag",
      "yaml/tag-set.yaml:3:7  error    yaml-tag",
      "yaml/tag-timestamp.yaml:5:11  error    yaml-tag",
      "yaml/unclosed-bracket.yaml:3:7  error    yaml-syntax",
      "yaml/unclosed-quote.yaml:2:8  error    yaml-syntax",
      "yaml/yaml11-answer-no.yaml:6:13  error    true-false-answer",
      "yaml/yaml11-merge-key.yaml:11:5  error    unknown-key",
      "yaml/yaml11-octal.yaml:7:9  error    type",
    ];
    for (const line of expected) expect(result.stdout).toContain(`${line}  `);
    expect(result.stdout).not.toContain("yaml/yaml11-title-no.yaml");
    expect(result.stdout).toMatch(/^24 files, \d+ questions: 28 errors, 1 warning$/m);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
  });

  it("reports every rule fixture in one run; a duplicate bank id points at the second file's id line", async () => {
    const result = await runPrelim(["validate", "rules"], inBanks);
    expect(result.stdout).toContain("rules/duplicate-bank-id/second.yaml:3:5  error    duplicate-bank-id  bank id 'shared-id' is already used by first.yaml; bank ids must be unique\n");
    expect(result.stdout).toContain("rules/unknown-key.yaml:7:5  error    unknown-key  unknown key 'anwser'; did you mean 'answer'?\n");
    expect(result.stdout).toContain("rules/type-number-option.yaml:7:9  error    type  options item 1 must be text; quote it: \"1947\"\n");
    expect(result.stdout).toContain("rules/warnings.yaml:4:5  warning  no-source  ");
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("survives two deeply nested files in one process (exit 1, not an abort)", async () => {
    const deep = readFixture("yaml", "deep-nesting.yaml");
    const cwd = tempFiles({ "a.yaml": deep, "b.yaml": deep, "c.yaml": deep });
    const result = spawnPrelim(["validate", "a.yaml", "b.yaml", "c.yaml"], { cwd });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("a.yaml:3:75  error    yaml-depth");
    expect(result.stdout).toContain("b.yaml:3:75  error    yaml-depth");
    expect(result.stdout).toContain("c.yaml:3:75  error    yaml-depth");
    expect(result.stdout).toContain("3 files, 0 questions: 3 errors, 0 warnings");
    expect(result.stderr).toBe("");
  });

  it("refuses a file over PRELIM_MAX_BANK_MB and bad bytes with their offsets; accepts a BOM and CRLF", async () => {
    const windows = `\uFEFF${readFixture("valid", "basic.yaml").replace(/\n/g, "\r\n")}`;
    expect(windows).toContain("\r\n");
    const cwd = tempFiles({
      "big.yaml": `id: big\ntitle: Big\n${"# padding\n".repeat(200)}`,
      "latin1.yaml": Buffer.concat([Buffer.from("id: x\ntitle: caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
      "nul.yaml": Buffer.from("id: x\ntitle: a\u0000b\n"),
      "windows.yaml": windows,
    });
    // The cap sits between the Windows bank's size and the big file's.
    expect(Buffer.byteLength(windows)).toBeLessThan(1600);
    const result = await runPrelim(["validate", "."], { cwd, env: { PRELIM_MAX_BANK_MB: String(1600 / 1024 / 1024) } });
    expect(result.stdout.split("\n")).toEqual([
      "big.yaml:1:1  error    file-too-large  the file is 2.0 KB, over the 1.6 KB limit; split the bank, or raise PRELIM_MAX_BANK_MB",
      "latin1.yaml:2:11  error    encoding  the file is not valid UTF-8 (byte offset 16); save it as UTF-8",
      "nul.yaml:2:9  error    encoding  the file holds a NUL byte at byte offset 14: a bank is UTF-8 text",
      "",
      "4 files, 4 questions: 3 errors, 0 warnings",
      "",
    ]);
    expect(result.status).toBe(1);
  });

  it("turns warnings into errors with --strict", async () => {
    // Without --strict the same file passes: see "resolves a bank named by its id".
    const strict = await runPrelim(["validate", "--strict", "rules/warnings.yaml"], inBanks);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("rules/warnings.yaml:4:5  error    no-explanation");
    expect(strict.stdout).toContain("1 file, 1 question: 3 errors, 0 warnings");
  });

  it("exits 2 naming a path that does not exist", async () => {
    const missingFile = await runPrelim(["validate", "valid/basic.yaml", "missing/bank.yaml"], inBanks);
    expect(missingFile.status).toBe(2);
    expect(missingFile.stderr).toBe("prelim: no such file or folder: missing/bank.yaml\n");
    expect(missingFile.stdout).toBe("");

    const unknownName = await runPrelim(["validate", "no-such-bank"], inBanks);
    expect(unknownName.status).toBe(2);
    expect(unknownName.stderr).toContain("prelim: no bank file, folder or bank id 'no-such-bank'");
    expect(unknownName.stderr).toContain("prelim banks");
  });

  it("resolves a bank named by its id from PRELIM_BANKS", async () => {
    const folder = tempFiles({ "nested/any-name.yaml": readFixture("rules", "warnings.yaml"), "good.yaml": readFixture("valid", "basic.yaml") });
    const result = await runPrelim(["validate", "warnings"], { env: { PRELIM_BANKS: folder } });
    expect(result.stdout).toContain("nested/any-name.yaml:4:5  warning  no-explanation");
    expect(result.stdout).toContain("1 file, 1 question: 0 errors, 3 warnings");
    expect(result.status).toBe(0);
  });

  it("validates the whole search path with no arguments", async () => {
    const folder = tempFiles({ "one.yaml": readFixture("rules", "answer-range.yaml") });
    const home = tempDir();
    fs.mkdirSync(path.join(home, "banks"));
    fs.writeFileSync(path.join(home, "banks", "mine.yaml"), readFixture("rules", "enum-difficulty.yaml"));
    const result = await runPrelim(["validate"], { env: { PRELIM_BANKS: folder }, home });
    expect(result.stdout).toMatch(/one\.yaml:7:13 {2}error {4}answer-range/);
    expect(result.stdout).toMatch(/mine\.yaml:9:17 {2}error {4}enum/);
    expect(result.status).toBe(1);
  });
});

describe("validate reporters", () => {
  it("--reporter json parses, with the summary and every problem", async () => {
    const result = await runPrelim(["validate", "--reporter", "json", "five-mistakes.yaml", "rules/warnings.yaml"], inBanks);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: number;
      questions: number;
      errors: number;
      warnings: number;
      problems: { file: string; line: number; col: number; severity: string; rule: string; message: string }[];
    };
    expect(report).toMatchObject({ files: 2, questions: 5, errors: 5, warnings: 4 });
    expect(report.problems).toHaveLength(9);
    expect(report.problems[0]).toEqual({
      file: "five-mistakes.yaml",
      line: 9,
      col: 5,
      severity: "error",
      rule: "unknown-key",
      message: "unknown key 'explaination'; did you mean 'explanation'?",
      endLine: 9,
      endCol: 17,
    });
    expect(report.problems.map((problem) => problem.severity)).toEqual([...Array(5).fill("error"), ...Array(4).fill("warning")]);
  });

  it("--reporter github writes workflow commands, errors before warnings, escaped", async () => {
    // The warnings' file sorts first by name; errors must still come first.
    const cwd = tempFiles({ "a-warnings.yaml": readFixture("rules", "warnings.yaml"), "b,c:d%.yaml": readFixture("rules", "answer-range.yaml") });
    const result = await runPrelim(["validate", "--reporter", "github", "."], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "::error file=b%2Cc%3Ad%25.yaml,line=7,endLine=7,col=13,endColumn=13,title=answer-range::answer 'e' is beyond the 4 options (a–d)",
      "::warning file=a-warnings.yaml,line=4,col=5,title=no-explanation::no explanation; say why the answer is right, so learners learn from a miss",
      "::warning file=a-warnings.yaml,line=4,col=5,title=no-source::no source; name the article and section the fact comes from",
      "::warning file=a-warnings.yaml,line=4,col=5,title=no-difficulty::no difficulty; add difficulty: easy, medium or hard",
      "2 files, 2 questions: 1 error, 3 warnings",
    ]);
  });

  it("--reporter github names files relative to GITHUB_WORKSPACE, from any folder of the checkout", async () => {
    const workspace = tempFiles({ "banks/polity/range.yaml": readFixture("rules", "answer-range.yaml") });
    const inside = path.join(workspace, "banks");
    const result = await runPrelim(["validate", "--reporter", "github", "polity"], { cwd: inside, env: { GITHUB_WORKSPACE: workspace } });
    expect(result.stdout).toMatch(/^::error file=banks\/polity\/range\.yaml,line=7,endLine=7,col=13,endColumn=13,/);
    const outside = await runPrelim(["validate", "--reporter", "github", path.join(inside, "polity")], { env: { GITHUB_WORKSPACE: tempDir() } });
    expect(outside.stdout).toContain(`::error file=${path.join(inside, "polity", "range.yaml").replace(/:/g, "%3A").replace(/,/g, "%2C")},`);
  });
});
