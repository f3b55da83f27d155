// The YAML reading of an answer file: every shape YAML allows, each mistake at file:line:col. Most
// answer files are plain lines that answer-lines.ts reads without loading yaml; this takes the rest.

import { isMap, isScalar, isSeq, type Node } from "yaml";
import { parseYaml } from "./parse-yaml.js";
import { LETTERS } from "./answer-lines.js";
import { makeLocator } from "./locate.js";
import { UsageError } from "../errors.js";
import type { AnswerEntries } from "../core/answer-file.js";

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
    const letters = raw.flatMap((letter) => (typeof letter === "string" && LETTERS.test(letter.trim()) ? letter.trim().split(/[\s,]+/) : [letter]));
    if (letters.some((letter) => typeof letter !== "string" && typeof letter !== "boolean")) {
      const at = locate.value([key as string]);
      fail(at.line, at.col, `the answer to '${key}' must be a letter, a list of letters, or true/false`);
    }
    // true/false answer a true-false question, whose canonical options are a) True, b) False.
    entries.set(key as string, letters.map((letter) => (letter === true ? "a" : letter === false ? "b" : String(letter))));
  }
  return entries;
}
