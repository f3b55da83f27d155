// GitHub annotations: a key with CR or LF reads the same in the annotation as in the pretty report.

import { describe, expect, it } from "vitest";
import { githubProblems, prettyProblems } from "../../src/report/problem-report.js";

const problem = { file: "b.yaml", line: 3, col: 5, endLine: 3, endCol: 9, severity: "error" as const, rule: "unknown-key", message: "unknown key 'a\r\nb'" };
const summary = { files: 1, questions: 1, errors: 1, warnings: 0 };

describe("github annotations", () => {
  it("show CR/LF in a key as the pretty report does, and give the end column of the text", () => {
    const github = githubProblems([problem], summary).split("\n")[0] ?? "";
    expect(github).toBe("::error file=b.yaml,line=3,endLine=3,col=5,endColumn=8,title=unknown-key::unknown key 'a^M^Jb'");
    expect(prettyProblems([problem], summary)).toContain("unknown key 'a^M^Jb'");
  });
  it("give only endLine for a text over several lines", () => {
    expect(githubProblems([{ ...problem, endLine: 5, endCol: 2 }], summary)).toContain("line=3,endLine=5,col=5,title=");
  });
});
