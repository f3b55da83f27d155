import { describe, expect, it } from "vitest";
import { tapComment, tapHeader, tapLine, tapPlan } from "../../src/report/tap.js";
import { renderTap } from "../../src/report/tap.js";
import { choice, RAW_CONTROL, sampleResult } from "./report-fixtures.js";

const TEST_POINT = /^(not )?ok (\d+) - (.*)$/;

describe("TAP report", () => {
  const result = sampleResult();
  const text = renderTap(result);
  const lines = text.trimEnd().split("\n");
  const points = lines.filter((line) => TEST_POINT.test(line));

  it("starts with the version and a plan that matches the test points", () => {
    expect(lines[0]).toBe("TAP version 14");
    expect(lines[1]).toBe(`1..${points.length}`);
    expect(points).toHaveLength(result.questions.length);
    expect(points.map((line) => Number(TEST_POINT.exec(line)?.[2]))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("fails the wrong answers and skips the unanswered ones as ok", () => {
    expect(points.filter((line) => line.startsWith("not ok"))).toHaveLength(result.wrong);
    const skips = points.filter((line) => line.endsWith(" # SKIP unanswered"));
    expect(skips).toHaveLength(result.unanswered);
    expect(skips.every((line) => line.startsWith("ok "))).toBe(true);
  });

  it("gives each failure a YAML block with what was given and the answer", () => {
    const start = lines.indexOf("not ok 5 - geography/past Question past?");
    expect(lines.slice(start + 1, start + 8)).toEqual([
      "  ---",
      '  question: "Question past?"',
      '  kind: "choice"',
      '  given: ["e"]',
      '  answer: ["a"]',
      "  marks: -0.66",
      "  ...",
    ]);
  });

  it("keeps descriptions on one line with # and \\ escaped", () => {
    const hostile = points[1] ?? "";
    expect(hostile.startsWith("not ok 2 - history/hostile Pick <one>")).toBe(true);
    expect(hostile).toContain("\\# hash \\\\ back next line");
    const description = TEST_POINT.exec(hostile)?.[3] ?? "";
    expect(description.replace(/\\[\\#]/g, "")).not.toContain("#");
    expect(text).not.toMatch(RAW_CONTROL);
    // Every line is a known TAP line: version, plan, test point, YAML block or comment.
    for (const line of lines) expect(line).toMatch(/^(TAP version 14|1\.\.\d+|(not )?ok \d+ - .*|  (---|\.\.\.|\w+: .*)|# .*)$/);
  });

  it("ends with the summary as comments", () => {
    expect(lines).toContain("# score 2.68 / 12 (22.33%)");
    expect(lines).toContain("# correct 2, wrong 2, unanswered 2");
    expect(lines).toContain("# failed: pass mark 6");
    expect(lines).toContain("# warning: geography/past: e is not an option (a–b); counted as wrong");
  });
});

describe("streaming TAP", () => {
  const question = choice("q1", ["w", "x"], "a", [], { question: "First\nline" });

  it("prints one line per answer and the plan at the end", () => {
    const out = [
      tapHeader(),
      tapLine(1, { question, chosen: [0], outcome: "correct" }),
      tapLine(2, { question, chosen: [], outcome: "unanswered" }),
      tapLine(3, { question, chosen: [1], outcome: "wrong" }),
      tapPlan(3),
      tapComment("done\nbye \x1b[2J"),
    ].join("");
    expect(out).toBe(
      [
        "TAP version 14",
        "ok 1 - polity/q1 First line",
        "ok 2 - polity/q1 First line # SKIP unanswered",
        "not ok 3 - polity/q1 First line",
        "  ---",
        '  question: "First line"',
        '  kind: "choice"',
        '  given: ["b"]',
        '  answer: ["a"]',
        "  ...",
        "1..3",
        "# done",
        "# bye ^[[2J",
        "",
      ].join("\n"),
    );
  });
});
