// Moodle XML: multichoice (one or several right answers) and truefalse questions, with the general
// feedback as the explanation and the category as a tag. Text is data: CDATA is taken as written,
// elements' text has its character references decoded, HTML is turned into plain text (never
// interpreted), embedded base64 files are named in a note and never decoded. A DOCTYPE is refused
// before parsing: Moodle never writes one, and it is how entity-expansion attacks arrive.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError } from "../../errors.js";
import { cleanText, decodeEntities, htmlToText, mediaNote, slugOf, type DraftQuestion, type ImportResult, type SkippedQuestion } from "./draft.js";

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "#cdata",
  commentPropName: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["question", "answer", "file", "tag"].includes(name),
});

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(node: XmlNode, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** An element's text: character references decoded in plain text, CDATA exactly as written. */
function textOf(value: unknown): string {
  if (typeof value === "string") return decodeEntities(value);
  if (Array.isArray(value)) return value.map(textOf).join("");
  if (!isNode(value)) return "";
  const plain = own(value, "#text");
  const cdata = own(value, "#cdata");
  const cdataText = Array.isArray(cdata) ? cdata.map(String).join("") : typeof cdata === "string" ? cdata : "";
  return `${textOf(plain)}${cdataText}`;
}

interface Rich {
  readonly text: string;
  readonly media: readonly string[];
}

/** A Moodle text element (`<questiontext format="html"><text>…</text><file …/></questiontext>`) as plain text. */
function richText(value: unknown): Rich {
  if (!isNode(value)) return { text: cleanText(textOf(value)), media: [] };
  const raw = textOf(own(value, "text"));
  const format = String(own(value, "@format") ?? "html");
  const files = (own(value, "file") as unknown[] | undefined) ?? [];
  const fileNames = files.map((file) => (isNode(file) ? decodeEntities(String(own(file, "@name") ?? "file")) : "file"));
  const converted = format === "html" || format === "moodle_auto_format" ? htmlToText(raw) : { text: cleanText(raw), media: [] };
  return { text: converted.text, media: [...new Set([...converted.media, ...fileNames])] };
}

function answersOf(question: XmlNode): { text: Rich; fraction: number; feedback: Rich }[] {
  const answers = (own(question, "answer") as unknown[] | undefined) ?? [];
  return answers.filter(isNode).map((answer) => ({
    text: richText({ ...answer, "@format": own(answer, "@format") ?? "html" }),
    fraction: Number(own(answer, "@fraction") ?? 0),
    feedback: richText(own(answer, "feedback")),
  }));
}

const SKIPPED_KINDS: Record<string, string> = {
  essay: "an essay question (no answers to choose from)",
  shortanswer: "a short-answer question (typed, not chosen)",
  numerical: "a numeric question",
  matching: "a matching question",
  multianswer: "an embedded-answers (cloze) question",
  description: "a description, not a question",
  calculated: "a calculated question",
  ddwtos: "a drag-and-drop question",
};

type Parsed = { question: DraftQuestion } | { skip: string };

function parseQuestion(question: XmlNode, tags: readonly string[]): Parsed {
  const type = String(own(question, "@type") ?? "");
  const stem = richText(own(question, "questiontext"));
  const general = richText(own(question, "generalfeedback"));
  const notes: string[] = [];
  const common = { ...(tags.length > 0 && { tags }), ...(general.text !== "" && { explanation: general.text }) };
  const answers = answersOf(question);
  const feedback = answers.filter((answer) => answer.feedback.text !== "").map((answer) => `${answer.text.text}: ${answer.feedback.text}`);
  const media = [...stem.media, ...general.media, ...answers.flatMap((answer) => [...answer.text.media, ...answer.feedback.media])];
  if (stem.text === "") return { skip: `a ${type || "question"} with no question text` };

  if (type === "truefalse") {
    const right = answers.find((answer) => answer.fraction > 0);
    const truth = right?.text.text.toLowerCase();
    if (truth !== "true" && truth !== "false") return { skip: "a true-false question whose right answer is neither true nor false" };
    if (feedback.length > 0) notes.push(`feedback not carried over: ${feedback.join(" | ")}`);
    notes.push(...mediaNote(media));
    return { question: { kind: "true-false", question: stem.text, answer: truth === "true", notes, ...common } };
  }
  if (type === "multichoice") {
    if (answers.length < 2) return { skip: "a multichoice question with fewer than two answers" };
    const right = answers.flatMap((answer, index) => (answer.fraction > 0 ? [index] : []));
    if (right.length === 0) return { skip: "a multichoice question with no answer worth marks" };
    const single = textOf(own(question, "single")).trim().toLowerCase();
    const multiple = single === "false" || single === "0" || right.length > 1;
    const partial = answers.filter((answer) => answer.fraction !== 0 && answer.fraction !== 100).map((answer) => `${answer.fraction}%`);
    if (partial.length > 0) notes.push(`Moodle fractions not carried over (${partial.join(" ")}): prelim scores a several-answer question only when the choice is exactly right`);
    if (feedback.length > 0) notes.push(`feedback not carried over: ${feedback.join(" | ")}`);
    notes.push(...mediaNote(media));
    return { question: { kind: "choice", question: stem.text, options: answers.map((answer) => answer.text.text), answer: right, multiple, notes, ...common } };
  }
  return { skip: SKIPPED_KINDS[type] ?? `a question of type '${type}', which prelim has no kind for` };
}

/** The line of a character offset, for messages. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

export function parseMoodleXml(text: string): ImportResult {
  const source = text.replace(/^\ufeff/, "");
  const doctype = /<!DOCTYPE/i.exec(source);
  if (doctype) {
    throw new ImportError(`line ${lineAt(source, doctype.index)}: the file has a <!DOCTYPE>, which Moodle never writes; it is not read (entities in it could expand without bound)`, "remove the DOCTYPE and import again");
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new ImportError(`line ${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`, "export the questions from Moodle again, as Moodle XML");
  }
  const root = parser.parse(source) as XmlNode;
  const quiz = own(root, "quiz");
  if (!isNode(quiz)) throw new ImportError("this XML has no <quiz> element: it is not a Moodle XML question file", "in Moodle, export the questions with the format 'Moodle XML'");
  const questions: DraftQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  const notes: string[] = [];
  let tags: string[] = [];
  let index = 0;
  for (const node of ((own(quiz, "question") as unknown[] | undefined) ?? []).filter(isNode)) {
    index++;
    if (own(node, "@type") === "category") {
      const path = textOf(own(own(node, "category") as XmlNode, "text") ?? "");
      const last = path.split("/").filter((part) => part.trim() !== "" && !part.startsWith("$")).pop();
      tags = last === undefined ? [] : [slugOf(last)];
      continue;
    }
    const parsed = parseQuestion(node, tags);
    const name = cleanText(textOf(isNode(own(node, "name")) ? own(own(node, "name") as XmlNode, "text") : ""));
    if ("question" in parsed) questions.push(parsed.question);
    else skipped.push({ reason: `question ${index}${name ? ` (${name})` : ""}: ${parsed.skip}` });
  }
  return { questions, skipped, notes };
}
