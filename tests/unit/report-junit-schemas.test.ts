// The JUnit report against the three schemas CI systems publish, and read by a real JUnit reader.

import fs from "node:fs";
import path from "node:path";
import { parse as parseJunit } from "junit2json";
import { validateXML } from "xmllint-wasm";
import { describe, expect, it } from "vitest";
import { UPSC_MARKING } from "../../src/core/question.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { renderJunit } from "../../src/report/junit.js";
import { FIXTURES, REPO_ROOT } from "../fixtures/fixtures.js";
import { answered, sampleResult } from "./report-fixtures.js";

const XSD = path.join(FIXTURES, "junit-xsd");
const SCHEMAS = ["junit-10.xsd", "jenkins-junit.xsd", "JUnit.xsd"];
const META = { timestamp: new Date("2026-03-01T09:30:15.250Z"), hostname: "ci-runner-7" };

async function schemaErrors(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: "report.xml", contents: xml },
    schema: { fileName: schema, contents: fs.readFileSync(path.join(XSD, schema), "utf8") },
  });
  return result.errors.map((error) => error.rawMessage);
}

const reports: [string, string][] = [
  ["a timed paper over two banks with hostile text, warnings and a pass mark", renderJunit(sampleResult(), META)],
  ["an untimed paper from an answer file", renderJunit(scoreAttempt([answered("q1", "a"), answered("q2", "b"), answered("q3", undefined)], UPSC_MARKING), META)],
  ["an empty paper with a warning", renderJunit(scoreAttempt([], UPSC_MARKING, { warnings: ["nothing matched"] }), META)],
  ["no host or time given", renderJunit(scoreAttempt([answered("q1", "a")], UPSC_MARKING))],
];

describe.each(SCHEMAS)("JUnit report against %s", (schema) => {
  it.each(reports)("%s is valid", async (_name, xml) => {
    expect(await schemaErrors(xml, schema)).toEqual([]);
  });
});

describe("the schema copies", () => {
  it("are the ones kept in shared/xsd, where that folder is beside the repository", () => {
    const shared = path.resolve(REPO_ROOT, "..", "shared", "xsd");
    if (!fs.existsSync(shared)) return;
    for (const schema of SCHEMAS) expect(fs.readFileSync(path.join(XSD, schema), "utf8")).toBe(fs.readFileSync(path.join(shared, schema), "utf8"));
  });

  it("refuse what the old report wrote, so a pass above means something", async () => {
    const old = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="1" skipped="1"><testsuite name="b" tests="1" failures="0" errors="0"><testcase name="x"><skipped message="unanswered"/></testcase></testsuite></testsuites>\n';
    for (const schema of SCHEMAS) expect(await schemaErrors(old, schema)).not.toEqual([]);
  });
});

describe("read by junit2json", () => {
  it("counts every test, failure and skip, with the time, host and the paper's total", async () => {
    const read = await parseJunit(renderJunit(sampleResult(), META));
    if (read === undefined || read === null || !("testsuite" in read)) throw new Error("junit2json read no <testsuites>");
    const suites = read.testsuite ?? [];
    expect(suites.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors, suite.skipped, suite.time])).toEqual([
      ["history", 3, 1, 0, 1, 400],
      ["geography", 3, 1, 0, 1, 0],
    ]);
    expect(suites.map((suite) => [suite.timestamp, suite.hostname])).toEqual([
      ["2026-03-01T09:30:15", "ci-runner-7"],
      ["2026-03-01T09:30:15", "ci-runner-7"],
    ]);
    const cases = suites.flatMap((suite) => suite.testcase ?? []);
    expect(cases).toHaveLength(6);
    expect(cases.filter((item) => item.failure !== undefined)).toHaveLength(2);
    expect(cases.filter((item) => item.skipped !== undefined)).toHaveLength(2);
    expect(cases.filter((item) => item.error !== undefined)).toHaveLength(0);
    expect(cases.map((item) => item.time)).toEqual([30, 42, 5, 0, 0, 0]);
    const totals = Object.fromEntries((suites[0]?.properties ?? []).map((p) => [p.name, p.value]));
    // junit2json reads numbers as numbers.
    expect(totals).toMatchObject({ "total.score": 2.68, "total.maxScore": 12, "total.percent": 22.33, "total.passMark": "50%", "total.passScore": 6, "total.passed": "false" });
    expect(suites[0]?.["system-out"]).toEqual(["score 2.68 / 12 (22.33%); pass mark 50% (6): not passed"]);
    expect((suites[1]?.properties ?? []).map((p) => p.name)).toEqual(["score", "maxScore", "seed"]);
  });
});
