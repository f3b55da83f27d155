// prelim stats: its options and help. The command itself (./stats.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";

export function makeStatsCommand(run: Runner): Command {
  return new Command("stats")
    .description("progress: seen, due and mastered per bank, accuracy by topic, retention, what falls due, activity")
    .argument("[banks...]", "bank ids, files or folders (default: the bank search path)")
    .option("--json", "print the numbers as JSON")
    .addHelpText(
      "after",
      `
Mastered means a stability of 21 days or more. Retention is the share of reviews (answers to questions
seen before) in the last 30 days that were right. With an exam date set (prelim config set examDate
2027-05-24), stats ends with the exam day: predicted recall per topic and overall, the questions most
at risk, and how many new questions a day see every question twice before it.

Examples:
  $ prelim stats
  $ prelim stats senkaku-2010 --json`,
    )
    .action(
      run(async (command, context) => {
        const { stats } = await import("./stats.js");
        return stats(command.args, command.opts(), context);
      }),
    );
}
