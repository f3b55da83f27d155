// What an imported file becomes before it is a bank: questions prelim can ask (choice and true-false,
// the kinds every outside format has) and notes on what could not be carried over. Pure: text in,
// drafts out; reading the file and writing the bank are the command's and the store's.

import type { Difficulty } from "../../core/question.js";

export type ImportFormat = "aiken" | "gift" | "moodle-xml" | "csv";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["aiken", "gift", "moodle-xml", "csv"];

interface DraftCommon {
  readonly question: string;
  readonly explanation?: string;
  readonly source?: string;
  readonly tags?: readonly string[];
  readonly difficulty?: Difficulty;
  /** What the source said that the bank cannot hold, written as comments above the question. */
  readonly notes: readonly string[];
  /** Where the question starts in the source, for messages. */
  readonly line?: number;
}

export interface DraftChoice extends DraftCommon {
  readonly kind: "choice";
  readonly options: readonly string[];
  /** Indexes into options; a list (even of one) when the source marks several right answers possible. */
  readonly answer: readonly number[];
  readonly multiple: boolean;
}

export interface DraftTrueFalse extends DraftCommon {
  readonly kind: "true-false";
  readonly answer: boolean;
}

export type DraftQuestion = DraftChoice | DraftTrueFalse;

/** A question of the source that was left out, and why, for a comment in the bank and a line on stderr. */
export interface SkippedQuestion {
  readonly line?: number;
  readonly reason: string;
}

export interface ImportResult {
  readonly questions: readonly DraftQuestion[];
  readonly skipped: readonly SkippedQuestion[];
  /** Notes about the whole file (a DOCTYPE left unread, categories…). */
  readonly notes: readonly string[];
}

/** A lowercase slug of the first words of a text: the bank's question ids, the same on every import. */
export function slugOf(text: string, maxLength = 48): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  if (slug === "" && words[0] !== undefined) slug = words[0].slice(0, maxLength);
  return slug === "" ? "question" : slug;
}

/** Ids for the questions, in order: the slug of each text, with -2, -3… where two texts begin alike. */
export function stableIds(texts: readonly string[]): string[] {
  const used = new Map<string, number>();
  return texts.map((text) => {
    const base = slugOf(text);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

// A text's controls other than newline and tab are dropped: an imported file is data, and a bank that
// holds a raw escape sequence is one more place for it to reach a terminal.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text for a bank: controls dropped, runs of spaces and blank lines closed up, ends trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  deg: "°",
  times: "×",
  divide: "÷",
  middot: "·",
  bull: "•",
};

/** HTML and XML character references decoded once (so `&amp;lt;` is the text `&lt;`); unknown ones kept. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export interface HtmlText {
  readonly text: string;
  /** Media the HTML pointed to (images, audio, links to files), which a bank cannot hold. */
  readonly media: readonly string[];
}

/**
 * HTML as plain text: block ends become line breaks, tags are dropped (never interpreted: a <script>
 * is text to throw away, not code), entities decoded. Media are named so the importer can say what was left.
 */
export function htmlToText(html: string): HtmlText {
  const media: string[] = [];
  const withoutHidden = html.replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, "");
  for (const match of withoutHidden.matchAll(/<(img|audio|video|source|embed|object)\b[^>]*?\b(?:src|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
    media.push(decodeEntities((match[2] ?? "").replace(/^["']|["']$/g, "")).replace("@@PLUGINFILE@@/", ""));
  }
  for (const match of withoutHidden.matchAll(/<a\b[^>]*?\bhref\s*=\s*("[^"]*"|'[^']*')/gi)) {
    const href = decodeEntities((match[1] ?? "").slice(1, -1));
    if (href.includes("@@PLUGINFILE@@")) media.push(href.replace("@@PLUGINFILE@@/", ""));
  }
  const text = withoutHidden
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr|table|ul|ol|blockquote)\s*>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "- ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, "");
  return { text: cleanText(decodeEntities(text)), media };
}

/** A line of the bank for something that was not carried over. */
export function mediaNote(media: readonly string[]): string[] {
  return media.length === 0 ? [] : [`media not carried over: ${media.join(", ")}`];
}
