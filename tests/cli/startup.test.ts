// What keeps start-up fast, seen from outside: the built-in banks come parsed with the build, a bank
// of the learner's own is parsed once, then cached in the data dir, and a command loads only the code
// it uses (the bundle's chunks, dist/chunks.json, say which modules each file holds).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { readLoads, recordLoads, runPrelim, spawnPrelim, tempDir, type Loads } from "./helpers.js";

describe("bank loading at start-up", () => {
  it("parses none of the built-in banks on a fresh data dir (they come parsed with the build)", () => {
    const home = tempDir();
    const run = spawnPrelim(["banks", "--json"], { env: { PRELIM_HOME: home } });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).banks.length).toBeGreaterThanOrEqual(5);
    expect(fs.existsSync(path.join(home, "cache", "banks.json"))).toBe(false);
  });

  it("caches a bank of the learner's own after the first load, and sees an edit", () => {
    const home = tempDir();
    const banks = tempDir();
    const file = path.join(banks, "mine.yaml");
    fs.copyFileSync(path.join(REPO_ROOT, "questions", "senkaku-2010.yaml"), file);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^id: senkaku-2010$/m, "id: mine"));
    const first = spawnPrelim(["banks", "--json", file], { env: { PRELIM_HOME: home } });
    expect(first.status).toBe(0);
    expect(fs.existsSync(path.join(home, "cache", "banks.json"))).toBe(true);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Edited title"));
    const second = spawnPrelim(["banks", "--json", file], { env: { PRELIM_HOME: home } });
    expect(JSON.parse(second.stdout).banks[0].title).toBe("Edited title");
  });
});

/** The files a run loaded (relative to the repo), the modules they hold (src/… and package names) and the Node builtins. */
function loadsOf(args: readonly string[], home = tempDir()): Loads {
  const record = path.join(tempDir(), "loads.txt");
  const run = spawnPrelim(args, { home, env: recordLoads(record) });
  expect(run.status, run.stderr).toBe(0);
  return readLoads(record);
}

describe("what a command loads", () => {
  it("--version reads the executable, the code cache's loader and one bundled file, nothing else", () => {
    const { files, packages } = loadsOf(["--version"]);
    expect(files).toEqual(["bin/prelim.js", "dist/code-cache.cjs", "dist/cli.cjs"]);
    expect(packages).toEqual([]);
  });

  it("takes every package from the bundle, none from node_modules", () => {
    const { files } = loadsOf(["stats"]);
    expect(files.filter((file) => !file.startsWith("dist/") && file !== "bin/prelim.js")).toEqual([]);
  });

  it.each([
    ["banks", ["banks"]],
    ["stats on an empty store", ["stats"]],
  ])("%s loads no yaml, Inquirer, conf, XML parser or spinner", (_name, args) => {
    const { packages, sources } = loadsOf(args);
    expect(packages.filter((name) => /^(yaml|@inquirer\/.*|conf|ajv|fast-xml-parser|ora)$/.test(name))).toEqual([]);
    expect(sources.filter((file) => file.startsWith("src/ui/") && /prompt/.test(file))).toEqual([]);
  });

  it.each([["--version"], ["banks"], ["stats"], ["--help"]])("%s starts no child_process (commander requires it only to spawn)", (args) => {
    expect(loadsOf([args]).builtins).not.toContain("child_process");
  });

  it.each([["banks"], ["stats"]])("%s reads no bank file to hash it when the banks are unchanged (no node:crypto)", (args) => {
    // The built-in banks' stamps come with the build; a bank of the learner's own has its stamp kept in the data dir.
    expect(loadsOf([args]).builtins).not.toContain("crypto");
  });

  it.each([["banks"], ["stats"], ["validate", path.join(REPO_ROOT, "questions")]])("%s never asks for standard input (process.stdin is made on first use)", async (...args) => {
    const run = await runPrelim(args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdinOpened).toBe(false);
  });

  it("banks loads neither the scheduler (ts-fsrs) nor the progress store", () => {
    const { packages, sources } = loadsOf(["banks"]);
    expect(packages).not.toContain("ts-fsrs");
    expect(sources.filter((file) => file.startsWith("src/store/") && file !== "src/store/setting-definitions.ts")).toEqual([]);
  });

  it("a scripted practice with a plain answer file loads neither yaml nor Inquirer; another shape loads yaml", () => {
    const dir = tempDir();
    const bank = path.join(REPO_ROOT, "questions", "senkaku-2010.yaml");
    const run = (text: string) => {
      const answers = path.join(dir, `answers-${text.length}.yaml`);
      fs.writeFileSync(answers, text);
      return loadsOf(["practice", bank, "--answers", answers, "--reporter", "tap", "--no-record"]).packages;
    };
    const plain = run("# prelim answers\nsenkaku-2010-q1: a\nsenkaku-2010-q2: [a, c]\n");
    expect(plain.filter((name) => name === "yaml" || name.startsWith("@inquirer/"))).toEqual([]);
    expect(run('senkaku-2010-q1: "a"\n')).toContain("yaml");
  });
});
