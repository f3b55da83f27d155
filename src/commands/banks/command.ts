// prelim banks: its options and help. The command itself (./banks.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";

export function makeBanksCommand(run: Runner): Command {
  return new Command("banks")
    .description("list the banks found, with question counts by topic and kind")
    .argument("[paths...]", "bank files or folders (default: the bank search path)")
    .option("--json", "print the list as JSON")
    .addHelpText("after", "\nExamples:\n  $ prelim banks\n  $ prelim banks --json questions/\n  $ PRELIM_BANKS=~/my-banks prelim banks")
    .action(
      run(async (command, context) => {
        const { banks } = await import("./banks.js");
        return banks(command.args, command.opts(), context);
      }),
    );
}
