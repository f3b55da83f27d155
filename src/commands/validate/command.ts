// prelim validate: its options and help. The command itself (./validate.ts) is imported when it runs.

import { Command, Option } from "commander";
import type { Runner } from "../define.js";

export function makeValidateCommand(run: Runner): Command {
  return new Command("validate")
    .description("check banks and list every problem as file:line:col  severity  rule  message")
    .argument("[paths...]", "bank files or folders, searched recursively for .yaml/.yml (default: the bank search path)")
    .addOption(new Option("--reporter <name>", "output format").choices(["pretty", "json", "github"]).default("pretty"))
    .option("--json", "the same as --reporter json")
    .option("--strict", "treat warnings as errors")
    .addHelpText(
      "after",
      `
Exit status: 0 no errors, 1 errors found, 2 a path does not exist or bad usage.

Examples:
  $ prelim validate questions/
  $ prelim validate --strict my-bank.yaml
  $ prelim validate --reporter json banks/ > problems.json
  $ prelim validate --reporter github banks/    # in a GitHub Actions step`,
    )
    .action(
      run(async (command, context) => {
        const { validate } = await import("./validate.js");
        return validate(command.args, command.opts(), context);
      }),
    );
}
