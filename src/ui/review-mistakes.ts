// After the scorecard, at a terminal: the wrong and unanswered questions one by one, with the options as
// the candidate saw them, what they chose, the right answer, the explanation and the source.

import { letterOf } from "../core/question.js";
import type { QuestionResult } from "../core/scoring.js";
import type { PresentedQuestion } from "../core/session.js";
import type { Style } from "../core/style.js";
import { ask } from "./prompt.js";
import { questionBody, rightAnswerText, wrap } from "./question-view.js";
import { keyPrompt } from "./key-prompt.js";

export interface Mistake {
  readonly presented: PresentedQuestion;
  readonly result: QuestionResult;
  /** 1-based position in the paper. */
  readonly number: number;
}

/** One mistake as text: pure, every bank string through question-view's sanitizing helpers. */
export function mistakeText(mistake: Mistake, index: number, total: number, width: number, style: Style): string {
  const { presented, result } = mistake;
  const { question } = presented;
  const given = result.chosen;
  const verdict = result.outcome === "wrong" ? style.red(`wrong (${result.marks})`) : style.yellow("not answered");
  const lines = [style.dim(`Mistake ${index + 1} of ${total} · question ${mistake.number} · `) + verdict, questionBody(question, width, style), ""];
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

/** Asks whether to review, then shows each mistake; q stops. Returns how many were shown. */
export async function reviewMistakes(mistakes: readonly Mistake[], options: WalkOptions): Promise<number> {
  const { style, signal } = options;
  if (mistakes.length === 0) return 0;
  const wanted = await ask((context) => keyPrompt({ message: style.bold(`Review your mistakes (${mistakes.length})? (y/n)`), keys: ["y", "n", "q"], style }, context), { signal });
  if (wanted !== "y") return 0;
  let shown = 0;
  for (const [index, mistake] of mistakes.entries()) {
    options.write(`\n${mistakeText(mistake, index, mistakes.length, options.width, style)}\n\n`);
    shown++;
    if (index === mistakes.length - 1) break;
    const key = await ask((context) => keyPrompt({ message: style.dim("Enter next · q stop"), keys: ["enter", "q", "n", "space"], style }, context), { signal });
    if (key === "q") break;
  }
  options.write(style.dim("End of the review.\n"));
  return shown;
}
