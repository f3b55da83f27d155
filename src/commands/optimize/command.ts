// prelim optimize: its options and help. The command (./optimize.ts) and the FSRS optimizer it loads
// are imported only when it runs: no other command loads the optimizer's binary.

import { Command } from "commander";
import type { Runner } from "../define.js";
import { MIN_OPTIMIZE_REVIEWS } from "../../core/fsrs-items.js";

export function makeOptimizeCommand(run: Runner): Command {
  return new Command("optimize")
    .description("fit FSRS's parameters to your own review log, and use them from then on")
    .option("--dry-run", "fit and print the evaluation, but keep the current parameters")
    .option("--json", "print the evaluation as JSON")
    .addHelpText(
      "after",
      `
The fit uses every answer to a question you had seen on an earlier day (at least ${MIN_OPTIMIZE_REVIEWS}).
It is judged on a time-series split: fitted on the older 80% of those answers, then tested on the newest
20% against the parameters in use now, by log loss and RMSE (lower is better), as Anki's optimizer
reports them. The parameters fitted on all answers are saved as the setting fsrsWeights only when they
predict the held-out answers better, and every question's schedule is recomputed with them.

Examples:
  $ prelim optimize --dry-run          what a fit would change, nothing saved
  $ prelim optimize                    fit and use the parameters from now on
  $ prelim config get fsrsWeights      the parameters in use
  $ prelim config reset fsrsWeights    back to FSRS's defaults`,
    )
    .action(
      run(async (command, context) => {
        const { optimize } = await import("./optimize.js");
        return optimize(command.opts(), context);
      }),
    );
}
