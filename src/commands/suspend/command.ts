// prelim suspend / unsuspend / suspended: keep questions out of practice and review, bring them back,
// list them. Options and help; the commands themselves (./suspend.ts) are imported when they run.

import { Command } from "commander";
import type { Runner } from "../define.js";

export function makeSuspendCommand(run: Runner): Command {
  return new Command("suspend")
    .description("keep questions out of practice and review until you unsuspend them")
    .argument("<questions...>", "bank/id of each question (the id alone when it is unique)")
    .addHelpText("after", "\nAt a question's feedback, s suspends it and b buries it until tomorrow.\n\nExamples:\n  $ prelim suspend senkaku-2010/embargo-trigger\n  $ prelim suspended")
    .action(
      run(async (command, context) => {
        const { suspend } = await import("./suspend.js");
        return suspend(command.args, context);
      }),
    );
}

export function makeUnsuspendCommand(run: Runner): Command {
  return new Command("unsuspend")
    .description("bring suspended questions back into practice and review")
    .argument("[questions...]", "bank/id of each question")
    .option("--all", "every suspended question")
    .addHelpText("after", "\nExamples:\n  $ prelim unsuspend senkaku-2010/embargo-trigger\n  $ prelim unsuspend --all")
    .action(
      run(async (command, context) => {
        const { unsuspend } = await import("./suspend.js");
        return unsuspend(command.args, command.opts(), context);
      }),
    );
}

export function makeSuspendedCommand(run: Runner): Command {
  return new Command("suspended")
    .description("list the suspended questions, and those buried until tomorrow")
    .option("--json", "print the list as JSON")
    .addHelpText("after", "\nExamples:\n  $ prelim suspended\n  $ prelim suspended --json")
    .action(
      run(async (command, context) => {
        const { suspended } = await import("./suspend.js");
        return suspended(command.opts(), context);
      }),
    );
}
