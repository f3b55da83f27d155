// GIFT (Moodle's text format): the subset that maps onto prelim — single-answer choice (=right ~wrong),
// several-answer choice (~%50%right ~%-100%wrong), true-false ({T}, {FALSE}) — with general feedback
// (####) as the explanation. Essay, matching, numeric, short-answer and the rest are left out, each
// named. What a bank cannot hold (weights, per-answer feedback, media) is noted, not dropped silently.

import { cleanText, htmlToText, mediaNote, slugOf, type DraftQuestion, type ImportResult, type SkippedQuestion } from "./draft.js";

interface Block {
  readonly text: string;
  readonly line: number;
}

/** Question blocks: blank lines separate them; `//` lines are comments; `$CATEGORY:` sets the tags after it. */
function blocks(text: string): (Block | { category: string; line: number })[] {
  const out: (Block | { category: string; line: number })[] = [];
  let lines: string[] = [];
  let start = 0;
  const flush = () => {
    if (lines.length > 0) out.push({ text: lines.join("\n"), line: start });
    lines = [];
  };
  text.replace(/^\ufeff/, "").split(/\r\n?|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("//")) return;
    if (trimmed === "") {
      flush();
      return;
    }
    const category = /^\$CATEGORY:\s*(.*)$/i.exec(trimmed);
    if (category && lines.length === 0) {
      out.push({ category: category[1] ?? "", line: index + 1 });
      return;
    }
    if (lines.length === 0) start = index + 1;
    lines.push(line);
  });
  flush();
  return out;
}

/** The index of the first character of `chars` not escaped with a backslash, from `from`. */
function unescapedIndex(text: string, chars: string, from = 0): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index] ?? "";
    if (char === "\\") {
      index++;
      continue;
    }
    if (chars.includes(char)) return index;
  }
  return -1;
}

/** Splits on unescaped characters of `chars`, keeping which one started each part. */
function splitUnescaped(text: string, chars: string): { mark: string; text: string }[] {
  const parts: { mark: string; text: string }[] = [];
  let mark = "";
  let from = 0;
  for (;;) {
    const at = unescapedIndex(text, chars, from);
    if (at < 0) break;
    parts.push({ mark, text: text.slice(from, at) });
    mark = text[at] ?? "";
    from = at + 1;
  }
  parts.push({ mark, text: text.slice(from) });
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_whole, char: string) => (char === "n" ? "\n" : char));
}

/** `[html]`, `[moodle]`, `[plain]`, `[markdown]` before a text; html is turned into plain text. */
function formatted(raw: string, inherited = "moodle"): { text: string; media: string[] } {
  const match = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(raw);
  const format = (match?.[1] ?? inherited).toLowerCase();
  const body = unescape(match ? raw.slice(match[0].length) : raw);
  if (format === "html") {
    const html = htmlToText(body);
    return { text: html.text, media: [...html.media] };
  }
  return { text: cleanText(body), media: [] };
}

interface Answer {
  /** Written with `=` (else `~`). */
  readonly equals: boolean;
  readonly right: boolean;
  readonly weight?: number;
  readonly text: string;
  readonly feedback?: string;
}

function answersOf(body: string, format: string): { answers: Answer[]; general?: string; media: string[] } {
  const media: string[] = [];
  const generalAt = body.indexOf("####");
  const general = generalAt < 0 ? undefined : formatted(body.slice(generalAt + 4), format);
  if (general) media.push(...general.media);
  const parts = splitUnescaped(generalAt < 0 ? body : body.slice(0, generalAt), "=~").filter((part) => part.mark !== "");
  const answers = parts.map((part): Answer => {
    let text = part.text;
    let weight: number | undefined;
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (weighted) {
      weight = Number(weighted[1]);
      text = text.slice(weighted[0].length);
    }
    const feedbackAt = unescapedIndex(text, "#");
    const feedback = feedbackAt < 0 ? undefined : formatted(text.slice(feedbackAt + 1), format);
    const answer = formatted(feedbackAt < 0 ? text : text.slice(0, feedbackAt), format);
    media.push(...answer.media, ...(feedback?.media ?? []));
    const right = part.mark === "=" || (weight !== undefined && weight > 0);
    return { equals: part.mark === "=", right, text: answer.text, ...(weight !== undefined && { weight }), ...(feedback?.text && { feedback: feedback.text }) };
  });
  return { answers, ...(general?.text && { general: general.text }), media };
}

