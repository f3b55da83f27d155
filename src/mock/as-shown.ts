// The scorecard at a terminal names options by the letters the candidate saw, not by the canonical
// letters reports and answer files use: a question re-lettered in its on-screen order scores the same.

import type { Question } from "../core/question.js";
import type { AnsweredQuestion } from "../core/scoring.js";
import type { PresentedQuestion } from "../core/session.js";

export function asShown(presented: PresentedQuestion): Question {
  const { question, order } = presented;
  const position = (canonical: number) => {
    const shown = order.indexOf(canonical);
    return shown === -1 ? canonical : shown;
  };
  return {
    ...question,
    options: order.map((canonical) => question.options[canonical] ?? ""),
    answer: question.answer.map(position).sort((a, b) => a - b),
    shuffle: false,
  };
}

/** Answers in paper order, re-lettered as shown; `answers[i]` answers `presented[i]`. */
export function answersAsShown(presented: readonly PresentedQuestion[], answers: readonly AnsweredQuestion[]): AnsweredQuestion[] {
  return answers.map((answer, index) => {
    const shown = presented[index];
    if (shown === undefined) return answer;
    const given = answer.given?.map((canonical) => {
      const position = shown.order.indexOf(canonical);
      return position === -1 ? canonical : position;
    });
    return { ...answer, question: asShown(shown), given };
  });
}
