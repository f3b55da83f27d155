// The CLI's chunks load with the V8 code cache the build made (src/code-cache.ts), and a cache that V8
// refuses, or none, changes nothing but the time. Each case runs in a process of its own: installing
// the loader patches CommonJS compilation for the whole process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { tempDir } from "./helpers.js";

const DIST = path.join(REPO_ROOT, "dist");
const LOADER = path.join(DIST, "code-cache.cjs");

/** Runs `code` in a fresh node after installing the loader on `dist`; what it loaded, and how. */
function run(dist: string, code: string, args: readonly string[] = [], env: Record<string, string> = {}) {
  const script =
    `const loads = []; require(${JSON.stringify(LOADER)}).installCodeCache(${JSON.stringify(dist)}, process.argv.slice(1), { onLoad: (file, cache) => loads.push([require("node:path").basename(file), cache]) });` +
    `process.on("exit", () => process.stderr.write("LOADS " + JSON.stringify(loads) + "\\n"));${code}`;
  const result = spawnSync(process.execPath, ["-e", script, "--", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", PRELIM_BANKS: "", ...env } });
  const line = result.stderr.split("\n").find((text) => text.startsWith("LOADS ")) ?? "LOADS []";
  return { status: result.status, stdout: result.stdout, loads: JSON.parse(line.slice("LOADS ".length)) as [string, string][] };
}

describe("the code cache", () => {
  it("is taken by V8 for every chunk a command loads", () => {
    for (const args of [["stats"], ["banks"], ["--version"], ["validate", path.join(REPO_ROOT, "tests", "fixtures", "session", "banks", "daily.yaml")]]) {
      const result = run(DIST, `process.argv.splice(1, 0, "prelim"); require(${JSON.stringify(path.join(DIST, "cli.cjs"))});`, args, { PRELIM_HOME: tempDir() });
      expect(result.status, args.join(" ")).toBe(0);
      // --version loads cli.cjs alone, which is not named by its content (below).
      if (args[0] === "--version") expect(result.loads).toEqual([]);
      else expect(result.loads.length).toBeGreaterThan(3);
      expect(result.loads.filter(([, cache]) => cache !== "used"), args.join(" ")).toEqual([]);
    }
  });

  it("is made at exit with what ran, used the next time, and a damaged or missing one only costs time", () => {
    const dist = tempDir();
    // Named as the bundler names chunks, by their content.
    fs.writeFileSync(path.join(dist, "chunk-Ab12Cd34.cjs"), "exports.answer = () => 6 * 7;\nexports.other = require('./other-Ef56_h78.cjs').name;\n");
    fs.writeFileSync(path.join(dist, "other-Ef56_h78.cjs"), "exports.name = __filename;\n");
    const use = `const chunk = require(${JSON.stringify(path.join(dist, "chunk-Ab12Cd34.cjs"))}); console.log(chunk.answer(), chunk.other);`;
    // None yet: compiled as usual.
    const none = run(dist, use);
    expect(none.stdout.trim()).toBe(`42 ${path.join(dist, "other-Ef56_h78.cjs")}`);
    expect(none.loads).toEqual([["chunk-Ab12Cd34.cjs", "none"], ["other-Ef56_h78.cjs", "none"]]);
    // Made at exit, into the folder given.
    const cache = path.join(dist, "code-cache", "default");
    const made = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(LOADER)}).installCodeCache(${JSON.stringify(dist)}, [], { produce: ${JSON.stringify(cache)} }); ${use}`], { encoding: "utf8" });
    expect(made.stdout.trim()).toMatch(/^42 /);
    expect(fs.readdirSync(cache).sort()).toEqual(["chunk-Ab12Cd34.cjs.bin", "other-Ef56_h78.cjs.bin"]);
    expect(run(dist, use).loads).toEqual([["chunk-Ab12Cd34.cjs", "used"], ["other-Ef56_h78.cjs", "used"]]);
    // Damaged, or made for other code: refused by V8, and the chunk runs all the same.
    fs.writeFileSync(path.join(cache, "chunk-Ab12Cd34.cjs.bin"), "not a code cache");
    fs.appendFileSync(path.join(dist, "other-Ef56_h78.cjs"), "exports.more = 1;\n");
    const refused = run(dist, use);
    expect(refused.stdout.trim()).toBe(`42 ${path.join(dist, "other-Ef56_h78.cjs")}`);
    expect(refused.loads).toEqual([["chunk-Ab12Cd34.cjs", "rejected"], ["other-Ef56_h78.cjs", "rejected"]]);
  });

  it("is never taken for a file not named by its content: V8 would run a stale cache of a file of the same length", () => {
    const dist = tempDir();
    const file = path.join(dist, "entry.cjs");
    fs.writeFileSync(file, "exports.answer = () => 6 * 7;\n");
    const use = `console.log(require(${JSON.stringify(file)}).answer());`;
    const cache = path.join(dist, "code-cache", "default");
    spawnSync(process.execPath, ["-e", `require(${JSON.stringify(LOADER)}).installCodeCache(${JSON.stringify(dist)}, [], { produce: ${JSON.stringify(cache)} }); ${use}`]);
    expect(fs.existsSync(cache) ? fs.readdirSync(cache) : []).toEqual([]);
    // Rebuilt under the same name and length: the new code runs.
    fs.writeFileSync(file, "exports.answer = () => 6 * 8;\n");
    const result = run(dist, use);
    expect(result.stdout.trim()).toBe("48");
    expect(result.loads).toEqual([]);
  });

  it("takes the cache of the command the arguments name, or the default one", () => {
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, "chunk-Ab12Cd34.cjs"), "exports.answer = 42;\n");
    const use = `console.log(require(${JSON.stringify(path.join(dist, "chunk-Ab12Cd34.cjs"))}).answer);`;
    const root = path.join(dist, "code-cache");
    spawnSync(process.execPath, ["-e", `require(${JSON.stringify(LOADER)}).installCodeCache(${JSON.stringify(dist)}, [], { produce: ${JSON.stringify(path.join(root, "default"))} }); ${use}`]);
    // The folder of "stats" holds a cache V8 refuses: seen as refused when, and only when, stats runs.
    fs.mkdirSync(path.join(root, "stats"));
    fs.writeFileSync(path.join(root, "stats", "chunk-Ab12Cd34.cjs.bin"), "refused");
    expect(run(dist, use, ["stats", "--json"]).loads).toEqual([["chunk-Ab12Cd34.cjs", "rejected"]]);
    expect(run(dist, use, ["--data-dir", "x", "stats"]).loads).toEqual([["chunk-Ab12Cd34.cjs", "used"]]);
    expect(run(dist, use, ["banks"]).loads).toEqual([["chunk-Ab12Cd34.cjs", "used"]]);
    expect(run(dist, use, ["--version"]).loads).toEqual([["chunk-Ab12Cd34.cjs", "used"]]);
    expect(run(dist, use, ["../stats"]).loads).toEqual([["chunk-Ab12Cd34.cjs", "used"]]);
  });

  it("leaves files outside dist/ to Node", () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, "plain.cjs"), "exports.value = 1;\n");
    const result = run(DIST, `console.log(require(${JSON.stringify(path.join(outside, "plain.cjs"))}).value);`);
    expect(result.stdout.trim()).toBe("1");
    expect(result.loads).toEqual([]);
  });
});
