import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { renderReport, REPORTER_NAMES } from "../../src/report/index.js";
import { parseReporterName } from "../../src/commands/mock/options.js";
import { RAW_CONTROL, sampleResult } from "./report-fixtures.js";

describe("renderReport", () => {
  const result = sampleResult();

  it.each(REPORTER_NAMES)("%s: ends in a newline and writes no raw control character from a bank", (name) => {
    const text = renderReport(name, result);
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toMatch(RAW_CONTROL);
  });

  it("picks the reporter by name", () => {
    expect(renderReport("tap", result).startsWith("TAP version 14\n")).toBe(true);
    expect(renderReport("junit", result).startsWith("<?xml")).toBe(true);
    expect(JSON.parse(renderReport("json", result))).toHaveProperty("score", 2.68);
    expect(renderReport("pretty", result).startsWith("Mock test scorecard\n")).toBe(true);
  });

  it("parses --reporter, saying what is allowed", () => {
    expect(parseReporterName("junit")).toBe("junit");
    expect(() => parseReporterName("xml")).toThrow(UsageError);
    expect(() => parseReporterName("xml")).toThrow('--reporter "xml" is not a reporter: use one of pretty, json, junit, tap');
  });
});
