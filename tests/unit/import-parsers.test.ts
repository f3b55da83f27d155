// The import parsers on Moodle's own test fixtures and on hostile files: text in, drafts out.

import { describe, expect, it } from "vitest";
import { parseAiken } from "../../src/bank/import/aiken.js";
import { parseCsv, parseCsvRows } from "../../src/bank/import/csv.js";
import { htmlToText, slugOf, stableIds } from "../../src/bank/import/draft.js";
import { parseGift } from "../../src/bank/import/gift.js";
import { guessFormat } from "../../src/bank/import/index.js";
import { parseMoodleXml } from "../../src/bank/import/moodle-xml.js";
import { loadBankText } from "../../src/bank/load-bank.js";
import { renderBankYaml } from "../../src/report/bank-yaml.js";
import { ImportError } from "../../src/errors.js";
import fs from "node:fs";
import path from "node:path";
import { briefs, FIXTURES } from "../fixtures/fixtures.js";

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, "import", name), "utf8");
const header = { id: "imported", title: "Imported", schema: "../schema/bank.schema.json", from: "test" };

describe("Aiken: Moodle's fixture", () => {
  const result = parseAiken(fixture("moodle-questions.aiken.txt"));
  it("reads both questions with their answers, HTML kept as text", () => {
    expect(result.skipped).toEqual([]);
    expect(result.questions.map((q) => [q.question, q.kind === "choice" ? q.options : [], q.answer])).toEqual([
      ["The Moodle project was started by:", ["Petr Skoda", "Martin Dougiamas", "Eloy Lafuente", "Tim Hunt"], [1]],
      ["Moodle's abilities include handling user input that includes <html class=\"cool\"> & images:", ["True", "False"], [0]],
    ]);
  });
  it("becomes a bank with no errors", () => {
    expect(briefs(loadBankText("b.yaml", renderBankYaml(result, header)).problems, "error")).toEqual([]);
  });
  it("names a question without an ANSWER line or with a letter past the options", () => {
    const bad = parseAiken("Q one?\nA) x\nB) y\n\nQ two?\nA) x\nB) y\nANSWER: D\n\nQ three?\nA. x\nB. y\nANSWER: b\n");
    expect(bad.questions.map((q) => q.question)).toEqual(["Q three?"]);
    expect(bad.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, "no ANSWER line after the options"],
      [5, "ANSWER: D names no option"],
    ]);
  });
});

describe("GIFT: Moodle's fixture", () => {
  const result = parseGift(fixture("moodle-questions.gift.txt"));
  it("takes the choice, several-answer and true-false questions and names the rest", () => {
    expect(result.questions.map((q) => [q.kind, q.question, q.answer])).toEqual([
      ["choice", "What's between orange and green in the spectrum?", [0]],
      ["choice", "What's between orange and green in the spectrum?", [0, 2]],
      ["true-false", "42 is the Absolute Answer to everything.", false],
      ["true-false", "TSL is blablabla.", true],
      ["true-false", "TSL is blablabla.", true],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "an essay question (no answers to choose from)",
      "a matching question",
      "a numeric question",
      "a short-answer question (typed, not chosen)",
    ]);
  });
  it("keeps general feedback as the explanation and notes weights and feedback", () => {
    const [single, several, truth] = result.questions;
    expect(single?.notes).toEqual(["feedback not carried over: yellow: right; good! | red: wrong, it's yellow | blue: wrong, it's yellow"]);
    expect(several?.kind === "choice" && several.multiple).toBe(true);
    expect(several?.notes[0]).toMatch(/^GIFT weights not carried over \(%50% %-100% %50% %-100%\)/);
    expect(truth?.explanation).toBe("This is, of course, a Hitchiker's Guide to the Galaxy reference.");
  });
  it("becomes a bank with no errors, with unique stable ids", () => {
    const text = renderBankYaml(result, header);
    expect(briefs(loadBankText("b.yaml", text).problems, "error")).toEqual([]);
    expect(renderBankYaml(parseGift(fixture("moodle-questions.gift.txt")), header)).toBe(text);
    expect(text).toContain("id: tsl-is-blablabla-2");
  });
  it("unescapes GIFT's specials and reads a category as a tag", () => {
    const [question] = parseGift("$CATEGORY: $course$/Indian Polity\n\n::t::Is 1\\=1 \\{really\\}\\: yes? {=yes\\~no ~no}\n").questions;
    expect(question?.question).toBe("Is 1=1 {really}: yes?");
    expect(question?.kind === "choice" && question.options).toEqual(["yes~no", "no"]);
    expect(question?.tags).toEqual(["indian-polity"]);
  });
});

