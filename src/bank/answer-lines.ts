// The shape nearly every answer file has, `id: letters` a line, read without the YAML parser (loading
// it and parsing with positions was most of a scripted run's start-up). Only lines whose YAML meaning
// is certain are taken: at the first line that is anything else, or a key seen twice, the answer is
// undefined and the whole file goes to parse-answers.ts, which reads every form and reports every
// mistake at its line and column. Either way the entries are the same.

import type { AnswerEntries } from "../core/answer-file.js";

// A key that YAML's core schema reads as that very string: starts with a letter, no spaces or colons,
// and not one of the words it reads as null or a boolean.
const KEY = /^([A-Za-z][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?):(?: +(.*))?$/;
const NOT_A_STRING_KEY = /^(?:null|true|false)$/i;
// What may follow the key (a comment after blanks is dropped first): nothing, a letter, letters as one
// string ("a, c", "a c"), true or false, or a flow list of letters.
const ONE_LETTER = /^[A-Za-z]$/;
/** Letters written as one string, "a, c" or "a c": the list [a, c] (parse-answers.ts reads them so too). */
export const LETTERS = /^[a-z](\s*[,\s]\s*[a-z])+$/i;
const FLOW_LIST = /^\[ *((?:[A-Za-z] *, *)*[A-Za-z])? *\]$/;

function lettersOf(value: string): string[] | undefined {
  if (value === "") return [];
  if (ONE_LETTER.test(value)) return [value];
  if (LETTERS.test(value)) return value.split(/[\s,]+/);
  if (value === "true") return ["a"];
  if (value === "false") return ["b"];
  const list = FLOW_LIST.exec(value);
  if (list) return list[1] === undefined ? [] : list[1].split(/ *, */);
  return undefined;
}

/** The entries of a file of plain `id: letters` lines (comments and blank lines allowed), else undefined. */
export function simpleAnswers(text: string): AnswerEntries | undefined {
  const entries = new Map<string, string[]>();
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.includes("\t")) return undefined;
    if (/^ *(#.*)?$/.test(line)) continue;
    const match = KEY.exec(line);
    if (match === null) return undefined;
    const key = match[1] as string;
    if (NOT_A_STRING_KEY.test(key) || entries.has(key)) return undefined;
    // A `#` starts a comment only after a blank; one inside a value ("a#b") is not ours to read.
    const value = (match[2] ?? "").replace(/(?:^| +)#.*$/, "").trim();
    if (value.includes("#")) return undefined;
    const letters = lettersOf(value);
    if (letters === undefined) return undefined;
    // No value, or an empty list, leaves the question unanswered, as leaving it out does; a key seen
    // again is still a duplicate, which YAML reports.
    entries.set(key, letters);
  }
  for (const [key, letters] of entries) if (letters.length === 0) entries.delete(key);
  return entries;
}
