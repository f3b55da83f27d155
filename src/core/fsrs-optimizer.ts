// The FSRS optimizer (@open-spaced-repetition/binding, fsrs-rs compiled for Node): the only file that
// imports it, and it is imported only by `prelim optimize`, so no other command loads its binary.
// It lives in core because it is pure computation on the histories it is given (no files, no clock,
// no randomness of its own: the training seed is fsrs-rs's fixed default); its classes and beta API
// stop here.

import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from "@open-spaced-repetition/binding";
import type { FsrsHistory } from "./fsrs-items.js";

/** How well a set of weights predicts answers, as Anki's optimizer reports it. */
export interface FsrsEvaluation {
  /** Mean negative log-likelihood of each answer being right: lower is better. */
  readonly logLoss: number;
  /** Root mean square error between predicted and actual recall, over bins: lower is better. */
  readonly rmse: number;
}

function toItems(histories: readonly FsrsHistory[]): FSRSBindingItem[] {
  return histories.map(
    (history) => new FSRSBindingItem(history.steps.map((step) => new FSRSBindingReview(step.grade, step.days))),
  );
}

/** The weights FSRS fits to these histories (21 numbers, FSRS-6), without short-term parameters. */
export async function fitWeights(histories: readonly FsrsHistory[]): Promise<number[]> {
  // Short-term (same-day) memory is off, as in prelim's scheduler: sessions are daily.
  return computeParameters(toItems(histories), { enableShortTerm: false });
}

export function evaluateWeights(weights: readonly number[], histories: readonly FsrsHistory[]): FsrsEvaluation {
  const result = new FSRSBinding([...weights]).evaluate(toItems(histories));
  return { logLoss: result.logLoss, rmse: result.rmseBins };
}
