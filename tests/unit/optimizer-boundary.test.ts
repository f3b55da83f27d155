// The FSRS optimizer's binary is loaded by `prelim optimize` alone: one file of ours imports the
// binding, and only the optimize command imports that file. Start-up of every other command stays
// as it was.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

const files = sourceFiles(path.join(REPO_ROOT, "src")).map((file) => ({ name: path.relative(REPO_ROOT, file), text: fs.readFileSync(file, "utf8") }));

describe("the FSRS optimizer boundary", () => {
  it("is imported by one module, which only the optimize command imports", () => {
    expect(files.filter((file) => file.text.includes('from "@open-spaced-repetition/binding"')).map((file) => file.name)).toEqual(["src/core/fsrs-optimizer.ts"]);
    expect(files.filter((file) => /from "[./]+(core\/)?fsrs-optimizer\.js"/.test(file.text) && !/^\s*import type/m.test(file.text.split("fsrs-optimizer.js")[0]?.split("\n").at(-1) ?? "")).map((file) => file.name)).toEqual(["src/commands/optimize/optimize.ts"]);
  });

  it("is reached from the program only through the optimize command's lazy import", () => {
    const command = files.find((file) => file.name === "src/commands/optimize/command.ts")?.text ?? "";
    expect(command).toContain('await import("./optimize.js")');
    expect(files.filter((file) => file.text.includes("optimize/optimize.js")).map((file) => file.name)).toEqual([]);
  });
});
