import { describe, expect, it } from "vitest";
import { UPSC_MARKING } from "../../src/core/question.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { renderJson } from "../../src/report/json.js";
import { answered, HOSTILE, RAW_CONTROL, sampleResult } from "./report-fixtures.js";

describe("JSON report", () => {
  const text = renderJson(sampleResult());
  const report = JSON.parse(text) as Record<string, unknown> & { questions: Record<string, unknown>[] };

  it("carries the totals, the pass verdict, the seed and the warnings", () => {
    expect(report).toMatchObject({
      version: 1,
      score: 2.68,
      maxScore: 12,
      correct: 2,
      wrong: 2,
      unanswered: 2,
      passed: false,
      passScore: 6,
      seed: 7,
      change: 1.68,
      marksLost: 1.32,
      markedForReview: { marked: 3, correct: 1, wrong: 1, unanswered: 1, marks: 1.34 },
    });
    expect(report.warnings).toHaveLength(2);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("lists every question in paper order with canonical letters", () => {
    expect(report.questions.map((q) => `${q.bank}/${q.id}`)).toEqual([
      "history/plain",
      "history/hostile",
      "history/skipped",
      "geography/multi",
      "geography/past",
      "geography/blank",
    ]);
    expect(report.questions[3]).toEqual({
      bank: "geography",
      id: "multi",
      kind: "choice",
      options: [
        { letter: "a", text: "w" },
        { letter: "b", text: "x" },
        { letter: "c", text: "y" },
      ],
      given: ["a", "c"],
      answer: ["a", "c"],
      outcome: "correct",
      marks: 2,
      marked: true,
      tags: ["rivers"],
    });
    expect(report.questions[2]).toMatchObject({ given: [], outcome: "unanswered", marks: 0, ms: 5000 });
    expect(report.questions[4]).toMatchObject({ given: ["e"], answer: ["a"], outcome: "wrong", marks: -0.66 });
  });

  it("rounds marks to hundredths", () => {
    const result = scoreAttempt([answered("q1", "b"), answered("q2", "b"), answered("q3", "b")], UPSC_MARKING);
    expect(renderJson(result)).toContain('"score": -1.98,');
  });

  it("leaves out passed when no pass mark is set", () => {
    const plain = JSON.parse(renderJson(scoreAttempt([answered("q1", "a")], UPSC_MARKING))) as Record<string, unknown>;
    expect(plain).not.toHaveProperty("passed");
    expect(plain).not.toHaveProperty("timeUsedMs");
    expect(plain.warnings).toEqual([]);
  });

  it("shows bank text safely: no raw controls, even those JSON would pass through", () => {
    expect(text).not.toMatch(RAW_CONTROL);
    const tags = report.questions[1]?.tags as string[];
    expect(tags[1]).toContain("^[[2J");
    expect(tags[1]).toContain("\\u{202e}");
    expect(HOSTILE).toContain("\u202e");
  });
});
