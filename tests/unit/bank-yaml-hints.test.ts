// The YAML mistakes beginners make, explained with the fix, at the parser's own line:col.

import { describe, expect, it } from "vitest";
import { loadBankText } from "../../src/bank/load-bank.js";

const HEAD = "id: x\ntitle: T\nquestions:\n  - id: q1\n";

function first(text: string) {
  const [problem] = loadBankText("b.yaml", HEAD + text).problems;
  return problem === undefined ? undefined : { at: `${problem.line}:${problem.col}`, rule: problem.rule, message: problem.message };
}

describe("YAML beginner mistakes", () => {
  it("an unquoted colon in a value: put the text in quotes", () => {
    expect(first("    question: Consider the following statements about X:\n    answer: true\n")).toEqual({
      at: "5:15",
      rule: "yaml-syntax",
      message: expect.stringMatching(/; the text after 'question:' holds a colon.*put the text in quotes: question: "Consider the following statements about X:"$/),
    });
    expect(first("    question: Which is it: a or b?\n    answer: true\n")?.message).toContain('question: "Which is it: a or b?"');
  });

  it("a colon in a list item: quote the item", () => {
    expect(first('    question: "Q?"\n    options:\n      - "Reason: none"\n      - Assertion: it is so\n    answer: a\n')).toEqual({
      at: "8:9",
      rule: "type",
      message: expect.stringContaining('put it in quotes: - "Assertion: it is so"'),
    });
  });

  it("a comma inside {…}: quote the text", () => {
    const problem = first('    question: "Consider:"\n    statements:\n      - {text: Union, State and Concurrent lists, correct: true}\n      - {text: b, correct: false}\n');
    expect(problem).toEqual({ at: "7:23", rule: "unknown-key", message: expect.stringContaining('put it in quotes: {text: "Union, State and Concurrent lists", …}') });
  });

  it("a tab and an unclosed quote say how to fix them", () => {
    expect(first("\tquestion: Q\n")?.message).toMatch(/indent with spaces; YAML indents with spaces only/);
    expect(first('    question: "Which is it\n    answer: true\n')).toEqual({ at: "5:15", rule: "yaml-syntax", message: expect.stringContaining('a " inside "…" is written \\"') });
    expect(first("    question: 'Which is it\n    explanation: it's fine\n")?.message).toContain("written twice (it''s)");
  });

  it("leaves other problems as they were", () => {
    expect(first('    question: "Q?"\n    answer: true\n    colour: red\n')?.message).toMatch(/^unknown key 'colour'; allowed here: [a-z0-9, ]+$/);
  });
});

describe("after a YAML error, the other questions are still checked", () => {
  const bank = [
    "id: broken",
    "title: Broken bank",
    "questions:",
    "  - id: first",
    "    question: Consider the following statements about X: which is right?",
    "    options: [a, b, c, d]",
    "    answer: a",
    "  - id: second",
    "    question: No answer here?",
    "    options: [one, two, three, four]",
    "  - id: third",
    "    question: Answer out of range?",
    "    options: [one, two]",
    "    answer: e",
    "",
  ].join("\n");

  it("reports the YAML error and the problems of the questions it does not touch, each at its line", () => {
    const errors = loadBankText("b.yaml", bank).problems.filter((problem) => problem.severity === "error");
    expect(errors.map((problem) => `${problem.line}:${problem.col} ${problem.rule}`)).toEqual(["5:15 yaml-syntax", "8:5 required", "14:13 answer-range"]);
  });

  it("after a quote never closed, checks only the questions before it", () => {
    const unclosed = bank.replace("question: Answer out of range?", 'question: "Answer out of range?');
    const errors = loadBankText("b.yaml", unclosed).problems.filter((problem) => problem.severity === "error");
    expect(errors.map((problem) => `${problem.line}:${problem.col} ${problem.rule}`)).toEqual(["5:15 yaml-syntax", "8:5 required", "12:15 yaml-syntax"]);
  });
});
