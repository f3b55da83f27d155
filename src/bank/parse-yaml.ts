// YAML text to a document with positions, hardened for files written by strangers (RELIABILITY.md,
// fact 3). One pass: the CST parser is iterative, so nesting depth is measured while it runs and a deep
// file is refused before the recursive composer ever sees it (yaml can otherwise abort Node on the
// second such file in one process). The same tokens are then composed: the file is never parsed twice.

import { CST, Composer, Lexer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq } from "yaml";
import type { Document, Node, YAMLError } from "yaml";
import type { Position } from "./problem.js";

/** Deeper than any bank needs (a bank is about 8 levels deep) and far below what exhausts the stack. */
export const MAX_DEPTH = 64;
/** Aliases are allowed for tutors who use anchors, but bounded so a billion-laughs file fails fast. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlIssue {
  readonly at: Position;
  readonly rule: string;
  readonly message: string;
  /** A quote or bracket never closed: everything after it may be read wrongly, not only its own line. */
  readonly toEnd?: boolean;
}

export interface ParsedYaml {
  /** The bank's data, or undefined when the file could not be read as one YAML document. */
  readonly value: unknown;
  readonly document: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  readonly issues: readonly YamlIssue[];
}

const COMPOSE_OPTIONS = {
  version: "1.2",
  schema: "core",
  // !!binary, !!set, !!timestamp and the like stay unresolved, and say so as warnings we treat as errors.
  resolveKnownTags: false,
  merge: false,
  // yaml's check compares each key with every key before it: 92 s for a 1 MB bank of 100,000 keys.
  // duplicateKeyIssues does the same job in one pass.
  uniqueKeys: false,
  strict: true,
  stringKeys: false,
  prettyErrors: false,
} as const;

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const tokens = lexAndParse(text, lineCounter);
  if ("tooDeepAt" in tokens) {
    const issue = {
      at: at(tokens.tooDeepAt),
      rule: "yaml-depth",
      message: `nesting deeper than ${MAX_DEPTH} levels; a bank needs about 8`,
    };
    return { value: undefined, document: undefined, lineCounter, issues: [issue] };
  }

  const composer = new Composer(COMPOSE_OPTIONS);
  const documents = [...composer.compose(tokens.tokens), ...composer.end()];
  const first = documents[0];
  if (first === undefined || first.contents === null) {
    const issues = first ? documentIssues(first, at, () => scanCst(tokens.tokens), text) : [];
    if (issues.length === 0) issues.push({ at: { line: 1, col: 1 }, rule: "empty-file", message: "the file holds no bank; start it with id:, title: and questions:" });
    return { value: undefined, document: first, lineCounter, issues };
  }

  // The CST walk that finds where quotes and brackets were opened only runs when yaml reports an error.
  let cst: CstFacts | undefined;
  const cstFacts = () => (cst ??= scanCst(tokens.tokens));
  const issues = [...documents.flatMap((document) => documentIssues(document, at, cstFacts, text)), ...tagIssues(tokens.tags, at)];
  const second = documents[1];
  if (second !== undefined) {
    issues.push({
      at: at(second.range[0]),
      rule: "yaml-multi-document",
      message: "a second YAML document (after ---); put one bank in each file",
    });
  }
  if (issues.length > 0) return { value: undefined, document: first, lineCounter, issues };

  try {
    return { value: first.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), document: first, lineCounter, issues };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const rule = /alias/i.test(message) ? "yaml-alias" : "yaml-syntax";
    const text = rule === "yaml-alias" ? `aliases expand too far (limit ${MAX_ALIAS_COUNT}); write the values out instead of using *aliases` : message;
    return { value: undefined, document: first, lineCounter, issues: [{ at: { line: 1, col: 1 }, rule, message: text }] };
  }
}

interface Lexed {
  readonly tokens: CST.Token[];
  /** Every tag as written, in order: collected while lexing rather than by a walk over the CST. */
  readonly tags: readonly { readonly offset: number; readonly source: string }[];
}

function lexAndParse(text: string, lineCounter: LineCounter): Lexed | { tooDeepAt: number } {
  const parser = new Parser(lineCounter.addNewLine);
  // Parser.parse() would announce the first line itself; driving next() by hand, we do.
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  const tags: { offset: number; source: string }[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_DEPTH) return { tooDeepAt: parser.offset };
    if (lexeme.startsWith("!") && CST.tokenType(lexeme) === "tag") tags.push({ offset: parser.offset - lexeme.length, source: lexeme });
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, tags };
}

/** What the composed document no longer says exactly where: each tag as written, and each quote or bracket opened. */
interface CstFacts {
  readonly quoted: readonly { readonly offset: number; readonly end: number }[];
  readonly unclosedFlows: readonly { readonly offset: number; readonly opener: string }[];
}

function scanCst(tokens: readonly CST.Token[]): CstFacts {
  const quoted: { offset: number; end: number }[] = [];
  const unclosedFlows: { offset: number; opener: string }[] = [];
  // Iterative: the depth is already bounded, but a walk over a stack needs no reasoning about it.
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      // Not push(...item): a flow list of 130,000 items would overflow the argument stack.
      for (const entry of item as unknown[]) stack.push(entry);
      continue;
    }
    if (typeof item !== "object" || item === null) continue;
    const token = item as { type?: unknown; offset?: unknown; source?: unknown; start?: unknown; end?: unknown };
    if (typeof token.offset === "number" && typeof token.source === "string") {
      if (token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") {
        quoted.push({ offset: token.offset, end: token.offset + token.source.length });
      }
    }
    if (token.type === "flow-collection") {
      const start = token.start as CST.SourceToken;
      // A `}` can end a `[` in the CST; only the matching bracket closes it.
      const closer = start.type === "flow-map-start" ? "flow-map-end" : "flow-seq-end";
      const closed = Array.isArray(token.end) && (token.end as CST.SourceToken[]).some((end) => end.type === closer);
      if (!closed) unclosedFlows.push({ offset: start.offset, opener: start.source });
    }
    for (const value of Object.values(item)) if (typeof value === "object" && value !== null) stack.push(value);
  }
  return { quoted, unclosedFlows };
}

