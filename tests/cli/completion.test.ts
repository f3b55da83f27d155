// prelim completion: each script's syntax checked by its shell, and the bash function's answers for a
// few prefixes, with bank ids and tags from a real prelim.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runPrelim, tempDir } from "./helpers.js";

function installed(shell: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;
}

async function script(shell: string): Promise<string> {
  const result = await runPrelim(["completion", shell]);
  expect(result.status).toBe(0);
  const file = path.join(tempDir(), `prelim.${shell}`);
  fs.writeFileSync(file, result.stdout);
  return file;
}

describe.each(["bash", "zsh", "fish"])("prelim completion %s", (shell) => {
  it.runIf(installed(shell))(`passes ${shell} -n`, async () => {
    const checked = spawnSync(shell, ["-n", await script(shell)], { encoding: "utf8" });
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
  });

  it("names every command", async () => {
    const text = fs.readFileSync(await script(shell), "utf8");
    for (const name of ["practice", "review", "mock", "stats", "banks", "validate", "import", "export", "init", "completion"]) expect(text).toContain(name);
    expect(text).toContain("prelim completion --list banks");
    expect(text).toContain("prelim completion --list tags");
  });
});

describe("the bash completion function", () => {
  async function complete(line: string): Promise<string[]> {
    // A prelim on PATH, as the script calls it; temp folders live for one test.
    const bin = tempDir();
    fs.writeFileSync(path.join(bin, "prelim"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const home = tempDir();
    const file = await script("bash");
    const words = line.split(" ");
    const program = `source "${file}"; COMP_WORDS=(${words.map((item) => `'${item}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _prelim; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", program], { encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH ?? ""}`, PRELIM_HOME: home, PRELIM_BANKS: "" }, cwd: tempDir() });
    expect(result.stderr).toBe("");
    return result.stdout.split("\n").filter((item) => item !== "");
  }

  it("completes commands, options and option values", async () => {
    expect(await complete("prelim ex")).toEqual(["export"]);
    expect(await complete("prelim mock --pa")).toEqual(["--pass-mark"]);
    expect(await complete("prelim mock --reporter j")).toEqual(["json", "junit"]);
    expect(await complete("prelim validate --reporter g")).toEqual(["github"]);
    expect(await complete("prelim export x --format a")).toEqual(["anki", "aiken"]);
    expect(await complete("prelim completion f")).toEqual(["fish"]);
    expect(await complete("prelim --data-dir d mo")).toEqual(["mock"]);
  });

  it("completes bank ids and tags from the banks found", async () => {
    expect(await complete("prelim practice sen")).toEqual(["senkaku-2010"]);
    expect(await complete("prelim review --topic urban")).toEqual(["urban-mining"]);
  });

  it("lists bank ids and tags in-process", async () => {
    const banks = await runPrelim(["completion", "--list", "banks"]);
    expect(banks.stdout.split("\n")).toContain("senkaku-2010");
    const unknown = await runPrelim(["completion", "tcsh"]);
    expect(unknown.status).toBe(2);
  });
});
