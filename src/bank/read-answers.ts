// Answer files for scripted runs: a YAML mapping from question id (or bank/id) to canonical letters.
// A file that cannot be read as one is a usage error at file:line:col; what it says about questions
// (unknown ids, letters out of range) is judged later, against the paper, as warnings.

import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { parseYaml } from "./parse-yaml.js";
import { ANSWER_FILE, decodeBankBytes, describeFsError, overLimit, readBankText } from "./read-file.js";
import { makeLocator } from "./locate.js";
import { UsageError } from "../errors.js";

export type { AnswerEntries } from "../core/answer-file.js";
import type { AnswerEntries } from "../core/answer-file.js";

/** `source` is a path (relative to `cwd`) or "-" for standard input; messages name it as given. */
export async function readAnswerFile(source: string, stdin: NodeJS.ReadableStream, maxBytes: number, cwd: string): Promise<AnswerEntries> {
  const name = source === "-" ? "<stdin>" : source;
  // Every message names what was read as the user gave it: a device such as /dev/zero is not stdin.
  const label = source === "-" ? "answers on standard input" : `answer file ${source}`;
  const file = path.resolve(cwd, source);
  let text: string;
  if (source === "-" || isStream(file)) {
    // Standard input, or a pipe named by path (/dev/stdin, a shell's <(…)): read as a stream, bounded.
    const decoded = decodeBankBytes(await readAll(source === "-" ? stdin : fs.createReadStream(file), maxBytes, label), ANSWER_FILE);
    if (!decoded.ok) throw new UsageError(`${label}: ${decoded.message}`);
    text = decoded.text;
  } else {
    const read = readBankText(file, maxBytes, ANSWER_FILE);
    if (!read.ok) {
      const where = read.at ? `:${read.at.line}:${read.at.col}` : "";
      throw new UsageError(`answer file ${name}${where}: ${read.message}`);
    }
    text = read.text;
  }
  return parseAnswers(name, text);
}

export function parseAnswers(name: string, text: string): AnswerEntries {
  const parsed = parseYaml(text);
  const fail = (line: number, col: number, message: string): never => {
    throw new UsageError(`${name}:${line}:${col}: ${message}`, "An answer file maps question ids to letters, e.g.\n  embargo-trigger: a\n  multi-select-one: [a, c]");
  };
  // An empty file (or one of comments only) answers nothing: every question is unanswered.
  if (parsed.issues.length === 1 && parsed.issues[0]?.rule === "empty-file") return new Map();
  const first = parsed.issues[0];
  if (first) fail(first.at.line, first.at.col, first.rule === "yaml-multi-document" ? "a second YAML document (after ---); put all answers in one mapping" : first.message);
  const locate = makeLocator(parsed.document, parsed.lineCounter);
  const root = parsed.document?.contents;
  if (!isMap(root)) {
    const at = locate.value([]);
    return fail(at.line, at.col, "the answer file must be a mapping of question ids to letters");
  }
  const entries = new Map<string, string[]>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) {
      // The pair's own key, not a search by name: one lookup per entry made 100,000 entries quadratic.
      const { line, col } = parsed.lineCounter.linePos((pair.key as Node | null)?.range?.[0] ?? 0);
      fail(line, col, "a key must be a question id");
    }
    const value = pair.value;
    const raw = isSeq(value) ? value.items.map((item) => (isScalar(item) ? item.value : item)) : [isScalar(value) ? value.value : value];
    // `q:` with no value, or `q: []`, leaves the question unanswered, as leaving it out does.
    if (raw.length === 0 || (raw.length === 1 && (raw[0] === null || raw[0] === ""))) continue;
    // "a, c" or "a c" written as one string means the list [a, c].
    const letters = raw.flatMap((letter) => (typeof letter === "string" && /^[a-z](\s*[,\s]\s*[a-z])+$/i.test(letter.trim()) ? letter.trim().split(/[\s,]+/) : [letter]));
    if (letters.some((letter) => typeof letter !== "string" && typeof letter !== "boolean")) {
      const at = locate.value([key as string]);
      fail(at.line, at.col, `the answer to '${key}' must be a letter, a list of letters, or true/false`);
    }
    // true/false answer a true-false question, whose canonical options are a) True, b) False.
    entries.set(key as string, letters.map((letter) => (letter === true ? "a" : letter === false ? "b" : String(letter))));
  }
  return entries;
}

function isStream(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket();
  } catch {
    return false;
  }
}

async function readAll(stream: NodeJS.ReadableStream, maxBytes: number, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      // Stops reading at once: a device like /dev/zero never ends.
      if (size > maxBytes) throw new UsageError(`${label}: ${overLimit(maxBytes, ANSWER_FILE)}`);
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${label}: ${describeFsError(error)}`);
  }
  return Buffer.concat(chunks);
}
