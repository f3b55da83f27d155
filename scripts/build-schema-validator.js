#!/usr/bin/env node
// Build step: compile schema/bank.schema.json into a standalone validator (dist/bank/bank-validator.cjs)
// with ajv's code generation, so a command that loads banks neither imports ajv nor compiles the schema
// at start-up (about 200 ms here). The schema stays the one source of truth: this runs on every build.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = JSON.parse(fs.readFileSync(path.join(root, "schema", "bank.schema.json"), "utf8"));
// Options must match the runtime fallback in src/bank/schema-check.ts.
const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
const generated = standaloneCode.default(ajv, ajv.compile(schema));
// minLength/maxLength count code points with ajv's ucs2length, a loop over every UTF-16 unit of every
// string: about 90 ms of validating 10,000 questions, plus a file required from node_modules. A string
// with no high surrogate has as many code points as units, which one native regex scan tells; the loop
// is kept for the rest, so the count is the same.
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
const counter = new RegExp(`const (func\\d+) = ${UCS2LENGTH.replace(/[().]/g, "\\$&")};`).exec(generated)?.[1];
if (counter === undefined) throw new Error(`build: the generated validator no longer uses ${UCS2LENGTH}`);
// Most strings need no count at all: code points are at most the UTF-16 units and at least half of
// them, so a string no longer than a maximum is within it, and one of twice a minimum or more reaches it.
const guarded = generated
  .replace(new RegExp(`${counter}\\((\\w+)\\) > (\\d+)`, "g"), `($1.length > $2 && ${counter}($1) > $2)`)
  .replace(new RegExp(`${counter}\\((\\w+)\\) < (\\d+)`, "g"), `($1.length < 2 * $2 && ${counter}($1) < $2)`);
const count = (text, part) => text.split(part).length - 1;
if (count(guarded, `${counter}(`) !== count(guarded, `&& ${counter}(`)) {
  throw new Error("build: the generated validator compares string lengths in a form the guard does not know");
}
const code = guarded.replaceAll(
  UCS2LENGTH,
  `(function ucs2length(str) {
  if (!HIGH_SURROGATE.test(str)) return str.length;
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const unit = str.charCodeAt(pos++);
    if (unit >= 0xd800 && unit <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
})`,
);
// A regex literal inside the function would be a new object at every call.
const withRegex = code.replace('"use strict";', '"use strict";const HIGH_SURROGATE = /[\\ud800-\\udbff]/;');
const out = path.join(root, "dist", "bank", "bank-validator.cjs");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `// Generated from schema/bank.schema.json by scripts/build-schema-validator.js. Do not edit.\n${withRegex}`);
