import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { UPSC_MARKING } from "../../src/core/question.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { renderJunit } from "../../src/report/junit.js";
import { answered, HOSTILE, RAW_CONTROL, sampleResult } from "./report-fixtures.js";

interface Attributes {
  [name: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { testsuites: Attributes & { testsuite: (Attributes & { testcase: Attributes[] })[] } };
}

describe("JUnit report", () => {
  const xml = renderJunit(sampleResult());
  const { testsuites } = parse(xml);

  it("counts tests, failures and skips for the run and for each bank", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    // Ant's schema allows no attribute on <testsuites>: readers count from the suites.
    expect(Object.keys(testsuites).filter((key) => key.startsWith("@"))).toEqual([]);
    expect(testsuites.testsuite.map((suite) => [suite["@name"], suite["@tests"], suite["@failures"], suite["@skipped"], suite["@errors"], suite["@time"]])).toEqual([
      ["history", "3", "1", "1", "0", "400.000"],
      ["geography", "3", "1", "1", "0", "0.000"],
    ]);
  });

  it("names each case bank/id and the start of the question, with the bank as classname", () => {
    const [history, geography] = testsuites.testsuite;
    expect(history?.testcase.map((c) => c["@name"])).toEqual([
      "history/plain Question plain?",
      `history/hostile Pick <one> & "quote" 'apos' ]]> # hash \\ back next line ^[[…`,
      "history/skipped Question skipped?",
    ]);
    expect(geography?.testcase.every((c) => c["@classname"] === "geography")).toBe(true);
    expect(history?.testcase[0]?.["@time"]).toBe("30.000");
  });

  it("has a failure for a wrong answer with the choice and the right answer, skipped for an unanswered one", () => {
    const [history, geography] = testsuites.testsuite;
    const failure = history?.testcase[1]?.failure as Attributes & { "#text": string };
    expect(failure["@message"]).toBe("chose a; right answer b");
    expect(failure["#text"]).toContain("Answer: (b) b <option>");
    expect(failure["#text"]).toContain("Marks: -0.66");
    const past = geography?.testcase[1]?.failure as Attributes & { "#text": string };
    expect(past["@message"]).toBe("chose e; right answer a");
    expect(past["#text"]).toContain("Chose: (e) not an option");
    expect(history?.testcase[2]).toHaveProperty("skipped");
    expect(history?.testcase[0]).not.toHaveProperty("failure");
    expect(history?.testcase[0]).not.toHaveProperty("skipped");
  });

  it("keeps the bank's score and the warnings", () => {
    const [history] = testsuites.testsuite;
    const properties = (history?.properties as { property: Attributes[] }).property;
    expect(properties.map((p) => [p["@name"], p["@value"]])).toEqual([
      ["score", "1.34"],
      ["maxScore", "6"],
      ["seed", "7"],
      ["total.score", "2.68"],
      ["total.maxScore", "12"],
      ["total.percent", "22.33"],
      ["total.correct", "2"],
      ["total.wrong", "2"],
      ["total.unanswered", "2"],
      ["total.passMark", "50%"],
      ["total.passScore", "6"],
      ["total.passed", "false"],
    ]);
    expect(history?.["system-err"]).toContain("geography/past: e is not an option (a–b); counted as wrong");
  });

  it("writes nothing raw that XML 1.0 or a terminal would choke on", () => {
    expect(xml).not.toMatch(RAW_CONTROL);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/);
    expect(xml).not.toContain("]]>");
    expect(xml).toContain("^[[2J");
    expect(xml).toContain("\\u{9b}");
    expect(HOSTILE).toMatch(RAW_CONTROL);
  });

  it("is a valid empty report for an empty paper, keeping its warnings", () => {
    const empty = parse(renderJunit(scoreAttempt([], UPSC_MARKING, { warnings: ["nothing matched"] })));
    expect(empty.testsuites.testsuite[0]?.["@tests"]).toBe("0");
    expect(empty.testsuites.testsuite[0]?.["system-err"]).toBe("nothing matched");
  });

  it("has a time of 0 when none was measured, and a timestamp and host all the same", () => {
    const untimed = parse(renderJunit(scoreAttempt([answered("q1", "a")], UPSC_MARKING)));
    const [suite] = untimed.testsuites.testsuite;
    expect(suite?.["@time"]).toBe("0.000");
    expect(suite?.testcase[0]?.["@time"]).toBe("0.000");
    expect([suite?.["@timestamp"], suite?.["@hostname"]]).toEqual(["1970-01-01T00:00:00", "localhost"]);
  });

  it("takes the host and time it is given, else the attempt's submit time", () => {
    const submitted = scoreAttempt([answered("q1", "a")], UPSC_MARKING, { submittedAt: new Date("2026-01-02T03:04:05.678Z") });
    expect(parse(renderJunit(submitted)).testsuites.testsuite[0]?.["@timestamp"]).toBe("2026-01-02T03:04:05");
    const given = parse(renderJunit(submitted, { hostname: "runner <1>", timestamp: new Date("2026-05-06T07:08:09Z") })).testsuites.testsuite[0];
    expect([given?.["@timestamp"], given?.["@hostname"]]).toEqual(["2026-05-06T07:08:09", "runner <1>"]);
  });
});