describe("Moodle XML", () => {
  it("reads Moodle's nested categories fixture: true-false questions tagged by category, the essay named", () => {
    const result = parseMoodleXml(fixture("moodle-nested_categories_with_questions.xml"));
    expect(result.questions.map((q) => [q.question, q.answer, q.tags])).toEqual([
      ["Testing Iota Question", true, ["iota"]],
      ["Testing Kappa Question", true, ["kappa"]],
      ["Testing Lambda Question", true, ["lambda"]],
      ["Testing Mu Question", true, ["mu"]],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["question 4 (Kappa Essay Question): an essay question (no answers to choose from)"]);
    expect(briefs(loadBankText("b.yaml", renderBankYaml(result, header)).problems, "error")).toEqual([]);
  });

  it("reads Moodle's entity fixture", () => {
    const result = parseMoodleXml(fixture("moodle-html_chars_in_idnumbers.xml"));
    expect(result.questions.map((q) => [q.question, q.tags])).toEqual([["Testing Alpha Question", ["alpha"]]]);
  });

  it("treats hostile text as data: HTML dropped, script never kept, entities decoded once, media and base64 named", () => {
    const result = parseMoodleXml(fixture("hostile.moodle.xml"));
    const [first, second] = result.questions;
    expect(first?.question).toBe("Which article & which clause? [2J");
    expect(first?.kind === "choice" && first.options).toEqual(["Article 32", 'Article 330 — "quoted"', "<b>not bold</b> ]]> end"]);
    // XML decodes to the HTML "<p>Article 32 &amp; 226</p>", which reads "Article 32 & 226".
    expect(first?.explanation).toBe("Article 32 & 226");
    expect(first?.tags).toEqual(["polity-constitution"]);
    expect(first?.notes).toEqual(["feedback not carried over: Article 32: Right", "media not carried over: map.png"]);
    expect(second?.kind === "choice" && [second.answer, second.multiple]).toEqual([[0, 2], true]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["question 4 (A matching one): a matching question"]);
    const text = renderBankYaml(result, header);
    expect(text).not.toMatch(/[\u001b\u0000-\u0008]/);
    expect(text).not.toContain("alert");
    expect(text).not.toContain("PHNjcmlwd");
    // YAML-looking text stays one string.
    const loaded = loadBankText("b.yaml", text);
    expect(briefs(loaded.problems, "error")).toEqual([]);
    expect(loaded.bank?.questions[1]?.question).toBe("Pick the fundamental duties: id: x\nanswer: z");
  });

  it("refuses a DOCTYPE before parsing, and names malformed XML by line:col", () => {
    expect(() => parseMoodleXml(fixture("doctype.moodle.xml"))).toThrow(ImportError);
    expect(() => parseMoodleXml(fixture("doctype.moodle.xml"))).toThrow(/line 2: the file has a <!DOCTYPE>/);
    expect(() => parseMoodleXml("<quiz>\n<question type='truefalse'>\n</quiz>")).toThrow(/^line 3:\d+: not well-formed XML/);
    expect(() => parseMoodleXml("<root/>")).toThrow(/no <quiz> element/);
  });
});

describe("CSV", () => {
  it("reads quoted cells with commas, quotes and newlines, and the documented columns", () => {
    expect(parseCsvRows('a,"b,c","d ""e""\nf"\r\n1,2,3\n').map((row) => [row.line, row.cells])).toEqual([
      [1, ["a", "b,c", 'd "e"\nf']],
      [3, ["1", "2", "3"]],
    ]);
    const result = parseCsv(
      "question,a,b,c,d,answer,explanation,source,tags,difficulty\n" +
        '"Who, in 1950?",Nehru,Patel,,Ambedkar,d,Because.,NCERT,polity; history,easy\n' +
        "Is it true?,,,,,true,,,,\n" +
        "Which two?,w,x,y,z,\"a;c\",,,,hardest\n" +
        "Broken?,only,,,,a,,,,\n",
    );
    expect(result.questions.map((q) => [q.kind, q.question, q.answer, q.tags ?? [], q.difficulty, q.notes])).toEqual([
      ["choice", "Who, in 1950?", [2], ["polity", "history"], "easy", []],
      ["true-false", "Is it true?", true, [], undefined, []],
      ["choice", "Which two?", [0, 2], [], undefined, ["difficulty 'hardest' is not easy, medium or hard; left out"]],
    ]);
    expect(result.skipped).toEqual([{ line: 5, reason: "fewer than two options (and the answer is not true or false)" }]);
  });
  it("asks for the header when it is missing", () => {
    expect(() => parseCsv("What?,a,b,a\n")).toThrow(/no 'question' or no 'answer' column/);
  });
});

describe("ids, HTML and the format guess", () => {
  it("slugs the first words, the same every time, numbered where two begin alike", () => {
    expect(slugOf("  Consider the following statements about the Préambule:  ")).toBe("consider-the-following-statements-about-the");
    expect(slugOf("¿?")).toBe("question");
    expect(stableIds(["A b", "A b", "c"])).toEqual(["a-b", "a-b-2", "c"]);
  });
  it("turns HTML into text without running or keeping any of it", () => {
    expect(htmlToText("<p>One<br/>two &amp;amp; <style>p{}</style><a href=\"@@PLUGINFILE@@/x.pdf\">doc</a></p><ul><li>i</li></ul>")).toEqual({ text: "One\ntwo &amp; doc\n- i", media: ["x.pdf"] });
  });
  it("guesses by extension, then by text", () => {
    expect(guessFormat("q.aiken.txt", "")).toBe("aiken");
    expect(guessFormat("q.txt", "Q?\nA) x\nB) y\nANSWER: A\n")).toBe("aiken");
    expect(guessFormat("q.txt", "Q? {=a ~b}")).toBe("gift");
    expect(guessFormat("q", "<?xml version='1.0'?><quiz/>")).toBe("moodle-xml");
    expect(() => guessFormat("q.txt", "just text")).toThrow(expect.objectContaining({ message: "cannot tell the format of q.txt", hint: expect.stringContaining("--format") }));
  });
});
