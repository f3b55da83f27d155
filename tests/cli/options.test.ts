// Options shared across commands: --json wherever output is data, and TERM=dumb named as the reason a
// session cannot prompt.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { runPrelim, tempFiles } from "./helpers.js";

const DAILY = path.join(FIXTURES, "session", "banks", "daily.yaml");

describe("--json", () => {
  it("stands for --reporter json on validate, practice, review and mock", async () => {
    const answers = path.join(tempFiles({ "answers.yaml": "{}\n" }), "answers.yaml");
    for (const args of [["validate", DAILY], ["practice", DAILY, "--answers", answers], ["review", DAILY, "--answers", answers], ["mock", DAILY, "--answers", answers, "--seed", "1"]]) {
      const result = await runPrelim([...args, "--json"]);
      expect(result.status, `${args[0]}: ${result.stderr}`).toBe(0);
      expect(() => JSON.parse(result.stdout), args[0]).not.toThrow();
    }
  });

  it("refuses --json with another --reporter", async () => {
    const result = await runPrelim(["validate", DAILY, "--json", "--reporter", "github"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--json and --reporter github");
  });
});

describe("a session without a usable terminal", () => {
  it("says which part is missing", async () => {
    const result = await runPrelim(["practice", DAILY]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("standard input is not a terminal");
    expect(result.stderr).toContain("--answers");
  });

  it("reports a mistyped command or bank before the missing terminal", async () => {
    const result = await runPrelim(["stat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no bank file, folder or bank id 'stat'");
    expect(result.stderr).toContain("prelim --help");
  });
});
