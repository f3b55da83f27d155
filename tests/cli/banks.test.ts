// `prelim banks`, end to end: what it lists from PRELIM_BANKS, the data dir and paths, as text and JSON.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFixture } from "../fixtures/fixtures.js";
import { STACK_FRAME, runPrelim, tempDir, tempFiles } from "./helpers.js";

interface ListedBank {
  id?: string;
  title?: string;
  file: string;
  questions?: number;
  tags?: Record<string, number>;
  kinds?: Record<string, number>;
  errors?: number;
  warnings: number;
}

/** A PRELIM_BANKS folder with a good bank, a bank with warnings, a broken one and an unreadable one. */
function mixedFolder(): string {
  return tempFiles({
    "basic.yaml": readFixture("valid", "basic.yaml"),
    "sub/warnings.yml": readFixture("rules", "warnings.yaml"),
    "five-mistakes.yaml": readFixture("five-mistakes.yaml"),
    "empty.yaml": "",
    "notes.txt": "not a bank",
    ".hidden/secret.yaml": readFixture("valid", "anchors.yaml"),
  });
}

describe("prelim banks", () => {
  it("lists PRELIM_BANKS banks, a broken one with its error count, and exits 0", async () => {
    const folder = mixedFolder();
    const result = await runPrelim(["banks"], { env: { PRELIM_BANKS: folder } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const { stdout } = result;
    expect(stdout).toContain(
      [
        "basic  A basic bank  4 questions",
        `  file    ${path.join(folder, "basic.yaml")}`,
        "  topics  testing 4, geography 1",
        "  kinds   choice 1, true-false 1, statements 1, pairs 1",
      ].join("\n"),
    );
    expect(stdout).toContain(`five-mistakes  does not load: 5 errors\n  ${path.join(folder, "five-mistakes.yaml")}  (run: prelim validate ${path.join(folder, "five-mistakes.yaml")})`);
    expect(stdout).toContain(`(unreadable)  does not load: 1 error\n  ${path.join(folder, "empty.yaml")}`);
    expect(stdout).toContain("warnings  Only warnings  1 question");
    expect(stdout).not.toContain("notes.txt");
    expect(stdout).not.toContain("anchors");
  });

  it("--json gives {banks:[{id,title,file,questions,tags,kinds}]} and the broken bank's counts", async () => {
    const folder = mixedFolder();
    const result = await runPrelim(["banks", "--json"], { env: { PRELIM_BANKS: folder } });
    expect(result.status).toBe(0);
    const { banks } = JSON.parse(result.stdout) as { banks: ListedBank[] };
    const mine = banks.filter((bank) => bank.file.startsWith(folder));
    // Folder order: files by name, sub-folders searched in place.
    expect(mine.map((bank) => path.relative(folder, bank.file))).toEqual(["basic.yaml", "empty.yaml", "five-mistakes.yaml", path.join("sub", "warnings.yml")]);
    expect(mine[0]).toEqual({
      id: "basic",
      title: "A basic bank",
      file: path.join(folder, "basic.yaml"),
      questions: 4,
      tags: { testing: 4, geography: 1 },
      kinds: { choice: 1, "true-false": 1, statements: 1, pairs: 1 },
      warnings: 0,
    });
    expect(mine[1]).toEqual({ file: path.join(folder, "empty.yaml"), errors: 1, warnings: 0 });
    expect(mine[2]).toEqual({ file: path.join(folder, "five-mistakes.yaml"), id: "five-mistakes", errors: 5, warnings: 1 });
    expect(mine[3]).toMatchObject({ id: "warnings", questions: 1, warnings: 3 });
    // Built-in banks come after, whatever they are.
    expect(banks.slice(0, 4)).toEqual(mine);
  });

  it("lists the data dir's own banks, and the built-in ones without failing", async () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, "banks"));
    fs.writeFileSync(path.join(home, "banks", "mine.yaml"), readFixture("valid", "anchors.yaml"));
    const result = await runPrelim(["banks", "--json"], { home });
    expect(result.status).toBe(0);
    const { banks } = JSON.parse(result.stdout) as { banks: ListedBank[] };
    // The data dir's banks come before the built-in ones, whatever those are.
    expect(banks[0]).toMatchObject({ id: "anchors", file: path.join(home, "banks", "mine.yaml"), questions: 2 });
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("takes paths and bank ids, and says when nothing is found (an unknown id: see validate.test.ts)", async () => {
    const folder = mixedFolder();
    const cwd = tempFiles({ "local/basic.yaml": readFixture("valid", "basic.yaml") });
    const byPath = await runPrelim(["banks", "--json", "local"], { cwd, env: { PRELIM_BANKS: folder } });
    expect((JSON.parse(byPath.stdout) as { banks: ListedBank[] }).banks).toEqual([expect.objectContaining({ id: "basic", file: path.join("local", "basic.yaml") })]);

    const byId = await runPrelim(["banks", "--json", "warnings"], { cwd, env: { PRELIM_BANKS: folder } });
    expect(byId.status).toBe(0);
    expect((JSON.parse(byId.stdout) as { banks: ListedBank[] }).banks).toEqual([
      expect.objectContaining({ id: "warnings", file: path.join(folder, "sub", "warnings.yml") }),
    ]);

    fs.mkdirSync(path.join(cwd, "nothing"));
    const empty = await runPrelim(["banks", "nothing"], { cwd });
    expect(empty.status).toBe(0);
    expect(empty.stdout).toBe("No banks found in nothing.\n");
  });
});
