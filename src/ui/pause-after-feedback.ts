// Whether practice and review wait for a key after the feedback: with `auto`, when the feedback and the
// next question (its header, stem, options and key line) do not fit on the screen together, so the
// feedback would scroll away before it is read. Pure: the screen's size comes in.

import type { PauseAfterFeedback } from "../store/setting-definitions.js";
import type { PresentedQuestion } from "../core/session.js";
import { plainStyle } from "../core/style.js";
import { optionLabels, questionBody } from "./question-view.js";
import { wrapStyled } from "./wrap-styled.js";

/** The lines the answer prompt takes for `presented` at `width`: blank, header, body, options, help. */
export function questionScreenLines(presented: PresentedQuestion, width: number): number {
  const body = questionBody(presented.question, width, plainStyle).split("\n").length;
  const options = optionLabels(presented).reduce((sum, option) => sum + wrapStyled(option, Math.max(8, width - 2), "   ").length, 0);
  return 2 + body + options + 1;
}

/**
 * `always` waits after the last question too, so its answer can still be undone, suspended or buried
 * before the summary; `auto` does not: the short summary scrolls nothing away.
 */
export function shouldPause(setting: PauseAfterFeedback, feedbackLines: number, next: PresentedQuestion | undefined, screen: { width: number; height: number }): boolean {
  if (setting === "never") return false;
  if (setting === "always") return true;
  if (next === undefined) return false;
  // The answered question's last line (» the answer) stays above the feedback.
  return 1 + feedbackLines + questionScreenLines(next, screen.width) > screen.height - 1;
}
