// Format v1.1 on screen: items numbered 1. or I., pairs and List-I / List-II as two columns under their
// headings, Statement-I/II, at 100 and 60 columns; nothing wider than the screen, nothing raw.

import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import type { AssertionQuestion, MatchQuestion, PairsQuestion, Question } from "../../src/core/question.js";
import { presentQuestion } from "../../src/core/session.js";
import { plainStyle } from "../../src/core/style.js";
import { feedback, optionLabels, questionBody, questionHeader, rightAnswerText } from "../../src/ui/question-view.js";
import { bankFixture } from "../fixtures/fixtures.js";

const bank = loadBankFile(bankFixture("valid", "paper-styles.yaml"), { maxBytes: 1024 * 1024 }).bank;
function question<Q extends Question = Question>(id: string): Q {
  const found = bank?.questions.find((item) => item.id === id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found as Q;
}
const body = (item: Question, width: number) => questionBody(item, width, plainStyle).split("\n");

describe("screens at 100 columns", () => {
  it("shows the 2022 pairs under their headings, with the paper's codes", () => {
    expect(body(question("ports-2022"), 100)).toEqual([
      "Consider the following pairs:",
      "     Port                   Well known as",
      "  1. Kamarajar Port      —  First major port in India registered as a company",
      "  2. Mundra Port         —  Largest privately owned port in India",
      "  3. Visakhapatnam Port  —  Largest container port in India",
      "Select the correct answer using the code given below:",
    ]);
    expect(optionLabels(presentQuestion(question("ports-2022"), 1))).toEqual(["a) 1 and 2 only", "b) 2 only", "c) 1 and 3 only", "d) 3 only"]);
  });

  it("numbers statements in Roman numerals, the text lined up after I., II., III.", () => {
    expect(body(question("roman-2025"), 100)).toEqual([
      "Consider the following statements:",
      "  I.   JOGMEC offered financial and technical aid to foreign mining projects.",
      "  II.  Japan invested in the Lynas project in Australia.",
      "  III. Urban mining turned e-waste into a domestic resource base.",
      "Which of the statements given above is/are correct?",
    ]);
    expect(optionLabels(presentQuestion(question("roman-2025"), 1))).toEqual(["a) I and II only", "b) I and III only", "c) II and III only", "d) I, II and III"]);
  });

  it("shows Statement-I and Statement-II as the paper does, with its prompt line", () => {
    expect(body(question("assertion-explains"), 100)).toEqual([
      "Consider the following statements:",
      "  Statement-I:",
      "    Japan invested in recycling rare earths from discarded electronics.",
      "  Statement-II:",
      "    The 2010 embargo exposed Japan's dependence on a single supplier.",
      "Which one of the following is correct in respect of the above statements?",
    ]);
    expect(body(question("assertion-two"), 100)).toContain("  Statement-III:");
  });

  it("shows List-I beside List-II under their headings", () => {
    expect(body(question("who-did-what"), 100)).toEqual([
      "Match List-I with List-II",
      "  List-I (Company)          List-II (What the articles credit it with)",
      "  A. Lynas Rare Earths      1. Hybrid engines needing less dysprosium",
      "  B. Sumitomo Corporation   2. Closed-loop magnet recycling",
      "  C. Toyota                 3. Mining and processing outside China",
      "  D. Hitachi                4. Projects in Vietnam and Kazakhstan",
      "Select the correct answer using the code given below:",
    ]);
    expect(optionLabels(presentQuestion(question("who-did-what"), 1))).toEqual(["a) A-3, B-1, C-4, D-2", "b) A-4, B-3, C-1, D-2", "c) A-3, B-4, C-1, D-2", "d) A-1, B-4, C-3, D-2"]);
  });

  it("shows a List-II longer than List-I, and plain List-I / List-II headings without headings:", () => {
    expect(body(question("generated-match"), 100)).toEqual([
      "Match List-I with List-II",
      "  List-I         List-II",
      "  A. Senkaku     1. Deep-sea rare-earth mud",
      "  B. Ogasawara   2. Collision of 2010",
      "  C. Lynas       3. Australia",
      "                 4. Kazakhstan",
      "Select the correct answer using the code given below:",
    ]);
  });
});

describe("screens at 60 columns", () => {
  it("wraps both columns of a list, each cell under its own label", () => {
    expect(body(question("who-did-what"), 60)).toEqual([
      "Match List-I with List-II",
      "  List-I (Company)          List-II (What the articles",
      "                            credit it with)",
      "  A. Lynas Rare Earths      1. Hybrid engines needing less",
      "                               dysprosium",
      "  B. Sumitomo Corporation   2. Closed-loop magnet recycling",
      "  C. Toyota                 3. Mining and processing outside",
      "                               China",
      "  D. Hitachi                4. Projects in Vietnam and",
      "                               Kazakhstan",
      "Select the correct answer using the code given below:",
    ]);
  });

  it("wraps pairs with one dash a pair, under the headings", () => {
    expect(body(question("ports-2022"), 60)).toEqual([
      "Consider the following pairs:",
      "     Port                   Well known as",
      "  1. Kamarajar Port      —  First major port in India",
      "                            registered as a company",
      "  2. Mundra Port         —  Largest privately owned port in",
      "                            India",
      "  3. Visakhapatnam Port  —  Largest container port in India",
      "Select the correct answer using the code given below:",
    ]);
  });

  it("wraps Statement-I/II text under its label", () => {
    expect(body(question("assertion-explains"), 60)).toEqual([
      "Consider the following statements:",
      "  Statement-I:",
      "    Japan invested in recycling rare earths from discarded",
      "    electronics.",
      "  Statement-II:",
      "    The 2010 embargo exposed Japan's dependence on a single",
      "    supplier.",
      "Which one of the following is correct in respect of the",
      "above statements?",
    ]);
  });
});

describe("any width", () => {
  const long = "word ".repeat(40).trim();
  const unbroken = "x".repeat(150);
  const stretched: Question[] = [
    { ...question<PairsQuestion>("ports-2022"), headings: [long, unbroken], pairs: [{ left: unbroken, right: long, correct: true }, { left: long, right: unbroken, correct: false }] },
    { ...question<MatchQuestion>("who-did-what"), headings: [unbroken, long], list1: [long, unbroken, "C"], list2: [unbroken, long, "three", "four", "five"] },
    { ...question<AssertionQuestion>("assertion-two"), claim: { text: unbroken, correct: true }, reasons: [{ text: long, correct: true, explains: true }, { text: unbroken, correct: false, explains: false }] },
  ];

  it.each([40, 60, 80, 100])("keeps every line of every paper question inside %i columns", (width) => {
    for (const item of [...(bank?.questions ?? []), ...stretched]) {
      for (const line of body(item, width)) expect(line.length, `${item.id} at ${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it("keeps a stretched pairs table to one dash a pair", () => {
    const lines = body(stretched[0] as Question, 60);
    expect(lines.filter((line) => line.includes("—"))).toHaveLength(2);
  });

  it("keeps every List-I and List-II label on a line of its own row", () => {
    const lines = body(stretched[1] as Question, 60);
    for (const label of ["A. ", "B. ", "C. "]) expect(lines.some((line) => line.startsWith(`  ${label}`)), label).toBe(true);
    for (const label of ["1. ", "2. ", "3. ", "4. ", "5. "]) expect(lines.some((line) => line.includes(`   ${label}`)), label).toBe(true);
  });
});

describe("control characters in the new kinds", () => {
  const HOSTILE = "evil \x1b[2J clear \x1b]52;c;aGk=\x07 osc52 \x9b c1 \r cr \u202e rtl";
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
  const hostile: Question[] = [
    { ...question<PairsQuestion>("ports-2022"), headings: [HOSTILE, HOSTILE], pairs: [{ left: HOSTILE, right: HOSTILE, correct: true }, { left: "x", right: "y", correct: false }] },
    { ...question<MatchQuestion>("who-did-what"), headings: [HOSTILE, HOSTILE], list1: [HOSTILE, "b"], list2: [HOSTILE, "2"], prompt: HOSTILE },
    { ...question<AssertionQuestion>("assertion-one"), question: HOSTILE, claim: { text: HOSTILE, correct: true }, reasons: [{ text: HOSTILE, correct: false, explains: false }], prompt: HOSTILE },
  ];

  it.each(hostile.map((item) => [item.kind, item] as const))("never reach the screen raw in a %s question", (_kind, item) => {
    const shown = presentQuestion(item, 1);
    const screen = [questionHeader(1, 1, item, plainStyle), questionBody(item, 60, plainStyle), ...optionLabels(shown), rightAnswerText(shown), feedback(shown, false, 60, plainStyle)].join("\n");
    expect(screen).not.toMatch(RAW_CONTROL);
    expect(screen).toContain("^[[2J");
  });
});
