// prelim plan: its options and help. The command itself (./plan.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";

export function makePlanCommand(run: Runner): Command {
  return new Command("plan")
    .description("the load per week until the exam date: reviews due and new questions needed")
    .argument("[banks...]", "bank ids, files or folders (default: the bank search path)")
    .option("--json", "print the weeks as JSON")
    .addHelpText(
      "after",
      `
Needs an exam date (prelim config set examDate 2027-05-24). New questions are paced so that every
question is seen at least twice before the exam; reviews are projected from today's schedules as if
each were answered right on its day (a wrong answer brings a question back sooner). The pace is a
suggestion: review takes newPerDay new questions a day, whatever the plan says.

Examples:
  $ prelim config set examDate 2027-05-24
  $ prelim plan
  $ prelim plan senkaku-2010 --json`,
    )
    .action(
      run(async (command, context) => {
        const { plan } = await import("./plan.js");
        return plan(command.args, command.opts(), context);
      }),
    );
}
