// The scorecard for a terminal: plain text, aligned columns, colour only through the injected Style.

import { formatDuration } from "../core/duration.js";
import type { MarkedSummary, MockResult, TopicRow } from "../core/scoring.js";
import type { PresentedQuestion } from "../core/session.js";
import { plainStyle, type Style } from "../core/style.js";
import { fitLines, lettersText, marksText, oneLine, signedMarks, truncate } from "./text.js";

const LABEL_WIDTH = 12;
const TOPIC_WIDTH = 28;

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${value}`;
}

function passLine(result: MockResult, style: Style): string[] {
  if (result.passed === undefined || result.passMark === undefined) return [];
  const percent = result.passMark.kind === "percent" ? ` (${result.passMark.percent}%)` : "";
  const verdict = result.passed ? style.green("PASSED") : style.red("NOT PASSED");
  return [row("Result", `${verdict}, pass mark ${marksText(result.passScore ?? 0)}${percent}`)];
}

function timeLine(result: MockResult): string[] {
  if (result.timeUsedMs === undefined) return [];
  const limit = result.timeLimitMs === undefined ? "" : ` of ${formatDuration(result.timeLimitMs)}`;
  const average = result.averageMs === undefined ? "" : `, ${formatDuration(result.averageMs)} a question`;
  return [row("Time", `${formatDuration(result.timeUsedMs)}${limit}${average}`)];
}

function totals(result: MockResult, style: Style): string[] {
  const accuracy =
    result.accuracy === undefined ? "nothing attempted" : `${result.accuracy}% of ${result.attempted} attempted`;
  const lines = [
    row("Score", style.bold(`${marksText(result.score)} / ${marksText(result.maxScore)}`) + ` (${result.percent}%)`),
    ...passLine(result, style),
    row("Correct", style.green(String(result.correct))),
    row("Wrong", style.red(String(result.wrong))),
    row("Unanswered", String(result.unanswered)),
    row("Accuracy", accuracy),
    row("Marks lost", `${marksText(result.marksLost)} to negative marking`),
    ...timeLine(result),
  ];
  if (result.change !== undefined) {
    const change = result.change > 0 ? style.green(signedMarks(result.change)) : result.change < 0 ? style.red(signedMarks(result.change)) : "no change";
    lines.push(row("Since last", `${change} (${marksText(result.previousScore ?? 0)} before)`));
  }
  if (result.seed !== undefined) lines.push(row("Seed", style.dim(String(result.seed))));
  return lines;
}

function topicTable(topics: readonly TopicRow[], style: Style, lineWidth: number): string[] {
  if (topics.length === 0) return [];
  if (lineWidth < 2 + TOPIC_WIDTH + 4 * 11) return narrowTopicTable(topics, style, lineWidth);
  const width = Math.min(TOPIC_WIDTH, Math.max(5, ...topics.map((topic) => Array.from(oneLine(topic.topic)).length)));
  const cells = (topic: string, ...numbers: string[]): string =>
    `  ${topic.padEnd(width)}${numbers.map((n) => n.padStart(11)).join("")}`;
  return [
    "",
    style.bold("By topic"),
    style.dim(cells("Topic", "Questions", "Attempted", "Correct", "Score")),
    ...topics.map((topic) =>
      cells(truncate(oneLine(topic.topic), width), String(topic.questions), String(topic.attempted), String(topic.correct), marksText(topic.score)),
    ),
  ];
}

/** Three short columns, the topic cut to what is left: for a terminal narrower than the full table. */
function narrowTopicTable(topics: readonly TopicRow[], style: Style, width: number): string[] {
  const topicWidth = Math.max(8, width - 2 - 3 * 7);
  const cells = (topic: string, ...numbers: string[]): string => `  ${topic.padEnd(topicWidth)}${numbers.map((n) => n.padStart(7)).join("")}`;
  return [
    "",
    style.bold("By topic"),
    style.dim(cells("Topic", "Tried", "Right", "Score")),
    ...topics.map((topic) => cells(truncate(oneLine(topic.topic), topicWidth), `${topic.attempted}/${topic.questions}`, String(topic.correct), marksText(topic.score))),
  ];
}

function markedLines(marked: MarkedSummary, style: Style): string[] {
  if (marked.marked === 0) return ["", `${style.bold("Marked for review")}  none`];
  const verdict = marked.marks > 0 ? "the risky attempts paid off" : marked.marks < 0 ? "the risky attempts cost marks" : "they broke even";
  return [
    "",
    `${style.bold("Marked for review")}  ${marked.marked}: ${marked.correct} correct, ${marked.wrong} wrong, ${marked.unanswered} unanswered`,
    `  net ${signedMarks(marked.marks)}: ${verdict}`,
  ];
}

/** Canonical indexes as the letters on screen; an index that was not an option keeps its own. */
function asShown(indexes: readonly number[], shown: PresentedQuestion | undefined): number[] {
  if (shown === undefined) return [...indexes];
  return indexes.map((canonical) => {
    const position = shown.order.indexOf(canonical);
    return position === -1 ? canonical : position;
  }).sort((a, b) => a - b);
}

function mistakes(result: MockResult, style: Style, shown: readonly PresentedQuestion[] | undefined): string[] {
  const wrong = result.questions.flatMap((item, index) => (item.outcome === "wrong" ? [{ item, presented: shown?.[index] }] : []));
  if (wrong.length === 0) return [];
  return [
    "",
    style.bold("Wrong answers"),
    ...wrong.map(
      // Two lines each, so a long bank/id does not push the letters past the edge of the terminal.
      ({ item, presented }) =>
        `  ${style.red("x")} ${truncate(oneLine(item.question.question), 72)}\n    ${style.dim(oneLine(item.question.key))}  chose ${lettersText(asShown(item.chosen, presented))}, answer ${lettersText(asShown(item.question.answer, presented))}`,
    ),
  ];
}

function warningLines(warnings: readonly string[], style: Style): string[] {
  if (warnings.length === 0) return [];
  return ["", style.yellow(style.bold("Warnings")), ...warnings.map((warning) => `  ${style.yellow("!")} ${oneLine(warning)}`)];
}

/**
 * `shown[i]` is how question i was shown: with it, options are named by the letters on screen. `width`
 * is the terminal's: narrower than the full table, the table has three columns and long lines wrap.
 */
export function renderPretty(result: MockResult, style: Style = plainStyle, shown?: readonly PresentedQuestion[], width = 100): string {
  return fitLines([
    style.bold("Mock test scorecard"),
    ...totals(result, style),
    ...topicTable(result.topics, style, width),
    ...markedLines(result.markedForReview, style),
    ...mistakes(result, style, shown),
    ...warningLines(result.warnings, style),
    "",
  ], width).join("\n");
}
