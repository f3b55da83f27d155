// prelim completion: its options and help. The command itself (./completion.ts) is imported when it runs.

import { Command, Option } from "commander";
import type { Runner } from "../define.js";

export function makeCompletionCommand(run: Runner): Command {
  return new Command("completion")
    .description("print a shell completion script (commands, options, bank ids, tags)")
    .argument("[shell]", "bash, zsh or fish")
    .addOption(new Option("--list <what>", "print the bank ids or tags found, one a line (what the scripts call)").choices(["banks", "tags"]))
    .addHelpText(
      "after",
      `
Examples:
  $ eval "$(prelim completion bash)"                      in ~/.bashrc
  $ eval "$(prelim completion zsh)"                       in ~/.zshrc, after compinit
  $ prelim completion fish > ~/.config/fish/completions/prelim.fish`,
    )
    .action(
      run(async (command, context) => {
        const { completion } = await import("./completion.js");
        return completion(command.args[0], command.opts(), command.parent ?? command, context);
      }),
    );
}