type Parsed = { question: DraftQuestion } | { skip: string };

function parseBlock(block: Block, tags: readonly string[]): Parsed {
  let rest = block.text.trim();
  const title = /^::([\s\S]*?)::/.exec(rest);
  if (title) rest = rest.slice(title[0].length);
  const open = unescapedIndex(rest, "{");
  if (open < 0) return { skip: "a description with no answers ({…})" };
  const close = unescapedIndex(rest, "}", open + 1);
  if (close < 0) return { skip: "an answer block '{' with no closing '}'" };
  const formatMatch = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(rest);
  const format = (formatMatch?.[1] ?? "moodle").toLowerCase();
  const before = formatted(rest.slice(0, open));
  const after = formatted(rest.slice(close + 1), format);
  const body = rest.slice(open + 1, close).trim();
  const notes: string[] = [];
  let question = before.text;
  if (/[\p{L}\p{N}]/u.test(after.text)) question = `${before.text} _____ ${after.text}`;
  else if (after.text !== "") notes.push(`text after the answers left out: ${after.text}`);
  const common = { line: block.line, ...(tags.length > 0 && { tags }) };
  const media = [...before.media, ...after.media];

  if (body === "") return { skip: "an essay question (no answers to choose from)" };
  if (body.startsWith("#")) return { skip: "a numeric question" };
  const truth = /^(T|TRUE|F|FALSE)\b/i.exec(body);
  if (truth) {
    const feedback = body.slice(truth[0].length);
    const generalAt = feedback.indexOf("####");
    const explanation = generalAt < 0 ? undefined : formatted(feedback.slice(generalAt + 4), format);
    const perAnswer = (generalAt < 0 ? feedback : feedback.slice(0, generalAt)).split("#").map((part) => cleanText(unescape(part))).filter((part) => part !== "");
    if (perAnswer.length > 0) notes.push(`feedback not carried over: ${perAnswer.join(" | ")}`);
    notes.push(...mediaNote([...media, ...(explanation?.media ?? [])]));
    return {
      question: { kind: "true-false", question, answer: truth[1]?.toUpperCase().startsWith("T") ?? false, notes, ...common, ...(explanation?.text && { explanation: explanation.text }) },
    };
  }
  const { answers, general, media: answerMedia } = answersOf(body, format);
  if (answers.some((answer) => answer.text.includes("->"))) return { skip: "a matching question" };
  // Only `=` answers and no `~`: the accepted answers of a typed short-answer question, not options.
  if (answers.length > 0 && answers.every((answer) => answer.equals)) return { skip: "a short-answer question (typed, not chosen)" };
  if (answers.length < 2) return { skip: "fewer than two answers to choose from" };
  const right = answers.flatMap((answer, index) => (answer.right ? [index] : []));
  if (right.length === 0) return { skip: "no right answer (no '=' and no positive weight)" };
  const weights = answers.filter((answer) => answer.weight !== undefined).map((answer) => `%${answer.weight}%`);
  if (weights.length > 0) notes.push(`GIFT weights not carried over (${weights.join(" ")}): prelim scores a several-answer question only when the choice is exactly right`);
  const feedback = answers.filter((answer) => answer.feedback !== undefined).map((answer) => `${answer.text}: ${answer.feedback}`);
  if (feedback.length > 0) notes.push(`feedback not carried over: ${feedback.join(" | ")}`);
  notes.push(...mediaNote([...media, ...answerMedia]));
  const multiple = weights.length > 0 || right.length > 1;
  return {
    question: { kind: "choice", question, options: answers.map((answer) => answer.text), answer: right, multiple, notes, ...common, ...(general && { explanation: general }) },
  };
}

export function parseGift(text: string): ImportResult {
  const questions: DraftQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  let tags: string[] = [];
  for (const block of blocks(text)) {
    if ("category" in block) {
      const last = block.category.split("/").filter((part) => part.trim() !== "" && !part.startsWith("$")).pop();
      tags = last === undefined ? [] : [slugOf(last)];
      continue;
    }
    const parsed = parseBlock(block, tags);
    if ("question" in parsed) questions.push(parsed.question);
    else skipped.push({ line: block.line, reason: parsed.skip });
  }
  return { questions, skipped, notes: [] };
}
