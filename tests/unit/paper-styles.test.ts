// The real paper's styles (format v1.1) in one bank, scored from an answer key worked out by hand: with
// the paper's codes or generated options equal to the paper's, the official key is an answer file.

import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { parseAnswers } from "../../src/bank/parse-answers.js";
import { UPSC_MARKING } from "../../src/core/question.js";
import type { Question } from "../../src/core/question.js";
import { summarizeBank } from "../../src/core/bank-summary.js";
import { scoreAttempt } from "../../src/core/scoring.js";
import { answerFromFile, matchAnswerFile } from "../../src/core/answer-file.js";
import { readingLength } from "../../src/core/session.js";
import { bankFixture, readFixture } from "../fixtures/fixtures.js";

const loaded = loadBankFile(bankFixture("valid", "paper-styles.yaml"), { maxBytes: 1024 * 1024 });
const questions: readonly Question[] = loaded.bank?.questions ?? [];
const key = parseAnswers("paper-styles key", readFixture("keys", "paper-styles.yaml"));

describe("a bank in the paper's styles", () => {
  it("loads with no problem at all", () => {
    expect(loaded.problems).toEqual([]);
    expect(questions.map((question) => question.kind)).toEqual([
      "pairs", "statements", "statements", "statements", "statements", "pairs", "statements",
      "statements", "pairs", "assertion", "assertion", "assertion", "match", "match",
    ]);
  });

  it("has a key entry for every question", () => {
    expect([...key.keys()].sort()).toEqual(questions.map((question) => question.id).sort());
  });

  it("scores the hand-made key full marks", () => {
    const matched = matchAnswerFile(questions, key);
    expect(matched.warnings).toEqual([]);
    const result = scoreAttempt(questions.map((question) => answerFromFile(matched, question)), UPSC_MARKING);
    expect(result.questions.filter((entry) => entry.outcome !== "correct").map((entry) => entry.question.id)).toEqual([]);
    expect(result.score).toBe(2 * questions.length);
    expect(result.correct).toBe(questions.length);
  });

  // The option each key letter names, as the learner reads it: a change here re-letters the paper.
  it.each([
    ["ports-2022", "a", "1 and 2 only"],
    ["nitrogen-fixing-2022", "a", "1, 3 and 4 only"],
    ["roman-2025", "d", "I, II and III"],
    ["not-correct", "b", "2 only"],
    ["how-many-four", "c", "Only three"],
    ["how-many-pairs", "b", "Only two pairs"],
    ["how-many-five-none", "d", "None"],
    ["none-of-the-above", "d", "None of the above"],
    ["roman-pairs-incorrect", "b", "II and III only"],
    ["assertion-one", "c", "Statement-I is correct but Statement-II is incorrect"],
    ["assertion-explains", "a", "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I"],
    ["assertion-two", "c", "Only one of the Statements II and III is correct and that explains Statement-I"],
    ["who-did-what", "c", "A-3, B-4, C-1, D-2"],
    ["generated-match", "a", "A-2, B-1, C-3"],
  ])("%s: (%s) %s", (id, letter, text) => {
    const question = questions.find((entry) => entry.id === id);
    expect(question?.options["abcd".indexOf(letter)]).toBe(text);
    expect(key.get(id)).toEqual([letter]);
  });

  it("shows the 2022 pairs question with the paper's own codes, in the paper's order", () => {
    const ports = questions.find((entry) => entry.id === "ports-2022");
    // The paper printed "1 and 2" and "1 and 3"; prelim writes a proper subset "… only" (issue 10).
    expect(ports?.options).toEqual(["1 and 2 only", "2 only", "1 and 3 only", "3 only"]);
    expect(ports).toMatchObject({ kind: "pairs", prompt: "Select the correct answer using the code given below:", headings: ["Port", "Well known as"] });
  });

  it("gives the prompt lines the paper prints", () => {
    const prompt = (id: string) => {
      const question = questions.find((entry) => entry.id === id);
      return question && "prompt" in question ? question.prompt : undefined;
    };
    expect(prompt("not-correct")).toBe("Which of the statements given above is/are not correct?");
    expect(prompt("assertion-one")).toBe("Which one of the following is correct in respect of the above statements?");
    expect(prompt("who-did-what")).toBe("Select the correct answer using the code given below:");
    expect(questions.find((entry) => entry.id === "assertion-one")?.question).toBe("Consider the following statements:");
  });

  it("counts the new kinds in the bank summary", () => {
    expect(loaded.bank && summarizeBank(loaded.bank).kinds).toEqual({ pairs: 3, statements: 6, assertion: 3, match: 2 });
  });

  it("counts what a learner reads of a Statement-I/II or a List-I/II question", () => {
    const byId = (id: string) => questions.find((entry) => entry.id === id) as Question;
    const assertion = byId("assertion-two");
    const stemAndOptions = assertion.question.length + assertion.options.join("").length;
    expect(readingLength(assertion)).toBe(stemAndOptions + "Japan's rare-earth imports from China fell after 2010.".length + "Japan funded mines and processing outside China.".length + "China stopped producing rare earths.".length);
    const match = byId("generated-match");
    const lists = "SenkakuOgasawaraLynas".length + "Deep-sea rare-earth mudCollision of 2010AustraliaKazakhstan".length;
    expect(readingLength(match)).toBe(match.question.length + match.options.join("").length + lists);
  });
});
