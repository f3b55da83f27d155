// prelim review: its options and help. The command itself (./review.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";
import { feedbackSessionHelp, withSessionOptions } from "../session/options.js";

export function makeReviewCommand(run: Runner): Command {
  return withSessionOptions(
    new Command("review")
      .description("the questions spaced repetition says are due, most overdue first, then new ones up to the daily limit")
      .argument("[banks...]", "bank ids, files or folders (default: the bank search path)"),
    feedbackSessionHelp("at most this many questions"),
  )
    .option("--due-ahead <days>", "review now what falls due in the next days (a cram: the schedule stays unless cramReschedules is true)")
    .option("--statements", "only the statements and pairs you misjudged, each alone as a true/false check on its own schedule")
    .addHelpText(
      "after",
      `
A wrong answer brings a question back soon; a right one later, sooner when it was slow (or by your own
rating with --confidence). Daily limits: prelim config set newPerDay 30. To see what another day's
review holds, set the clock: PRELIM_NOW=2027-01-15T09:00 prelim review.

A wrong answer to a "which of the statements" question tells which statements you misjudged, and each
gets a schedule of its own: its question comes back when the weakest is due, or, with
prelim config set statementDrill true, each comes back alone as a true/false check in review.
--statements asks only the statements due, as true/false checks.

Examples:
  $ prelim review                      today's reviews from every bank
  $ prelim review urban-mining -n 20
  $ prelim review --statements         the statements you keep misjudging
  $ prelim review --answers answers.yaml --reporter json     scripted, no terminal needed`,
    )
    .action(
      run(async (command, context) => {
        const { review } = await import("./review.js");
        return review(command.args, command.opts(), context);
      }),
    );
}
