// prelim import and prelim export in-process: Moodle's fixtures into banks that validate, a file never
// replaced without --force, and exports that read back (Anki's headers and columns, CSV and GIFT again).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO_ROOT } from "../fixtures/fixtures.js";
import { RAW_CONTROL, runPrelim, tempDir } from "./helpers.js";

const IMPORTS = path.join(FIXTURES, "import");
const BUILT_IN = path.join(REPO_ROOT, "questions");

describe("prelim import", () => {
  it.each([
    ["moodle-questions.aiken.txt", 2],
    ["moodle-questions.gift.txt", 5],
    ["moodle-nested_categories_with_questions.xml", 4],
    ["hostile.moodle.xml", 2],
  ])("imports Moodle's %s into a bank that validates", async (name, count) => {
    const cwd = tempDir();
    const result = await runPrelim(["import", path.join(IMPORTS, name), "-o", "bank.yaml"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`prelim: imported ${count} question`);
    expect(result.output).not.toMatch(RAW_CONTROL);
    const validate = await runPrelim(["validate", path.join(cwd, "bank.yaml")], { cwd });
    expect(validate.status).toBe(0);
    expect(validate.stdout).toMatch(new RegExp(`1 file, ${count} questions?: 0 errors`));
  });

  it("names the bank after the file, lists what was left out, and never replaces a file without --force", async () => {
    const cwd = tempDir();
    const gift = path.join(IMPORTS, "moodle-questions.gift.txt");
    const first = await runPrelim(["import", gift], { cwd });
    expect(first.status).toBe(0);
    const text = fs.readFileSync(path.join(cwd, "moodle-questions.yaml"), "utf8");
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/bank\.schema\.json\n/);
    expect(text).toContain("id: moodle-questions\n");
    expect(first.stderr).toContain("prelim: left out (line 5): a matching question");
    fs.writeFileSync(path.join(cwd, "moodle-questions.yaml"), "mine");
    const again = await runPrelim(["import", gift], { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("prelim: moodle-questions.yaml exists already");
    expect(fs.readFileSync(path.join(cwd, "moodle-questions.yaml"), "utf8")).toBe("mine");
    const forced = await runPrelim(["import", gift, "--force"], { cwd });
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(path.join(cwd, "moodle-questions.yaml"), "utf8")).toBe(text);
  });

  it("writes to standard output with -o -, and exits 2 on a DOCTYPE, 1 when the bank has errors", async () => {
    const out = await runPrelim(["import", path.join(IMPORTS, "moodle-questions.aiken.txt"), "-o", "-", "--id", "moodle"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("id: moodle\n");
    const doctype = await runPrelim(["import", path.join(IMPORTS, "doctype.moodle.xml")]);
    expect(doctype.status).toBe(2);
    expect(doctype.stderr).toContain("<!DOCTYPE>");
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, "dup.csv"), "question,a,b,answer\nSame?,x,x,a\n");
    const duplicate = await runPrelim(["import", "dup.csv"], { cwd });
    expect(duplicate.status).toBe(1);
    expect(duplicate.stdout).toContain("dup.yaml:");
  });
});

function ankiRows(text: string): { headers: string[]; rows: string[][] } {
  const lines = text.split("\n").filter((line) => line !== "");
  return { headers: lines.filter((line) => line.startsWith("#")), rows: lines.filter((line) => !line.startsWith("#")).map((line) => line.split("\t")) };
}

describe("prelim export", () => {
  it("anki: the headers Anki's manual lists, four columns, bank/id as a GUID that stays the same", async () => {
    const cwd = tempDir();
    const result = await runPrelim(["export", BUILT_IN, "--format", "anki", "-o", "notes.txt"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("prelim: exported 121 questions from 9 banks to notes.txt (anki)");
    const text = fs.readFileSync(path.join(cwd, "notes.txt"), "utf8");
    const { headers, rows } = ankiRows(text);
    expect(headers).toEqual(["#separator:tab", "#html:true", "#notetype:Basic", "#columns:GUID\tFront\tBack\tTags", "#guid column:1", "#tags column:4"]);
    expect(rows).toHaveLength(121);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    const guids = rows.map((row) => row[0]);
    expect(new Set(guids).size).toBe(121);
    expect(guids).toContain("senkaku-2010/embargo-trigger");
    expect(rows.every((row) => !(row[1] ?? "").startsWith('"') && !(row[2] ?? "").includes("\n"))).toBe(true);
    const again = await runPrelim(["export", BUILT_IN, "--format", "anki"], { cwd });
    expect(again.stdout).toBe(text);
    const refused = await runPrelim(["export", BUILT_IN, "--format", "anki", "-o", "notes.txt"], { cwd });
    expect(refused.status).toBe(2);
  });

  it("csv: imports back into a bank with the same questions and answers", async () => {
    const cwd = tempDir();
    expect((await runPrelim(["export", BUILT_IN, "--format", "csv", "-o", "all.csv"], { cwd })).status).toBe(0);
    const imported = await runPrelim(["import", "all.csv", "-o", "all.yaml"], { cwd });
    expect(imported.status).toBe(0);
    const banks = await runPrelim(["banks", path.join(cwd, "all.yaml"), "--json"], { cwd });
    expect((JSON.parse(banks.stdout) as { banks: { questions: number }[] }).banks[0]?.questions).toBe(121);
  });

  it("gift and aiken: import back; Aiken names the several-answer questions it cannot hold", async () => {
    const cwd = tempDir();
    expect((await runPrelim(["export", BUILT_IN, "--format", "gift", "-o", "all.gift"], { cwd })).status).toBe(0);
    const gift = await runPrelim(["import", "all.gift", "-o", "gift.yaml"], { cwd });
    expect(gift.status).toBe(0);
    expect(gift.stderr).toContain("prelim: imported 121 questions");
    const aiken = await runPrelim(["export", BUILT_IN, "--format", "aiken", "-o", "all.aiken.txt"], { cwd });
    expect(aiken.status).toBe(0);
    const left = aiken.stderr.split("\n").filter((line) => line.startsWith("prelim: left out"));
    const back = await runPrelim(["import", "all.aiken.txt", "-o", "aiken.yaml"], { cwd });
    expect(back.status).toBe(0);
    expect(back.stderr).toContain(`prelim: imported ${121 - left.length} questions`);
  });

  it("asks for --format and refuses a broken bank", async () => {
    expect((await runPrelim(["export", BUILT_IN])).status).toBe(2);
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, "bad.yaml"), "id: bad\n");
    const broken = await runPrelim(["export", "bad.yaml", "--format", "gift"], { cwd });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain("cannot export");
  });

  it("has help with examples", async () => {
    for (const name of ["import", "export"]) {
      const help = await runPrelim([name, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("Examples:");
    }
  });
});
