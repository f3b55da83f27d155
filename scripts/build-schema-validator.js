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
const code = standaloneCode.default(ajv, ajv.compile(schema));
const out = path.join(root, "dist", "bank", "bank-validator.cjs");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `// Generated from schema/bank.schema.json by scripts/build-schema-validator.js. Do not edit.\n${code}`);
