// schema/bank.schema.json is what editors check banks against; it must accept every built-in bank, and
// the validator built from it must agree with a fresh compile of the same file.
import fs from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";
import { bankFixture, briefs, readFixture } from "../fixtures/fixtures.js";

const schema = JSON.parse(fs.readFileSync(new URL("../../schema/bank.schema.json", import.meta.url), "utf8")) as object;
const folder = new URL("../../questions/", import.meta.url);
const files = fs.readdirSync(folder).filter((name) => name.endsWith(".yaml"));

describe("bank schema", () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it("finds the built-in banks", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)("accepts %s, which also loads with no problems at all", (name) => {
    const file = new URL(name, folder);
    const data: unknown = parse(fs.readFileSync(file, "utf8"));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const loaded = loadBankFile(file.pathname, { maxBytes: 20 * 1024 * 1024 });
    expect(loaded.problems).toEqual([]);
    expect(loaded.bank?.questions.length).toBe((data as { questions: unknown[] }).questions.length);
  });

  it("rejects what the validator calls structural errors", () => {
    expect(validate({ id: "Not A Slug", title: "t", questions: [] })).toBe(false);
    const keywords = (validate.errors ?? []).map((error) => error.keyword).sort();
    expect(keywords).toEqual(["minItems", "pattern"]);
    expect(validate({ id: "ok", title: "t", questions: [{ id: "q", question: "?", anwser: "a" }] })).toBe(false);
    expect(validate.errors?.find((error) => error.keyword === "additionalProperties")?.params).toEqual({ additionalProperty: "anwser" });
  });

  it.each(["basic.yaml", "paper-styles.yaml"])("accepts the valid fixture %s, every format v1.1 kind in it", (name) => {
    expect(validate(parse(readFixture("valid", name))), JSON.stringify(validate.errors)).toBe(true);
  });

  // What an editor with yaml-language-server flags: each kind is described apart (if/then on the
  // fields that tell kinds apart), so a missing answer, a quoted true and two kinds in one question are
  // errors there too, once each, at the field. `if` entries only echo their `then`, as in the editor.
  const editorErrors = (name: string) => {
    validate(parse(readFixture("rules", name)));
    return (validate.errors ?? []).filter((error) => error.keyword !== "if").map((error) => `${error.instancePath} ${error.keyword}`);
  };

  it.each([
    ["unknown-key.yaml", ["/questions/0 required", "/questions/0 additionalProperties"]],
    ["true-false-answer.yaml", ["/questions/0/answer type", "/questions/1/answer type", "/questions/1/answer/0 type", "/questions/2/answer type", "/questions/2/answer/0 type"]],
    ["mixed-kind.yaml", ["/questions/0/statements not"]],
    ["no-kind.yaml", ["/questions/0 required", "/questions/1/answer type"]],
    ["field-not-for-kind.yaml", ["/questions/0/ask not", "/questions/1/answer not", "/questions/2/shuffle not"]],
    ["kind-mismatch.yaml", ["/questions/0 required"]],
    ["mixed-new-kinds.yaml", ["/questions/0/claim not", "/questions/1/list1 not", "/questions/2/numbering not", "/questions/3/headings not", "/questions/4 required"]],
    ["assertion.yaml", ["/questions/5 required", "/questions/6/reasons maxItems"]],
    ["match.yaml", ["/questions/5 required"]],
  ])("flags %s for editors, one error per mistake", (name, expected) => {
    expect(editorErrors(name)).toEqual(expected);
  });

  it("has the validator report each of those mistakes once, from its own rules", () => {
    const load = (name: string) => briefs(loadBankFile(bankFixture("rules", name), { maxBytes: 1024 * 1024 }).problems, "error");
    expect(load("mixed-kind.yaml")).toEqual(["7:5 error mixed-kind"]);
    expect(load("unknown-key.yaml")).toEqual(["4:5 error required", "7:5 error unknown-key"]);
    expect(load("mixed-new-kinds.yaml")).toHaveLength(5);
    expect(load("kind-mismatch.yaml")).toEqual(["5:11 error kind-mismatch"]);
  });

  it("keeps allOf to the question's kind rules, which the validator sets aside by that path", () => {
    // src/bank/schema-check.ts knows the kind rules by an ajv schemaPath starting "#/allOf/".
    const holders: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== "object" || node === null) return;
      // Inside the kind rules an allOf is theirs: its errors' paths start "#/allOf/" too.
      if (!Array.isArray(node) && "allOf" in node && !at.startsWith("#/definitions/question/allOf/")) holders.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(schema, "#");
    expect(holders).toEqual(["#/definitions/question"]);
  });
});

describe("the built validator's string lengths", () => {
  const built = createRequire(import.meta.url)("../../dist/bank/bank-validator.cjs") as (data: unknown) => boolean;
  const fresh = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const bank = (title: string) => ({ id: "lengths", title, questions: [{ id: "q1", question: "Which?", answer: true }] });

  it("counts code points as ajv does, a character beyond U+FFFF as one, and needs nothing from node_modules", () => {
    const source = fs.readFileSync(new URL("../../dist/bank/bank-validator.cjs", import.meta.url), "utf8");
    expect(source).not.toMatch(/require\(/);
    for (const title of ["x".repeat(300), "x".repeat(301), "\u{1F600}".repeat(300), "\u{1F600}".repeat(301), `${"\u{1F600}".repeat(299)}\ud800`, "\ud800".repeat(301), "", "x", "\u{1F600}", "x".repeat(600), "\u{1F600}".repeat(150)]) {
      expect(built(bank(title)), `${title.length} units`).toBe(fresh(bank(title)));
    }
    expect(built(bank("\u{1F600}".repeat(300)))).toBe(true);
    expect(built(bank("\u{1F600}".repeat(301)))).toBe(false);
  });
});
