// prelim init: the starter's bank validates, and every prelim step of its workflow passes when run here.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { validateXML } from "xmllint-wasm";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { runPrelim, tempDir } from "./helpers.js";

interface Workflow {
  jobs: Record<string, { steps: { run?: string; uses?: string }[]; env?: Record<string, string> }>;
}

describe("prelim init", () => {
  it("writes a starter whose bank validates strictly and whose workflow steps pass", async () => {
    const cwd = tempDir();
    const result = await runPrelim(["init", "repo"], { cwd });
    expect(result.status).toBe(0);
    const root = path.join(cwd, "repo");
    for (const file of ["banks/example.yaml", "answers/example.answers.yaml", "schema/bank.schema.json", ".github/workflows/prelim.yml", "README.md", ".gitignore"]) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(fs.readFileSync(path.join(root, "banks/example.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/bank.schema.json");
    expect(fs.readFileSync(path.join(root, "answers/example.answers.yaml"), "utf8").startsWith("# prelim answers")).toBe(true);

    const banks = await runPrelim(["banks", "--json", root], { cwd: root });
    const listed = JSON.parse(banks.stdout) as { banks: { id: string; questions: number; kinds: Record<string, number> }[] };
    expect(listed.banks.map((bank) => bank.id)).toEqual(["example"]);
    expect(Object.keys(listed.banks[0]?.kinds ?? {}).sort()).toEqual(["assertion", "choice", "match", "pairs", "statements", "true-false"]);

    const workflow = parse(fs.readFileSync(path.join(root, ".github/workflows/prelim.yml"), "utf8")) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.uses ?? step.run)).toContain("actions/checkout@v4");
    const commands = steps.flatMap((step) => (step.run?.startsWith("prelim ") ? [step.run] : []));
    expect(commands.map((command) => command.split(" ")[1])).toEqual(["validate", "mock"]);
    expect(commands[0]).toContain("--reporter github");
    expect(commands[1]).toContain("--reporter junit");
    for (const command of commands) {
      const run = await runPrelim(command.split(" ").slice(1), { cwd: root, env: { GITHUB_WORKSPACE: root } });
      expect(run.status, `${command}\n${run.output}`).toBe(0);
    }
    const report = fs.readFileSync(path.join(root, "prelim-report.xml"), "utf8");
    const checked = await validateXML({ xml: { fileName: "r.xml", contents: report }, schema: { fileName: "JUnit.xsd", contents: fs.readFileSync(path.join(FIXTURES, "junit-xsd", "JUnit.xsd"), "utf8") } });
    expect(checked.errors).toEqual([]);
    expect(report).toContain('tests="7" failures="0"');
  });

  it("writes nothing when a starter file exists, unless --force", async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, "README.md"), "mine\n");
    const refused = await runPrelim(["init"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("README.md exists already");
    expect(fs.readdirSync(cwd)).toEqual(["README.md"]);
    const forced = await runPrelim(["init", "--force"], { cwd });
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(path.join(cwd, "README.md"), "utf8")).toContain("# Question banks");
  });
});
