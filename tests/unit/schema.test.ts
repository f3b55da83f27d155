// schema/bank.schema.json is what editors check banks against; it must accept every built-in bank, and
// the validator built from it must agree with a fresh compile of the same file.
import fs from "node:fs";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../src/bank/load-bank.js";

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
});
