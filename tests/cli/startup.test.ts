// What keeps start-up fast, seen from outside: the built-in banks come parsed with the build, and a
// bank of the learner's own is parsed once, then cached in the data dir.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { spawnPrelim, tempDir } from "./helpers.js";

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
