// The README's option table must not promise an option the CLI does not have.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/fixtures.js";
import { runPrelim } from "./helpers.js";

const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const COMMANDS = ["practice", "review", "mock", "stats", "banks", "validate", "config"];

describe("README options", () => {
  it("documents only options that some command's --help lists", async () => {
    const documented = [...readme.matchAll(/^\| `(-[^`]*)`/gm)].flatMap((match) => (match[1] ?? "").match(/--[a-z-]+/g) ?? []);
    expect(documented.length).toBeGreaterThanOrEqual(8);
    const helps = await Promise.all([runPrelim(["--help"]), ...COMMANDS.map((command) => runPrelim([command, "--help"]))]);
    const help = helps.map((run) => run.stdout).join("\n");
    for (const option of new Set(documented)) expect(help, option).toContain(option);
  });
});
