// The JUnit XML report. One <testsuite> per bank, not per topic: a question has one bank but may have
// several tags, and a suite per tag would count it more than once. One <testcase> per question; a wrong
// answer is a <failure>, an unanswered one <skipped/>. `errors` is always 0: answer-file mistakes are
// warnings, and JUnit has no run-level output, so they go in the first suite's <system-err>.

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

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
  ms: number | undefined;
}

function countsOf(results: readonly QuestionResult[]): Counts {
  const timed = results.filter((result) => result.ms !== undefined);
  return {
    tests: results.length,
    failures: results.filter((result) => result.outcome === "wrong").length,
    skipped: results.filter((result) => result.outcome === "unanswered").length,
    ms: timed.length === 0 ? undefined : timed.reduce((sum, result) => sum + (result.ms ?? 0), 0),
  };
}

function countAttributes(counts: Counts): string {
  const time = counts.ms === undefined ? "" : ` time="${seconds(counts.ms)}"`;
  return `tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}"${time}`;
}

function failureBody(result: QuestionResult): string {
  const { question } = result;
  const lines = [
    `Question: ${oneLine(question.question)}`,
    ...(result.chosen).map((index) => `Chose: ${optionText(question, index)}`),
    ...question.answer.map((index) => `Answer: ${optionText(question, index)}`),
    `Marks: ${marksText(result.marks)}`,
  ];
  if (question.explanation !== undefined) lines.push(`Explanation: ${oneLine(question.explanation)}`);
  return lines.map((line) => xml(line, false)).join("\n");
}

function testcase(result: QuestionResult): string {
  const { question } = result;
  const time = result.ms === undefined ? "" : ` time="${seconds(result.ms)}"`;
  const open = `    <testcase name="${xml(questionLabel(question))}" classname="${xml(question.bank)}"${time}`;
  if (result.outcome === "correct") return `${open}/>`;
  if (result.outcome === "unanswered") return `${open}>\n      <skipped message="unanswered"/>\n    </testcase>`;
  const message = `chose ${lettersText(result.chosen)}; right answer ${lettersText(question.answer)}`;
  return [
    `${open}>`,
    `      <failure message="${xml(message)}" type="wrong">${failureBody(result)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

function properties(results: readonly QuestionResult[], result: MockResult): string[] {
  const bankScore = results.reduce((sum, item) => sum + Math.round(item.marks * 100), 0) / 100 + 0;
  const entries: [string, string][] = [
    ["score", marksText(bankScore)],
    ["maxScore", marksText((results.length * Math.round(result.marking.correct * 100)) / 100)],
  ];
  if (result.seed !== undefined) entries.push(["seed", String(result.seed)]);
  return [
    "    <properties>",
    ...entries.map(([name, value]) => `      <property name="${name}" value="${xml(value)}"/>`),
    "    </properties>",
  ];
}

function testsuite(bank: string, results: readonly QuestionResult[], result: MockResult, warnings: readonly string[]): string {
  const lines = [
    `  <testsuite name="${xml(bank)}" ${countAttributes(countsOf(results))}>`,
    ...properties(results, result),
    ...results.map(testcase),
  ];
  if (warnings.length > 0) lines.push(`    <system-err>${warnings.map((w) => xml(w, false)).join("\n")}</system-err>`);
  lines.push("  </testsuite>");
  return lines.join("\n");
}

export function renderJunit(result: MockResult): string {
  const byBank = new Map<string, QuestionResult[]>();
  for (const item of result.questions) byBank.set(item.question.bank, [...(byBank.get(item.question.bank) ?? []), item]);
  // With no questions, warnings still need a suite to live in.
  if (byBank.size === 0 && result.warnings.length > 0) byBank.set("prelim", []);
  const suites = [...byBank].map(([bank, results], index) =>
    testsuite(bank, results, result, index === 0 ? result.warnings : []),
  );
  // The whole run's time is the time used, which includes time spent on no question in particular.
  const all = countsOf(result.questions);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="prelim mock" ${countAttributes({ ...all, ms: result.timeUsedMs ?? all.ms })}>`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
