// `prelim stats` for people: tables, a bar chart of what falls due and a heatmap of activity.

import type { Stats } from "../core/stats.js";
import { sanitizeLine } from "../core/sanitize.js";
import { fitLines } from "./text.js";
import type { Style } from "../core/style.js";
import type { ExamDayRecall } from "../core/exam-day.js";

const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

export function statsText(stats: Stats, style: Style, width = 80, exam?: ExamDayRecall): string {
  const lines: string[] = [style.bold("Banks")];
  // Narrower than the full table (a split pane, 40 columns): short headings and the bank id cut to fit.
  const narrow = width < 64;
  const columns = narrow ? (["all", "seen", "due", "mast", "acc"] as const) : (["total", "seen", "due", "mastered", "accuracy"] as const);
  const cell = narrow ? 5 : 8;
  const idWidth = Math.max(4, Math.min(...(narrow ? [width - 2 - 5 * (cell + 1)] : []), Math.max(...stats.banks.map((bank) => bank.id.length))));
  const row = (id: string, values: readonly string[]) => `  ${id.padEnd(idWidth)}${values.map((value) => ` ${value.padStart(cell)}`).join("")}`;
  lines.push(style.dim(row("bank", columns)));
  for (const bank of stats.banks) {
    const id = sanitizeLine(bank.id);
    lines.push(row(id.length > idWidth ? `${id.slice(0, idWidth - 1)}…` : id, [String(bank.total), String(bank.seen), String(bank.due), String(bank.mastered), percent(bank.accuracy)]));
  }

  const { retention } = stats;
  lines.push("", `${style.bold("Retention")} (last 30 days): ${retention.rate === null ? "no reviews yet" : `${percent(retention.rate)} of ${retention.reviews} reviews answered right`}`);

  if (stats.topics.length > 0) {
    lines.push("", style.bold("Accuracy by topic") + style.dim(" (weakest first)"));
    const topicWidth = Math.max(...stats.topics.map((topic) => topic.topic.length));
    for (const topic of stats.topics) {
      lines.push(`  ${sanitizeLine(topic.topic).padEnd(topicWidth)}  ${percent(topic.accuracy).padStart(4)}  ${style.dim(`${topic.correct}/${topic.answers}`)}`);
    }
  }

  lines.push("", style.bold("Due in the next 7 days"));
  const most = Math.max(1, ...stats.forecast.map((day) => day.count));
  const barRoom = Math.max(10, Math.min(40, width - 24));
  stats.forecast.forEach((day, index) => {
    const label = index === 0 ? "today" : index === 1 ? "tomorrow" : weekday(day.date);
    const bar = "█".repeat(Math.round((day.count / most) * barRoom)) || (day.count > 0 ? "▏" : "");
    lines.push(`  ${label.padEnd(10)} ${style.cyan(bar)} ${day.count}`);
  });

  lines.push("", style.bold("Activity") + style.dim(narrow ? ` (${stats.activity.length} days; ░▒▓█ more)` : ` (last ${stats.activity.length} days, oldest first; ░▒▓█ more answers)`));
  lines.push(`  ${heatmap(stats.activity.map((day) => day.count))}`);

  if (stats.weakest.length > 0) {
    lines.push("", style.bold("Weakest questions"));
    for (const weak of stats.weakest) {
      const text = sanitizeLine(weak.question);
      lines.push(`  ${style.dim(`${weak.wrong}/${weak.answers} wrong`)}  ${text.length > width - 20 ? `${text.slice(0, width - 21)}…` : text}`);
      lines.push(`    ${style.dim(sanitizeLine(weak.key))}${weak.leech ? `  ${style.yellow("leech: rewrite it or study its source")}` : ""}`);
    }
  }
  if (stats.weakestStatements.length > 0) {
    lines.push("", style.bold("Statements you misjudge most") + style.dim(" (prelim review --statements)"));
    for (const weak of stats.weakestStatements) {
      // The key first, then the sentence alone on its lines: wrapped, it stays apart from the next key.
      lines.push(`  ${style.dim(`${weak.misjudged}/${weak.judged} misjudged`)}  ${style.dim(sanitizeLine(weak.key))}`);
      lines.push(`    ${sanitizeLine(weak.text)} ${style.dim(`(${weak.kind === "pair" ? (weak.correct ? "correctly matched" : "not correctly matched") : weak.correct ? "true" : "false"})`)}`);
    }
  }
  if (exam !== undefined) lines.push("", ...examDayLines(exam, style, width));
  return `${fitLines(lines, width).join("\n")}\n`;
}

/** "On exam day": predicted recall per topic and overall, the questions most at risk, the new-question pace. */
function examDayLines(exam: ExamDayRecall, style: Style, width: number): string[] {
  const when = exam.daysLeft === 0 ? "today" : `in ${exam.daysLeft} day${exam.daysLeft === 1 ? "" : "s"}`;
  const topicWidth = Math.max(...exam.topics.map((topic) => topic.topic.length), 7);
  const lines = [
    `${style.bold(`On exam day (${when})`)}${style.dim(`, ${exam.examDate}: predicted recall if nothing more were reviewed`)}`,
    `  ${"overall".padEnd(topicWidth)}  ${percent(exam.recall).padStart(4)}  ${style.dim(`of ${exam.questions} questions; ${exam.seen} seen${exam.recallSeen === null ? "" : `, ${percent(exam.recallSeen)} of those`}`)}`,
  ];
  for (const topic of exam.topics) lines.push(`  ${sanitizeLine(topic.topic).padEnd(topicWidth)}  ${percent(topic.recall).padStart(4)}  ${style.dim(`${topic.questions} question${topic.questions === 1 ? "" : "s"}`)}`);
  if (exam.suggestion.unseen > 0) {
    lines.push(`  ${exam.suggestion.unseen} never seen: ${exam.suggestion.newPerDay} new a day at least sees every question twice before the exam.`);
  }
  if (exam.atRisk.length > 0) {
    lines.push("", style.bold("Most at risk on exam day"));
    for (const risk of exam.atRisk) {
      const text = sanitizeLine(risk.question);
      lines.push(`  ${style.dim(percent(risk.recall).padStart(4))}  ${text.length > width - 12 ? `${text.slice(0, width - 13)}…` : text}`);
      lines.push(`        ${style.dim(sanitizeLine(risk.key))}`);
    }
  }
  return lines;
}

function heatmap(counts: readonly number[]): string {
  const most = Math.max(0, ...counts);
  const shades = ["·", "░", "▒", "▓", "█"];
  const cells = counts.map((count) => (count === 0 ? shades[0] : shades[Math.min(4, Math.ceil((count / most) * 4))]));
  const weeks: string[] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7).join(""));
  return weeks.join(" ");
}

function weekday(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return `${names[new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getDay()]} ${date.slice(5)}`;
}
