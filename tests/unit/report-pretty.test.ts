import { describe, expect, it } from "vitest";
import { UPSC_MARKING } from "../../src/core/question.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { nothingToAskReport } from "../../src/report/session.js";
import { renderPretty } from "../../src/report/pretty.js";
import type { Style } from "../../src/core/style.js";
import { plainStyle } from "../../src/core/style.js";
import { answered, RAW_CONTROL, sampleResult } from "./report-fixtures.js";

describe("pretty report", () => {
  const text = renderPretty(sampleResult());
  const lines = text.split("\n");

  it("shows the scorecard", () => {
    expect(lines).toContain("  Score       2.68 / 12 (22.33%)");
    expect(lines).toContain("  Result      NOT PASSED, pass mark 6 (50%)");
    expect(lines).toContain("  Accuracy    50% of 4 attempted");
    expect(lines).toContain("  Marks lost  1.32 to negative marking");
    expect(lines).toContain("  Time        6m 40s of 7m 12s, 1m 07s a question");
    expect(lines).toContain("  Since last  +1.68 (1 before)");
  });

  it("has a topic table with aligned columns", () => {
    const header = lines.findIndex((line) => line.trimStart().startsWith("Topic"));
    const rivers = lines.find((line) => line.trimStart().startsWith("rivers")) ?? "";
    expect(rivers.split(/\s+/).filter(Boolean)).toEqual(["rivers", "3", "2", "1", "1.34"]);
    expect(rivers.length).toBe(lines[header]?.length);
  });

  it("says whether the marked-for-review answers paid", () => {
    expect(lines).toContain("Marked for review  3: 1 correct, 1 wrong, 1 unanswered");
    expect(lines).toContain("  net +1.34: the risky attempts paid off");
    const costly = renderPretty(scoreAttempt([answered("q1", "b", { marked: true })], UPSC_MARKING));
    expect(costly).toContain("net -0.66: the risky attempts cost marks");
    expect(renderPretty(scoreAttempt([answered("q1", "a")], UPSC_MARKING))).toContain("Marked for review  none");
  });

  it("lists wrong answers and warnings, with no raw control characters", () => {
    expect(text).toContain("  x Question past?\n    geography/past  chose e, answer a");
    expect(text).toContain("! geography/past: e is not an option (a–b); counted as wrong");
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain("^[[2J");
  });

  it("colours only through the style it is given", () => {
    const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;
    const style: Style = { bold: tag("b"), dim: tag("d"), green: tag("g"), red: tag("r"), yellow: tag("y"), cyan: tag("c") };
    // Wide enough that the tags this fake style adds never make a line wrap.
    const coloured = renderPretty(sampleResult(), style, undefined, 1_000);
    expect(coloured).toContain("<r>NOT PASSED</r>");
    expect(coloured).toContain("<g>+1.68</g>");
    expect(coloured.replace(/<\/?[bcdgry]>/g, "")).toBe(renderPretty(sampleResult(), plainStyle, undefined, 1_000));
  });

  it("takes the terminal's Style from src/ui as it is", () => {
    const fromUi: Style = plainStyle;
    expect(renderPretty(sampleResult(), fromUi)).toBe(text);
  });
});

describe("the scorecard at the terminal's width", () => {
  it.each([40, 60])("fits %i columns: a three-column topic table, long lines wrapped", (width) => {
    const text = renderPretty(sampleResult(), plainStyle, undefined, width);
    const long = text.split("\n").filter((line) => Array.from(line).length > width);
    expect(long).toEqual([]);
    expect(text).toContain("Tried");
  });

  it("keeps the full table where it fits", () => {
    expect(renderPretty(sampleResult(), plainStyle, undefined, 100)).toContain("Attempted");
  });
});

describe("nothing to ask", () => {
  it("as text is wrapped to the terminal's width, and to a pipe stays one line; JSON and TAP never wrap", () => {
    const message = "No misjudged statements are due. A statement comes back here after a wrong answer to its question.";
    const wrapped = nothingToAskReport(message, "pretty", 38);
    for (const line of wrapped.trimEnd().split("\n")) expect(line.length, line).toBeLessThanOrEqual(38);
    expect(wrapped.replace(/\n\s*/g, " ").trim()).toBe(message);
    expect(nothingToAskReport(message, "pretty")).toBe(`${message}\n`);
    expect(nothingToAskReport(message, "tap", 38)).toBe(`TAP version 14\n1..0 # SKIP ${message}\n`);
    expect(JSON.parse(nothingToAskReport(message, "json", 38)).message).toBe(message);
  });
});
