// Structural checks come from schema/bank.schema.json, the same file editors use, so the two cannot drift.
// ajv finds every violation; this file turns each into a message a tutor can act on, at the right place.

import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { closestWord } from "./closest-word.js";
import type { DataPath, Locator } from "./locate.js";
import { pointerToPath } from "./locate.js";
import type { Position } from "./problem.js";
import { builtFile, packageFile } from "../package-files.js";

export interface SchemaIssue {
  readonly at: Position;
  readonly rule: string;
  readonly message: string;
  /** The path of the data the issue is about; rules skip what the schema already reported. */
  readonly path: DataPath;
}

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  minItems?: number;
  maxItems?: number;
};

export const BANK_SCHEMA_URL = packageFile("schema/bank.schema.json");

let compiled: { validate: ValidateFunction; schema: JsonSchema } | undefined;
const requireHere = createRequire(import.meta.url);

/**
 * The build compiles the schema into dist/bank/bank-validator.cjs (scripts/build-schema-validator.js),
 * which saves importing ajv and compiling at start-up. Running from source (tests), it is compiled here.
 */
function bankValidator(): { validate: ValidateFunction; schema: JsonSchema } {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(BANK_SCHEMA_URL, "utf8")) as JsonSchema;
    let validate: ValidateFunction;
    try {
      validate = requireHere(fileURLToPath(builtFile("bank/bank-validator.cjs"))) as ValidateFunction;
    } catch {
      const { Ajv } = requireHere("ajv") as typeof import("ajv");
      validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    }
    compiled = { validate, schema };
  }
  return compiled;
}

export function checkAgainstSchema(data: unknown, locate: Locator): SchemaIssue[] {
  const { validate, schema } = bankValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).filter(isReported).map((error) => describeSchemaError(error, schema, locate, data));
}

/**
 * The schema's rules that describe each kind apart (the question's `allOf`), for editors. ajv writes a
 * schemaPath from the $ref'd definition, not the root ("#/allOf/3/then/…"), so this prefix names the
 * question's allOf as long as no other definition, nor the root, has an allOf (schema.test.ts checks).
 */
const KIND_RULES = "#/allOf/";

/**
 * Whether an ajv error becomes a problem. The kind rules catch a missing answer, a quoted true, two
 * kinds in one question and a field of another kind; check-question.ts reports each of those too,
 * with the fix in the message and at the field, so the schema's generic "must NOT be valid" would be
 * a second problem for one mistake. An `if` error only says that its `then` failed, which the `then`'s
 * own error already says.
 */
function isReported(error: ErrorObject): boolean {
  return error.keyword !== "if" && !error.schemaPath.startsWith(KIND_RULES);
}

function describeSchemaError(error: ErrorObject, schema: JsonSchema, locate: Locator, data: unknown): SchemaIssue {
  const path = pointerToPath(error.instancePath);
  const name = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const keyPath = [...path, key];
      const allowed = Object.keys(propertiesAt(schema, path));
      const suggestion = closestWord(key, allowed);
      const hint = suggestion ? `did you mean '${suggestion}'?` : `allowed here: ${allowed.join(", ")}`;
      return { at: locate.key(keyPath), rule: "unknown-key", message: `unknown key '${key}'; ${hint}`, path: keyPath };
    }
    case "required": {
      const missing = String(params.missingProperty);
      return { at: locate.value(path), rule: "required", message: `${describeObject(path)} is missing '${missing}'`, path: [...path, missing] };
    }
    case "type": {
      const expected = String(params.type).replace(/,/g, " or ");
      // Quoting keeps the text as written (`010`, `1e3`); an answer is a letter, so quoting is no fix there.
      const quotable = expected === "string" && isPlainScalar(valueAt(data, path)) && path[path.length - 2] !== "answer";
      const quoteHint = quotable ? `; quote it: ${JSON.stringify(locate.written(path) ?? String(valueAt(data, path)))}` : "";
      return { at: locate.value(path), rule: "type", message: `${name} must be ${article(expected)}${quoteHint}`, path };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).join(", ");
      return { at: locate.value(path), rule: "enum", message: `${name} must be one of: ${allowed}`, path };
    }
    case "pattern":
      return {
        at: locate.value(path),
        rule: "slug",
        message: `${name} must be a slug: lowercase letters and digits joined by single hyphens, e.g. embargo-trigger`,
        path,
      };
    case "minLength":
      return { at: locate.value(path), rule: "empty-text", message: `${name} is empty; write the text or remove the key`, path };
    case "maxLength":
      return { at: locate.value(path), rule: "too-long", message: `${name} is longer than ${String(params.limit)} characters; shorten it`, path };
    case "minItems":
    case "maxItems":
      return { at: locate.value(path), rule: "count", message: `${name} ${countMessage(path, schemaAt(schema, path), valueAt(data, path))}`, path };
    case "minimum":
      return { at: locate.value(path), rule: "range", message: `${name} must be ${String(params.limit)} or more: items are numbered from 1`, path };
    case "exclusiveMinimum":
    case "maximum":
      return { at: locate.value(path), rule: "range", message: `${name} must be ${error.keyword === "maximum" ? "zero or negative" : "positive"}`, path };
    default:
      return { at: locate.value(path), rule: "schema", message: `${name} ${error.message ?? "is invalid"}`, path };
  }
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const step of path) value = (value as Record<string | number, unknown> | undefined)?.[step];
  return value;
}

