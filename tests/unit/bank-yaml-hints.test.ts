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
