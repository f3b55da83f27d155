// Every validation rule past YAML (schema and question rules), each with a fixture under
// tests/fixtures/banks/rules/ and its asserted line:column, severity and message.

import { describe, expect, it } from "vitest";
import { loadBankFile, loadBankText } from "../../src/bank/load-bank.js";
import { loadBanks } from "../../src/bank/load-banks.js";
import { bankFixture, briefs, readFixture } from "../fixtures/fixtures.js";

const OPTIONS = { maxBytes: 1024 * 1024 };
const load = (name: string) => loadBankFile(bankFixture("rules", name), OPTIONS);

describe("each rule, at its place", () => {
  // [fixture, every error as "line:col severity rule", a message each error must match, in order]
  const cases: [string, string[], RegExp[]][] = [
    ["unknown-key.yaml", ["4:5 error required", "7:5 error unknown-key"], [/missing 'answer'/, /^unknown key 'anwser'; did you mean 'answer'\?$/]],
    ["required.yaml", ["1:1 error required", "3:5 error required"], [/^the bank is missing 'title'$/, /^question 1 is missing 'question'$/]],
    ["type-number-option.yaml", ["7:9 error type"], [/^options item 1 must be text; quote it: "1947"$/]],
    ["enum-difficulty.yaml", ["9:17 error enum"], [/^'difficulty' must be one of: easy, medium, hard$/]],
    ["slug-bank-id.yaml", ["1:5 error slug"], [/^'id' must be a slug: lowercase letters/]],
    ["slug-question-id.yaml", ["4:9 error slug"], [/^'id' must be a slug/]],
    ["count-one-option.yaml", ["6:14 error count"], [/^'options' must have 2 to 26 options$/]],
    ["count-27-options.yaml", ["7:7 error count"], [/^'options' must have 2 to 26 options$/]],
    ["count-one-statement.yaml", ["7:7 error count"], [/^'statements' must have 2 to 7 statements$/]],
    ["count-eight-pairs.yaml", ["8:7 error count"], [/^'pairs' must have 2 to 7 pairs$/]],
    ["empty-text.yaml", ["5:15 error empty-text", "8:18 error empty-text"], [/^'question' is empty/, /^'explanation' is blank/]],
    ["duplicate-id.yaml", ["10:9 error duplicate-id"], [/^question id 'same' is already used at line 4; ids must be unique in a bank$/]],
    ["answer-range.yaml", ["7:13 error answer-range"], [/^answer 'e' is beyond the 4 options \(a–d\)$/]],
    ["answer-format.yaml", ["7:13 error answer-format", "14:13 error answer-format"], [/^'1' is not an option letter/, /^the answer list is empty/]],
    ["duplicate-answer.yaml", ["7:20 error duplicate-answer"], [/^answer 'a' is listed twice$/]],
    // "new   DELHI " is "New Delhi", and " NILE — egypt" the first pair, once case and spaces are set aside.
    ["duplicate-option.yaml", ["9:9 error duplicate-option", "20:9 error duplicate-option"], [/^option c repeats option a$/, /^pair 3 repeats 1$/]],
    [
      "true-false-answer.yaml",
      ["6:13 error true-false-answer", "13:13 error true-false-answer", "13:14 error type", "19:13 error true-false-answer", "19:14 error type"],
      [/without quotes, not "true"$/, /it is a list$/, /^answer item 1 must be text$/, /not a list$/, /^answer item 1 must be text$/],
    ],
    ["mixed-kind.yaml", ["7:5 error mixed-kind"], [/this one has options and statements$/]],
    ["kind-mismatch.yaml", ["5:11 error kind-mismatch"], [/^type: pairs does not fit a question written with options \(that is choice\)$/]],
    ["no-kind.yaml", ["4:5 error no-kind", "11:13 error no-kind"], [/^the question has no answer/, /^an answer letter needs options/]],
    [
      "field-not-for-kind.yaml",
      ["8:5 error field-not-for-kind", "17:5 error field-not-for-kind", "24:5 error field-not-for-kind"],
      [/^'ask' is for statements and pairs questions, not choice$/, /^a statements question takes its answer from each item's 'correct'/, /^'shuffle' is for questions with options/],
    ],
    // Format v1.1: the paper's codes, four-option how-many, Statement-I/II, List-I/List-II.
    [
      "codes.yaml",
      ["10:5 error codes-answer", "20:22 error code-range", "34:9 error duplicate-option", "35:13 error duplicate-answer", "45:5 error codes-ask"],
      [
        /^no code names exactly the correct pairs \(1 and 3\); add that code, or fix which pairs are marked correct$/,
        /^code b names statement 4, but there are 3 statements \(1–3\)$/,
        /^code c repeats code a$/,
        /^code d names statement 1 twice$/,
        /^'codes' are the paper's options for ask: which-correct or which-incorrect; a how-many question has its own four options: remove 'codes'$/,
      ],
    ],
    [
      "how-many-none.yaml",
      ["8:7 error how-many-none", "19:7 error none-correct"],
      [/^with ask: how-many and 4 statements the options are Only one \/ Only two \/ Only three \/ All four, with no "None"; mark the correct statements, or ask which-correct with codes that include \[\]$/, /^with ask: which-incorrect and 3 statements, at least one must be incorrect/],
    ],
    [
      "assertion.yaml",
      ["5:12 error assertion-combination", "14:9 error assertion-combination", "19:12 error assertion-combination", "29:9 error assertion-combination", "38:9 error assertion-combination", "42:5 error required", "51:7 error count"],
      [
        /^Statement-I and Statement-II are both incorrect, and the paper has no option for that; make one of them correct$/,
        /^Statement-II is incorrect and marked explains: true; an incorrect statement explains nothing/,
        /^with Statement-II and Statement-III, Statement-I must be correct/,
        /^Statement-II and Statement-III are both correct but neither explains Statement-I, and the paper has no option for that/,
        /^only Statement-III is correct and it does not explain Statement-I, and the paper has no option for that/,
        /^the question is missing 'reasons': Statement-II \(and III\)/,
        /^'reasons' must have one or two reasons/,
      ],
    ],
    [
      "match.yaml",
      ["8:14 error matches-length", "16:18 error match-range", "23:12 error count", "33:5 error codes-answer", "42:24 error code-length", "42:32 error duplicate-option", "46:5 error required"],
      [
        /^'matches' has 2 numbers for 3 List-I items; give one List-II number for each, in List-I's order$/,
        /^List-I item B is matched to 5, but List-II has 3 items \(1–3\)$/,
        /^'list2' must have 2 to 4 items: as many as list1 or up to two more$/,
        /^no code equals 'matches' \(A-3, B-1, C-2\); add that code, or fix 'matches'$/,
        /^code b has 2 numbers for 3 List-I items$/,
        /^code c repeats code a$/,
        /^the question is missing 'list2'/,
      ],
    ],
    [
      "mixed-new-kinds.yaml",
      ["9:5 error mixed-kind", "17:5 error mixed-kind", "25:5 error field-not-for-kind", "31:5 error field-not-for-kind", "38:5 error no-kind"],
      [/this one has statements and claim$/, /this one has options and list1$/, /^'numbering' is for statements and pairs questions, not choice$/, /^'headings' is for pairs and match questions, not statements$/, /^a match question needs list1:, list2: and matches:$/],
    ],
    ["none-correct.yaml", ["7:7 error none-correct"], [/at least one must be correct; or give the paper.s codes, with \[\] for "None of the above"$/]],
  ];

  it.each(cases)("%s", (fixture, expected, messages) => {
    const loaded = load(fixture);
    const errors = loaded.problems.filter((problem) => problem.severity === "error");
    expect(briefs(errors)).toEqual(expected);
    errors.forEach((problem, index) => expect(problem.message).toMatch(messages[index] as RegExp));
    expect(loaded.problems.filter((problem) => problem.severity === "warning")).toEqual([]);
    expect(loaded.bank).toBeUndefined();
  });
});

describe("limits on size", () => {
  it("refuses a 50 KB question as too long", () => {
    const long = "Why? ".repeat(10_240);
    const text = `id: long\ntitle: Long\nquestions:\n  - id: q1\n    question: ${long}\n    answer: true\n    explanation: E.\n    source: S\n    difficulty: easy\n`;
    const loaded = loadBankText("long.yaml", text);
    expect(briefs(loaded.problems)).toEqual(["5:15 error too-long"]);
    expect(loaded.problems[0]?.message).toBe("'question' is longer than 4000 characters; shorten it");
  });

  it("refuses 10,000 options by the count limit", () => {
    const options = Array.from({ length: 10_000 }, (_, index) => `      - option ${index}`).join("\n");
    const text = `id: many\ntitle: Many\nquestions:\n  - id: q1\n    question: Which?\n    options:\n${options}\n    answer: a\n    explanation: E.\n    source: S\n    difficulty: easy\n`;
    const loaded = loadBankText("many.yaml", text);
    expect(briefs(loaded.problems)).toEqual(["7:7 error count"]);
  });
});

describe("warnings for what a good question has", () => {
  it("warns of no explanation, no source and no difficulty, at the question, and still loads", () => {
    const loaded = load("warnings.yaml");
    expect(briefs(loaded.problems)).toEqual(["4:5 warning no-explanation", "4:5 warning no-source", "4:5 warning no-difficulty"]);
    expect(loaded.bank?.questions).toHaveLength(1);
  });
});

describe("duplicate-bank-id", () => {
  it("points at the second file's id line and drops that bank", async () => {
    const first = bankFixture("rules", "duplicate-bank-id", "first.yaml");
    const second = bankFixture("rules", "duplicate-bank-id", "second.yaml");
    const [a, b] = await loadBanks([first, second], OPTIONS);
    expect(a?.problems).toEqual([]);
    expect(a?.bank?.id).toBe("shared-id");
    expect(briefs(b?.problems ?? [])).toEqual(["3:5 error duplicate-bank-id"]);
    expect(b?.problems[0]?.file).toBe(second);
    expect(b?.problems[0]?.message).toBe("bank id 'shared-id' is already used by first.yaml; bank ids must be unique");
    expect(b?.bank).toBeUndefined();
  });
});

describe("a good bank", () => {
  it("loads every kind with its canonical options and answer", () => {
    const loaded = loadBankFile(bankFixture("valid", "basic.yaml"), OPTIONS);
    expect(loaded.problems).toEqual([]);
    const bank = loaded.bank;
    expect(bank?.id).toBe("basic");
    expect(bank?.sources).toEqual([{ title: "A test source", date: "2025-11-14" }]);
    const [capital, sky, rivers, founders] = bank?.questions ?? [];
    expect(capital).toMatchObject({ kind: "choice", key: "basic/capital", answer: [0], shuffle: true, multiple: false, tags: ["testing", "geography"] });
    expect(sky).toMatchObject({ kind: "true-false", truth: true, options: ["True", "False"], answer: [0] });
    expect(rivers).toMatchObject({
      kind: "statements",
      ask: "which-correct",
      options: ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"],
      answer: [0],
      prompt: "Which of the statements given above is/are correct?",
    });
    expect(founders).toMatchObject({
      kind: "pairs",
      ask: "how-many",
      options: ["Only one pair", "Only two pairs", "All three pairs", "None of the pairs"],
      answer: [0],
      prompt: "How many of the pairs given above are correctly matched?",
    });
  });

  it("reads the same YAML text the same way from a string", () => {
    const fromText = loadBankText(bankFixture("valid", "basic.yaml"), readFixture("valid", "basic.yaml"));
    expect(fromText).toEqual(loadBankFile(bankFixture("valid", "basic.yaml"), OPTIONS));
  });
});

describe("the limit on questions per bank", () => {
  it("names the real limit, 20,000 from the schema, for a bank over it (not 'at least one')", () => {
    const questions = Array.from({ length: 20_001 }, (_, i) => `  - {id: q${i}, question: Q, options: [a, b], answer: a}`);
    const loaded = loadBankText("huge.yaml", ["id: huge", "title: Huge", "questions:", ...questions].join("\n") + "\n");
    const count = loaded.problems.filter((problem) => problem.rule === "count");
    expect(briefs(count)).toEqual(["4:3 error count"]);
    expect(count[0]?.message).toBe("'questions' must have 1 to 20,000 questions; this one has 20,001: split it into several banks");
  });

  it("says the same range for an empty list", () => {
    const loaded = loadBankText("empty.yaml", "id: empty\ntitle: Empty\nquestions: []\n");
    expect(loaded.problems.map((problem) => problem.message)).toEqual(["'questions' must have 1 to 20,000 questions"]);
  });
});