/** Numbers and booleans that YAML read as such where text was meant (2010, yes→string already, 1.5). */
function isPlainScalar(value: unknown): boolean {
  return typeof value === "number" || typeof value === "boolean";
}

/** The schema object that applies at a data path, `$ref`s followed. */
function schemaAt(schema: JsonSchema, path: DataPath): JsonSchema | undefined {
  const resolve = (node: JsonSchema | undefined): JsonSchema | undefined =>
    node?.$ref ? schema.definitions?.[node.$ref.replace("#/definitions/", "")] : node;
  let node: JsonSchema | undefined = schema;
  for (const step of path) {
    node = resolve(typeof step === "number" ? node?.items : node?.properties?.[step]);
  }
  return resolve(node);
}

/** The `properties` of the schema object that applies at a data path (for "did you mean"). */
function propertiesAt(schema: JsonSchema, path: DataPath): Record<string, JsonSchema> {
  return schemaAt(schema, path)?.properties ?? {};
}

function fieldName(path: DataPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the bank";
  if (typeof last === "number") return `${String(path[path.length - 2] ?? "item")} item ${last + 1}`;
  return `'${last}'`;
}

function describeObject(path: DataPath): string {
  if (path.length === 0) return "the bank";
  if (path[0] === "questions" && path.length === 2) return `question ${Number(path[1]) + 1}`;
  return fieldName(path);
}

// Lists whose length is fixed by another field, or that read better in words than as a range.
const COUNT_WORDS: Record<string, string> = {
  headings: "two headings: [left, right]",
  reasons: "one or two reasons (Statement-II, or Statement-II and III)",
  matches: "one List-II number for each List-I item",
};

// The range comes from the schema, so a message can never name a limit other than the one enforced
// (a bank over 20,000 questions was told it needed "at least one question").
const COUNTED: Record<string, string> = { options: "options", statements: "statements", pairs: "pairs", questions: "questions", tags: "tags", codes: "codes" };

function countMessage(path: DataPath, node: JsonSchema | undefined, value: unknown): string {
  const field = String(path[path.length - 1]);
  const words = COUNT_WORDS[field];
  if (words !== undefined) return `must have ${words}`;
  const noun = COUNTED[field] ?? "items";
  const count = (n: number) => n.toLocaleString("en-US");
  const { minItems: min, maxItems: max } = node ?? {};
  const range =
    min !== undefined && max !== undefined ? `${count(min)} to ${count(max)}` : max !== undefined ? `at most ${count(max)}` : `at least ${count(min ?? 0)}`;
  const over = max !== undefined && Array.isArray(value) && value.length > max;
  // Only a bank can be split by its author; for the rest the range says what to change.
  const advice = over && noun === "questions" ? `; this one has ${count(value.length)}: split it into several banks` : "";
  return `must have ${range} ${noun}${advice}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: "text",
    "string or array or boolean": "a letter, a list of letters, or true/false",
    array: "a list",
    object: "a mapping of keys to values",
    boolean: "true or false",
    number: "a number",
    integer: "a whole number",
  };
  return names[type] ?? `a ${type}`;
}
