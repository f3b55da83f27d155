// prelim completion bash|zsh|fish: the script, from the program's own definitions; and --list, what
// the script asks for bank ids and tags (from the bank cache: one start-up, no YAML parse when warm).

import type { Command, Option } from "commander";
import { cachedLoadOptions } from "../../bank/bank-load-options.js";
import { bankRoots, defaultBankFolders, findBankFiles } from "../../bank/find-banks.js";
import { loadBanks } from "../../bank/load-banks.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { renderCompletion, SHELLS, type CommandSpec, type CompletionSpec, type OptionSpec, type Shell } from "../../report/completion.js";

export interface CompletionOptions {
  readonly list?: "banks" | "tags";
}

// What each command's positional arguments are; commands not named take file names.
const ARGS: Record<string, CommandSpec["args"]> = {
  practice: "banks",
  review: "banks",
  mock: "banks",
  stats: "banks",
  banks: "banks",
  validate: "banks",
  export: "banks",
  import: "files",
  init: "files",
  config: ["list", "get", "set", "reset"],
  completion: SHELLS,
};

function optionSpec(option: Option): OptionSpec {
  return {
    ...(option.short !== undefined && { short: option.short }),
    ...(option.long !== undefined && { long: option.long }),
    description: option.description,
    takesValue: option.required || option.optional,
    ...(option.argChoices !== undefined && { choices: option.argChoices }),
  };
}

export function completionSpec(program: Command): CompletionSpec {
  return {
    globalOptions: [...program.options.map(optionSpec), { short: "-h", long: "--help", description: "show help", takesValue: false }],
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: command.description(),
      options: command.options.map(optionSpec),
      args: ARGS[command.name()] ?? "files",
    })),
  };
}

async function list(what: "banks" | "tags", context: Context): Promise<number> {
  const { io } = context;
  const loadOptions = cachedLoadOptions(io.env, context.dataDir);
  const files = findBankFiles(defaultBankFolders(bankRoots(io.env, context.dataDir, io.cwd)));
  const banks = (await loadBanks(files, loadOptions)).flatMap((entry) => (entry.bank ? [entry.bank] : []));
  const names = what === "banks" ? banks.map((bank) => bank.id) : banks.flatMap((bank) => bank.questions.flatMap((question) => question.tags));
  const unique = [...new Set(names)].sort();
  io.stdout.write(unique.map((name) => `${sanitizeLine(name)}\n`).join(""));
  return EXIT.ok;
}

export async function completion(shell: string | undefined, options: CompletionOptions, program: Command, context: Context): Promise<number> {
  if (options.list !== undefined) return list(options.list, context);
  if (shell === undefined || !SHELLS.includes(shell as Shell)) {
    throw new UsageError(shell === undefined ? "name a shell: bash, zsh or fish" : `no completion for '${sanitizeLine(shell)}': bash, zsh or fish`, "for example: eval \"$(prelim completion bash)\"");
  }
  context.io.stdout.write(renderCompletion(shell as Shell, completionSpec(program)));
  return EXIT.ok;
}
