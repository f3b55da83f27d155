// Answer files for scripted runs: a YAML mapping from question id (or bank/id) to canonical letters.
// A file that cannot be read as one is a usage error at file:line:col; what it says about questions
// (unknown ids, letters out of range) is judged later, against the paper, as warnings.

import fs from "node:fs";
import path from "node:path";
import { ANSWER_FILE, decodeBankBytes, describeFsError, overLimit, readBankText } from "./read-file.js";
import { simpleAnswers } from "./answer-lines.js";
import { UsageError } from "../errors.js";

export type { AnswerEntries } from "../core/answer-file.js";
import type { AnswerEntries } from "../core/answer-file.js";

/**
 * `source` is a path (relative to `cwd`) or "-" for standard input, which `stdin` opens (only then:
 * process.stdin is made on first use); messages name it as given.
 */
export async function readAnswerFile(source: string, stdin: () => NodeJS.ReadableStream, maxBytes: number, cwd: string): Promise<AnswerEntries> {
  const name = source === "-" ? "<stdin>" : source;
  // Every message names what was read as the user gave it: a device such as /dev/zero is not stdin.
  const label = source === "-" ? "answers on standard input" : `answer file ${source}`;
  const file = path.resolve(cwd, source);
  let text: string;
  if (source === "-" || isStream(file)) {
    // Standard input, or a pipe named by path (/dev/stdin, a shell's <(…)): read as a stream, bounded.
    const decoded = decodeBankBytes(await readAll(source === "-" ? stdin() : fs.createReadStream(file), maxBytes, label), ANSWER_FILE);
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
  // Plain `id: letters` lines are read as they are; anything else (and every mistake) goes to YAML.
  const simple = simpleAnswers(text);
  if (simple !== undefined) return simple;
  const { parseAnswers } = await import("./parse-answers.js");
  return parseAnswers(name, text);
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
