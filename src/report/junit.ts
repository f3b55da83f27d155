// The JUnit XML report, valid against the three schemas CI systems use: Jenkins' junit-10.xsd, the
// jenkins-junit.xsd junit5 tests with, and the Apache Ant schema (windyroad JUnit.xsd). Where they
// disagree the report keeps to what all three accept:
// - <testsuites> carries no attributes (Ant's schema allows none); readers count from the suites.
// - every <testsuite> has name, package, id (its index), timestamp (UTC, no zone: Ant's pattern),
//   hostname, tests, failures, errors, skipped and time, then <properties>, the test cases, <system-out>
//   and <system-err> in that order (Ant requires all four; junit5's schema wants that order).
// - every <testcase> has a time (0 when untimed: an answer file has no clock) and a classname.
// - <skipped> has text, no message attribute (junit5's schema declares it a plain string).
// One <testsuite> per bank, not per topic: a question has one bank but may have several tags, and a
// suite per tag would count it more than once. A wrong answer is a <failure>, an unanswered one
// <skipped>. `errors` is always 0: answer-file mistakes are warnings, kept in the first suite's
// <system-err>. The whole paper's score, maximum, percent and pass mark are the first suite's `total.*`
// properties and its <system-out>, so GitLab and Jenkins, which show no report-level data, show them.

import type { MockResult, QuestionResult } from "../core/scoring.js";
import { lettersText, marksText, oneLine, optionText, questionLabel, safeText } from "./text.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

/** Safe text, escaped for an attribute or element. Line breaks are kept as references in attributes. */
function xml(text: string, inAttribute = true): string {
  const pattern = inAttribute ? /[&<>"'\n\r\t]/g : /[&<>"']/g;
  return safeText(text).replace(pattern, (char) => ESCAPES[char] ?? char);
}

/** Where and when the report was made: inputs, so the report stays a pure function. */
export interface JunitMeta {
  readonly timestamp: Date;
  readonly hostname: string;
}

/** Without a clock or a host given: the attempt's own submit time, else the epoch, and "localhost". */
export function junitMeta(result: MockResult, given: Partial<JunitMeta> = {}): JunitMeta {
  return {
    timestamp: given.timestamp ?? result.submittedAt ?? new Date(0),
    hostname: given.hostname !== undefined && given.hostname.trim() !== "" ? given.hostname : "localhost",
  };
}

/** ISO 8601 in UTC without fraction or zone: the one form Ant's schema accepts (it also is xs:dateTime). */
export function junitTimestamp(date: Date): string {
  const time = Number.isNaN(date.getTime()) ? new Date(0) : date;
  return time.toISOString().slice(0, 19);
}

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
  ms: number;
}

function countsOf(results: readonly QuestionResult[]): Counts {
  return {
    tests: results.length,
    failures: results.filter((result) => result.outcome === "wrong").length,
    skipped: results.filter((result) => result.outcome === "unanswered").length,
    ms: results.reduce((sum, result) => sum + (result.ms ?? 0), 0),
  };
}

function failureBody(result: QuestionResult): string {
  const { question } = result;
  const lines = [
    `Question: ${oneLine(question.question)}`,
    ...result.chosen.map((index) => `Chose: ${optionText(question, index)}`),
    ...question.answer.map((index) => `Answer: ${optionText(question, index)}`),
    `Marks: ${marksText(result.marks)}`,
  ];
  if (question.explanation !== undefined) lines.push(`Explanation: ${oneLine(question.explanation)}`);
  return lines.map((line) => xml(line, false)).join("\n");
}

