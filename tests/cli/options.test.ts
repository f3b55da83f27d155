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
    expect(result.stderr).toContain("there is no command or bank 'stat'. Did you mean stats?");
    expect(result.stderr).toContain("prelim stats --help");
  });

  it.each([
    ["practise", "practice"],
    ["reviw", "review"],
    ["valdate", "validate"],
  ])("takes %s for the command %s, not for a bank id", async (typed, meant) => {
    const result = await runPrelim([typed]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Did you mean ${meant}?`);
    expect(result.stderr).not.toContain("no bank file");
  });

  it("a word close to no command is still read as a bank id, with the nearest bank", async () => {
    const unknown = await runPrelim(["no-such-bank"]);
    expect(unknown.stderr).toContain("no bank file, folder or bank id 'no-such-bank'");
    const near = await runPrelim(["urban-minng"]);
    expect(near.stderr).toContain("no bank file, folder or bank id 'urban-minng'; did you mean urban-mining?");
  });

  it("knows every command the program registers", async () => {
    const { COMMAND_NAMES } = await import("../../src/commands/command-names.js");
    const help = (await runPrelim(["--help"])).stdout;
    const listed = [...help.slice(help.indexOf("Commands:")).matchAll(/^  (\w+)\b/gm)].map((match) => match[1]).filter((name) => name !== "help");
    expect([...listed].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});

describe("which commands a run defines", () => {
  it("defines just the command its first word names, after the program's own options", async () => {
    const { commandsFor } = await import("../../src/program.js");
    expect(commandsFor(["banks", "--json"])).toEqual(["banks"]);
    expect(commandsFor(["--data-dir", "/tmp/x", "--debug", "stats"])).toEqual(["stats"]);
    expect(commandsFor(["--data-dir=/tmp/x", "mock", "-n", "5"])).toEqual(["mock"]);
    expect(commandsFor([])).toEqual(["practice"]);
    expect(commandsFor(["--debug"])).toEqual(["practice"]);
  });

  it("defines them all for help, completion, a mistyped command and options before the word", async () => {
    const { COMMAND_NAMES } = await import("../../src/commands/command-names.js");
    const { commandsFor } = await import("../../src/program.js");
    for (const args of [["--help"], ["help", "banks"], ["completion", "bash"], ["practise"], ["senkaku-2010"], ["-n", "5", "banks"]]) {
      expect([...commandsFor(args)].sort(), args.join(" ")).toEqual([...COMMAND_NAMES].sort());
    }
  });

  it("prints a command's help the same when it is the only one defined", async () => {
    const alone = await runPrelim(["banks", "--help"]);
    const among = await runPrelim(["help", "banks"]);
    expect(alone.status).toBe(0);
    expect(alone.stdout).toBe(among.stdout);
  });
});
