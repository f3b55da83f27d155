// What `prelim optimize` prints: the evaluation before and after on the held-out newest answers, and
// what was done with the fit.

import type { FsrsEvaluation } from "../core/fsrs-optimizer.js";

export interface OptimizeResult {
  /** Answers in the log. */
  readonly answers: number;
  /** Answers FSRS can learn from: to a question seen on an earlier day. */
  readonly reviews: number;
  readonly train: number;
  readonly test: number;
  /** The weights the evaluation "before" is of. */
  readonly current: "default" | "fitted";
  readonly before: FsrsEvaluation;
  readonly after: FsrsEvaluation;
  /** Whether the fit predicts the held-out answers better (lower log loss). */
  readonly better: boolean;
  readonly saved: boolean;
  readonly dryRun: boolean;
  /** The fit on every review when better, else the weights in use. */
  readonly weights: readonly number[];
}

const fixed = (value: number) => value.toFixed(4);

export function optimizeText(result: OptimizeResult): string {
  const name = result.current === "default" ? "FSRS defaults" : "current fit";
  const width = Math.max(name.length, "fitted".length);
  const lines = [
    `${result.reviews} reviews used (of ${result.answers} answers): fitted on the older ${result.train}, tested on the newest ${result.test}.`,
    "",
    `${"".padEnd(width)}  log loss  RMSE`,
    `${name.padEnd(width)}  ${fixed(result.before.logLoss).padStart(8)}  ${fixed(result.before.rmse)}`,
    `${"fitted".padEnd(width)}  ${fixed(result.after.logLoss).padStart(8)}  ${fixed(result.after.rmse)}`,
    "",
  ];
  if (!result.better) {
    lines.push(`The fit does not predict your newest answers better than the ${name}: kept them.`);
  } else if (result.dryRun) {
    lines.push("Dry run: nothing saved. Run prelim optimize to use the fitted parameters.");
  } else {
    lines.push(
      `Saved as fsrsWeights (fitted on all ${result.reviews} reviews); every question's schedule now uses them.`,
      "prelim config reset fsrsWeights goes back to FSRS's defaults.",
    );
  }
  lines.push(`Parameters: ${result.weights.map((weight) => Number(weight.toFixed(4))).join(",")}`);
  return `${lines.join("\n")}\n`;
}
