// After the scorecard, at a terminal: the wrong and unanswered questions one by one (or every question,
// as CBT platforms offer), with the options as the candidate saw them, what they chose, the right
// answer, the explanation, the source and the time spent on the question.

import { letterOf } from "../core/question.js";
import type { QuestionResult } from "../core/scoring.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { formatDuration } from "../core/duration.js";
import { ask } from "./prompt.js";
import { questionBody, rightAnswerText, wrap } from "./question-view.js";
import { keyPrompt } from "./key-prompt.js";

export interface Mistake {
  readonly presented: PresentedQuestion;
  readonly result: QuestionResult;
  /** 1-based position in the paper. */
  readonly number: number;
}

/** One question of the paper as text: pure, every bank string through question-view's sanitizing helpers. */
export function mistakeText(mistake: Mistake, index: number, total: number, width: number, style: Style, what = "Mistake"): string {
  const { presented, result } = mistake;
  const { question } = presented;
  const given = result.chosen;
  const verdict =
    result.outcome === "wrong" ? style.red(`wrong (${result.marks})`) : result.outcome === "correct" ? style.green(`right (+${result.marks})`) : style.yellow("not answered");
  const time = result.ms === undefined ? "" : style.dim(` · ${formatDuration(result.ms)} on it`);
  const heading = `${what} ${index + 1} of ${total} · question ${mistake.number} · `;
  const lines = [style.dim(heading) + verdict + time, questionBody(question, width, style), ""];
  presented.order.forEach((canonical, position) => {
    const right = question.answer.includes(canonical);
    const chosen = given.includes(canonical);
    const mark = right ? style.green("✔") : chosen ? style.red("✘") : " ";
    const label = `${mark} (${letterOf(position)}) `;
    const text = wrap(question.options[canonical] ?? "", Math.max(10, width - 8));
    text.forEach((line, row) => {
      const note = row === text.length - 1 ? `${chosen ? style.dim("  ← your answer") : ""}` : "";
      lines.push(`  ${row === 0 ? label : "      "}${right ? style.green(line) : line}${note}`);
    });
  });
  // An answer file may name letters past the options; they are shown, not dropped.
  const beyond = given.filter((index) => !presented.order.includes(index));
  if (beyond.length > 0) lines.push(style.red(`  ✘ you gave ${beyond.map((index) => (index < 26 ? letterOf(index) : `#${index}`)).join(", ")}, which is not an option`));
  lines.push("", `The answer is ${style.bold(rightAnswerText(presented))}`);
  if (question.explanation) lines.push(...wrap(question.explanation, width, "  "));
  if (question.source) lines.push(...wrap(`Source: ${question.source}`, width, "  ").map((line) => style.dim(line)));
  return lines.join("\n");
}

export interface WalkOptions {
  readonly style: Style;
  readonly width: number;
  readonly signal: AbortSignal;
  readonly write: (text: string) => void;
}

const count = (n: number, word: string) => `${n} ${word}`;

/** "Review 1 wrong and 3 unanswered?": what the walk would show, named. */
export function reviewQuestion(items: readonly Mistake[]): string {
  const wrong = items.filter((item) => item.result.outcome === "wrong").length;
  const unanswered = items.filter((item) => item.result.outcome === "unanswered").length;
  const parts = [...(wrong > 0 ? [count(wrong, "wrong")] : []), ...(unanswered > 0 ? [count(unanswered, "unanswered")] : [])];
  return parts.length === 0 ? "Every answer was right." : `Review ${parts.join(" and ")}?`;
}

/**
 * Asks what to review (y: the wrong and unanswered, a: every question with the time spent on it), then
 * shows them one by one; q stops. `items` is every question of the paper. Returns how many were shown.
 */
export async function reviewMistakes(items: readonly Mistake[], options: WalkOptions): Promise<number> {
  const { style, signal } = options;
  if (items.length === 0) return 0;
  const mistakes = items.filter((item) => item.result.outcome !== "correct");
  const keys = mistakes.length > 0 ? ["y", "a", "n", "q"] : ["a", "n", "q"];
  const choices = mistakes.length > 0 ? "(y: yes · a: every question, with the time on each · n: no)" : "Review every question, with the time on each? (a: yes · n: no)";
  const message = `${reviewQuestion(items)} ${choices}`;
  const wanted = await ask((context) => keyPrompt({ message: style.bold(message), keys, style }, context), { signal });
  if (wanted !== "y" && wanted !== "a") return 0;
  const shownItems = wanted === "a" ? items : mistakes;
  const what = wanted === "a" ? "Question" : "Mistake";
  let shown = 0;
  for (const [index, item] of shownItems.entries()) {
    options.write(`\n${mistakeText(item, index, shownItems.length, options.width, style, what)}\n\n`);
    shown++;
    if (index === shownItems.length - 1) break;
    const key = await ask((context) => keyPrompt({ message: style.dim("Enter next · q stop"), keys: ["enter", "q", "n", "space"], style }, context), { signal });
    if (key === "q") break;
  }
  options.write(style.dim("End of the review.\n"));
  return shown;
}