/**
 * Any explicit tag is refused, even one yaml resolves quietly such as !!str: bank text is data, and a tag
 * is a sign of a file written for some other program. Reported at the tag as written, which the composed
 * node no longer knows (its range starts at the value, for `!!set` on the next line).
 */
function tagIssues(tags: Lexed["tags"], at: (offset: number) => Position): YamlIssue[] {
  return tags.map((tag) => ({ at: at(tag.offset), rule: "yaml-tag", message: `the tag ${tag.source} is not allowed; banks take no YAML tags` }));
}

function documentIssues(document: Document.Parsed, at: (offset: number) => Position, cst: () => CstFacts, text: string): YamlIssue[] {
  // Unresolved tags are reported by tagIssues, with every other tag, once each.
  const errors = [...document.errors, ...document.warnings].filter((error) => error.code !== "TAG_RESOLVE_FAILED");
  // An alias is written with `*`: a file without one needs no walk for circular aliases.
  return [
    ...errors.map((error) => yamlIssue(error, at, cst())),
    ...duplicateKeyIssues(document, at),
    ...(text.includes("*") ? aliasIssues(document, at) : []),
  ];
}

// What yaml's uniqueKeys check reported, with its rule and message, in linear time: one Set of keys
// per mapping. Keys compare as yaml compares them, by scalar value (so 1 and '1' differ); a key that
// is itself a mapping or list is never equal to another.
const DUPLICATE_KEY_MESSAGE = "map keys must be unique; each key may appear once";

function duplicateKeyIssues(document: Document.Parsed, at: (offset: number) => Position): YamlIssue[] {
  const issues: YamlIssue[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      const seenObjects = new Set<string>();
      for (const pair of node.items) {
        if (repeatsKey(pair.key, seen, seenObjects)) issues.push({ at: at((pair.key as Node).range?.[0] ?? 0), rule: "yaml-duplicate-key", message: DUPLICATE_KEY_MESSAGE });
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  // The walk pops the last child first; report in the file's order.
  return issues.sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
}

/**
 * Whether a key repeats one before it in its mapping, compared as yaml compares keys: by scalar value,
 * so 1 and '1' differ. A primitive value is its own identity in a Set (no string made for each of a
 * bank's 100,000 keys); any other value (a tagged scalar's object) by its text, in a Set of its own.
 */
function repeatsKey(key: unknown, seen: Set<unknown>, seenObjects: Set<string>): boolean {
  if (!isScalar(key)) return false;
  const { value } = key;
  // NaN !== NaN: yaml never finds two .nan keys equal.
  if (typeof value === "number" && Number.isNaN(value)) return false;
  if (typeof value === "object" && value !== null) {
    const text = String(value);
    const repeated = seenObjects.has(text);
    seenObjects.add(text);
    return repeated;
  }
  const repeated = seen.has(value);
  seen.add(value);
  return repeated;
}

function yamlIssue(error: YAMLError, at: (offset: number) => Position, cst: CstFacts): YamlIssue {
  const message = error.message.split("\n")[0] ?? error.message;
  const offset = error.pos[0];
  // yaml reports an unclosed quote or bracket where it gave up (often the end of the file); the tutor
  // needs the place it was opened.
  if (/closing ['"]?quote/i.test(message)) {
    const quote = cst.quoted.find((token) => token.offset < offset && offset <= token.end);
    if (quote) return { at: at(quote.offset), rule: "yaml-syntax", message: "this quote is never closed; end the text with the same quote mark", toEnd: true };
  }
  const expected = /end with an? ([\]}])/.exec(message)?.[1];
  if (expected !== undefined) {
    const opener = expected === "}" ? "{" : "[";
    const opened = cst.unclosedFlows.filter((flow) => flow.opener === opener && flow.offset < offset).sort((a, b) => b.offset - a.offset)[0];
    if (opened) return { at: at(opened.offset), rule: "yaml-syntax", message: `this ${opener} is never closed; end it with ${expected}`, toEnd: true };
  }
  switch (error.code) {
    case "DUPLICATE_KEY":
      return { at: at(error.pos[0]), rule: "yaml-duplicate-key", message: `${lowerFirst(message)}; each key may appear once` };
    case "TAB_AS_INDENT":
      return { at: at(error.pos[0]), rule: "yaml-syntax", message: "a tab used for indentation; indent with spaces" };
    default:
      return { at: at(error.pos[0]), rule: "yaml-syntax", message: lowerFirst(message) };
  }
}

/** An alias inside the node it names is refused: it would make the bank's data circular. */
function aliasIssues(document: Document.Parsed, at: (offset: number) => Position): YamlIssue[] {
  const issues: YamlIssue[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = node.resolve(document);
      const start = node.range?.[0];
      if (target?.range && start !== undefined && start >= target.range[0] && start < target.range[1]) {
        issues.push({ at: at(start ?? 0), rule: "yaml-alias", message: `the alias *${node.source} refers to a node that contains it` });
      }
      continue;
    }
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return issues;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
