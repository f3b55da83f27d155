// The YAML mistakes beginners make most, explained with the fix in plain words. The parser's own
// messages ("nested mappings are not allowed in compact mappings") say what the parser saw, not what
// the writer meant. This module only adds words to a problem, at the same line:col; it never changes
// what counts as a problem. Kept apart from parse-yaml.ts so the parser's rules and these words can
// change without each other.

import type { Problem } from "./problem.js";

const MAX_SHOWN = 50;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** An unquoted `key: value` whose value holds `: ` or ends with `:`, such as every "Consider the following…:". */
function colonInValue(line: string): string | undefined {
  const match = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+([^"'{[|>].*)$/.exec(line);
  if (!match) return listItemColon(line);
  const [, key, value = ""] = match;
  if (!/:(\s|$)/.test(value)) return undefined;
  const shown = shorten(value.trim().replace(/"/g, '\\"'));
  return `the text after '${key}:' holds a colon, which YAML reads as the start of another key: put the text in quotes: ${key}: "${shown}"`;
}

/** A list item, such as an option, with a colon: "- Assertion: it is so" reads as a mapping. */
function listItemColon(line: string): string | undefined {
  const item = /^\s*-\s+([^"'{[|>].*:(?:\s.*)?)$/.exec(line);
  return item ? `a list item with a colon reads as a key: put it in quotes: - "${shorten((item[1] ?? "").trim().replace(/"/g, '\\"'))}"` : undefined;
}

/** An unknown key that is the second half of a text cut by a comma inside `{…}`. */
function commaInFlowMapping(problem: Problem, line: string): string | undefined {
  const key = /^unknown key '(.*)';/.exec(problem.message)?.[1];
  if (key === undefined || !line.includes("{")) return undefined;
  const before = line.slice(0, Math.max(0, problem.col - 1));
  const cut = /([A-Za-z_][\w-]*):\s*([^,{}"']*),\s*$/.exec(before);
  if (!cut) return undefined;
  const [, field, start = ""] = cut;
  return `a comma inside {…} separates keys, so the text was cut at the comma: put it in quotes: {${field}: "${shorten(`${start.trim()}, ${key}`)}", …}`;
}

function unclosedQuote(line: string, col: number): string | undefined {
  const quote = line[col - 1];
  if (quote === "'") return "an apostrophe inside '…' is written twice (it''s), or quote the text with \" instead";
  if (quote === '"') return 'a " inside "…" is written \\"';
  return undefined;
}

function hintFor(problem: Problem, lines: readonly string[]): string | undefined {
  const line = lines[problem.line - 1] ?? "";
  if (problem.rule === "unknown-key") return commaInFlowMapping(problem, line);
  // "- Assertion: it is so" is a mapping, so a text field gets an object.
  if (problem.rule === "type" && /must be text$/.test(problem.message)) return listItemColon(line) ?? colonInValue(line);
  if (problem.rule !== "yaml-syntax") return undefined;
  if (/nested mappings are not allowed|implicit map keys need to be followed by map values|mapping values are not allowed|implicit keys need to be on a single line/i.test(problem.message)) {
    return colonInValue(line);
  }
  if (/quote is never closed/.test(problem.message)) return unclosedQuote(line, problem.col);
  if (/a tab used for indentation/.test(problem.message)) return "YAML indents with spaces only: set your editor to insert spaces for Tab (two a level)";
  return undefined;
}

/** The problems of one file, with the plain-words fix added to the ones a beginner's mistake explains. */
export function explainYamlMistakes(problems: readonly Problem[], text: string): Problem[] {
  const lines = text.split(/\r?\n/);
  return problems.map((problem) => {
    const hint = hintFor(problem, lines);
    return hint === undefined ? problem : { ...problem, message: `${problem.message}; ${hint}` };
  });
}