function testcase(result: QuestionResult): string {
  const { question } = result;
  const open = `    <testcase name="${xml(questionLabel(question))}" classname="${xml(question.bank)}" time="${seconds(result.ms)}"`;
  if (result.outcome === "correct") return `${open}/>`;
  if (result.outcome === "unanswered") return `${open}>\n      <skipped>unanswered</skipped>\n    </testcase>`;
  const message = `chose ${lettersText(result.chosen)}; right answer ${lettersText(question.answer)}`;
  return [
    `${open}>`,
    `      <failure message="${xml(message)}" type="wrong">${failureBody(result)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

/** The whole paper's result, for the first suite. */
function totals(result: MockResult): [string, string][] {
  const entries: [string, string][] = [
    ["total.score", marksText(result.score)],
    ["total.maxScore", marksText(result.maxScore)],
    ["total.percent", String(result.percent)],
    ["total.correct", String(result.correct)],
    ["total.wrong", String(result.wrong)],
    ["total.unanswered", String(result.unanswered)],
  ];
  if (result.passMark !== undefined) {
    entries.push(["total.passMark", result.passMark.kind === "percent" ? `${result.passMark.percent}%` : marksText(result.passMark.score)]);
  }
  if (result.passScore !== undefined) entries.push(["total.passScore", marksText(result.passScore)]);
  if (result.passed !== undefined) entries.push(["total.passed", String(result.passed)]);
  return entries;
}

function passMarkText(result: MockResult): string | undefined {
  const { passMark, passScore } = result;
  if (passMark === undefined) return undefined;
  return passMark.kind === "percent" ? `${passMark.percent}% (${marksText(passScore ?? 0)})` : marksText(passMark.score);
}

/** The paper's result in one line, for the first suite's <system-out>. */
export function summaryText(result: MockResult): string {
  const mark = passMarkText(result);
  const pass = mark === undefined || result.passed === undefined ? "" : `; pass mark ${mark}: ${result.passed ? "passed" : "not passed"}`;
  return `score ${marksText(result.score)} / ${marksText(result.maxScore)} (${result.percent}%)${pass}`;
}

function properties(results: readonly QuestionResult[], result: MockResult, first: boolean): string[] {
  const bankScore = results.reduce((sum, item) => sum + Math.round(item.marks * 100), 0) / 100 + 0;
  const entries: [string, string][] = [
    ["score", marksText(bankScore)],
    ["maxScore", marksText((results.length * Math.round(result.marking.correct * 100)) / 100)],
  ];
  if (result.seed !== undefined) entries.push(["seed", String(result.seed)]);
  if (first) entries.push(...totals(result));
  return [
    "    <properties>",
    ...entries.map(([name, value]) => `      <property name="${name}" value="${xml(value)}"/>`),
    "    </properties>",
  ];
}

interface SuiteInput {
  readonly bank: string;
  readonly index: number;
  readonly results: readonly QuestionResult[];
}

function testsuite({ bank, index, results }: SuiteInput, result: MockResult, meta: JunitMeta): string {
  const counts = countsOf(results);
  const first = index === 0;
  const attributes = [
    `name="${xml(bank)}"`,
    `package="${xml(bank)}"`,
    `id="${index}"`,
    `timestamp="${junitTimestamp(meta.timestamp)}"`,
    `hostname="${xml(meta.hostname)}"`,
    `tests="${counts.tests}"`,
    `failures="${counts.failures}"`,
    'errors="0"',
    `skipped="${counts.skipped}"`,
    // The first suite carries the time used, which includes time spent on no question in particular.
    `time="${seconds(first && result.timeUsedMs !== undefined ? Math.max(result.timeUsedMs, counts.ms) : counts.ms)}"`,
  ];
  const out = first ? `    <system-out>${xml(summaryText(result), false)}</system-out>` : "    <system-out/>";
  const warnings = first ? result.warnings : [];
  const err = warnings.length > 0 ? `    <system-err>${warnings.map((w) => xml(w, false)).join("\n")}</system-err>` : "    <system-err/>";
  return [`  <testsuite ${attributes.join(" ")}>`, ...properties(results, result, first), ...results.map(testcase), out, err, "  </testsuite>"].join("\n");
}

export function renderJunit(result: MockResult, given: Partial<JunitMeta> = {}): string {
  const meta = junitMeta(result, given);
  const byBank = new Map<string, QuestionResult[]>();
  for (const item of result.questions) byBank.set(item.question.bank, [...(byBank.get(item.question.bank) ?? []), item]);
  // With no questions, the totals and warnings still need a suite to live in.
  if (byBank.size === 0) byBank.set("prelim", []);
  const suites = [...byBank].map(([bank, results], index) => testsuite({ bank, index, results }, result, meta));
  return ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>", ...suites, "</testsuites>", ""].join("\n");
}
