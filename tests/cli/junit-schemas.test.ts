// `prelim mock --reporter junit` as CI runs it, against the three JUnit schemas.

import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../fixtures/fixtures.js";
import { runPrelim, tempFiles } from "./helpers.js";

const XSD = path.join(FIXTURES, "junit-xsd");

describe("a scripted mock's JUnit report", () => {
  it.each(["junit-10.xsd", "jenkins-junit.xsd", "JUnit.xsd"])("is valid against %s", async (schema) => {
    const dir = tempFiles({ "answers.yaml": "preamble: a\npresident: b\n" });
    const result = await runPrelim(["mock", path.join(FIXTURES, "mock", "polity.yaml"), path.join(FIXTURES, "mock", "history.yaml"), "--answers", path.join(dir, "answers.yaml"), "--seed", "3", "--reporter", "junit", "--pass-mark", "40%"]);
    expect(result.stdout).toContain("<testsuites>");
    const validation = await validateXML({
      xml: { fileName: "report.xml", contents: result.stdout },
      schema: { fileName: schema, contents: fs.readFileSync(path.join(XSD, schema), "utf8") },
    });
    expect(validation.errors.map((error) => error.rawMessage)).toEqual([]);
  });
});
