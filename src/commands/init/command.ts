// prelim init: its options and help. The command itself (./init.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";

export function makeInitCommand(run: Runner): Command {
  return new Command("init")
    .description("start a bank repository: an example bank, an answer file and a CI workflow")
    .argument("[dir]", "the folder to fill (default: the current folder)")
    .option("--force", "replace files of the starter that exist already")
    .addHelpText(
      "after",
      `
Writes banks/example.yaml (one question of every kind), answers/example.answers.yaml,
schema/bank.schema.json (for editors), .github/workflows/prelim.yml (validate with the github
reporter, then a scripted mock with a JUnit report), README.md and .gitignore. Nothing is written if
any of them exists, unless --force.

Examples:
  $ prelim init my-banks
  $ cd my-banks && prelim validate --strict banks/`,
    )
    .action(
      run(async (command, context) => {
        const { init } = await import("./init.js");
        return init(command.args[0], command.opts(), context);
      }),
    );
}
