// Command registration only: each command's options and help live beside it (commands/<name>/command.ts),
// and each action lazy-imports its command, so a command loads just what it uses.

import { Command, CommanderError } from "commander";
import type { CommandName } from "./commands/command-names.js";
import type { Io } from "./io.js";
import { packageVersion } from "./version.js";
import { sanitize } from "./core/sanitize.js";
import { UsageError } from "./errors.js";
import { makeRunner, type Runner } from "./commands/define.js";
import { makePracticeCommand } from "./commands/practice/command.js";
import { makeReviewCommand } from "./commands/review/command.js";
import { makeMockCommand } from "./commands/mock/command.js";
import { makeStatsCommand } from "./commands/stats/command.js";
import { makeConfigCommand } from "./commands/config/command.js";
import { makeBanksCommand } from "./commands/banks/command.js";
import { makeValidateCommand } from "./commands/validate/command.js";
import { makeSuspendCommand, makeSuspendedCommand, makeUnsuspendCommand } from "./commands/suspend/command.js";
import { makeImportCommand } from "./commands/import/command.js";
import { makeExportCommand } from "./commands/export/command.js";
import { makeInitCommand } from "./commands/init/command.js";
import { makeCompletionCommand } from "./commands/completion/command.js";
import { makeOptimizeCommand } from "./commands/optimize/command.js";
import { makePlanCommand } from "./commands/plan/command.js";

// In the order `prelim --help` lists them; practice is the default command.
const COMMANDS: Record<CommandName, (run: Runner) => Command> = {
  practice: makePracticeCommand,
  review: makeReviewCommand,
  mock: makeMockCommand,
  stats: makeStatsCommand,
  config: makeConfigCommand,
  banks: makeBanksCommand,
  validate: makeValidateCommand,
  import: makeImportCommand,
  export: makeExportCommand,
  init: makeInitCommand,
  completion: makeCompletionCommand,
  suspend: makeSuspendCommand,
  unsuspend: makeUnsuspendCommand,
  suspended: makeSuspendedCommand,
  optimize: makeOptimizeCommand,
  plan: makePlanCommand,
};

/**
 * The commands a run needs defined: the one its first word names (after the program's own options
 * alone), or practice when there is no word; every command for help, completion (its script lists
 * them all) and anything else: a mistyped command is told from a bank id against all of them, and a
 * default-command run with options first is commander's to read. Building a command's options was
 * most of commander's start-up.
 */
export function commandsFor(args: readonly string[]): CommandName[] {
  const all = Object.keys(COMMANDS) as CommandName[];
  let at = 0;
  for (;;) {
    if (args[at] === "--debug" || args[at]?.startsWith("--data-dir=")) at += 1;
    else if (args[at] === "--data-dir") at += 2;
    else break;
  }
  const word = args[at];
  if (word === undefined) return ["practice"];
  return word !== "completion" && (all as string[]).includes(word) ? [word as CommandName] : all;
}

export async function runProgram(args: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, makeRunner(io, (code) => (exitCode = code)), commandsFor(args));
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
    // commander has printed its message already; main.ts decides the exit code.
    throw new UsageError(error.message, undefined, { reported: true });
  }
  return exitCode;
}

/**
 * `--json` wherever output is data (PRODUCT.md): on commands with reporters it stands for --reporter json.
 * Registration only; the commands see one option.
 */
function jsonMeansReporter(_program: Command, action: Command): void {
  const options = action.opts() as { json?: boolean; reporter?: string };
  if (!options.json || !action.options.some((option) => option.attributeName() === "reporter")) return;
  if (action.getOptionValueSource("reporter") === "cli" && options.reporter !== "json") {
    action.error(`prelim: --json and --reporter ${options.reporter} ask for two formats; give one`, { exitCode: 2 });
  }
  action.setOptionValue("reporter", "json");
}

function buildProgram(io: Io, run: Runner, names: readonly CommandName[]): Command {
  const program = new Command("prelim")
    .description("Practise multiple-choice questions in the terminal: YAML banks, spaced repetition, mock tests.")
    .version(packageVersion(), "-V, --version", "print the version")
    .option("--data-dir <dir>", "where progress is kept (default: $PRELIM_HOME, else ~/.config/prelim)")
    .option("--debug", "print stack traces of internal errors")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // commander echoes argv in its errors: sanitize, as everything from outside.
      outputError: (text, write) => write(sanitize(text.replace(/^error: /, "prelim: "))),
    })
    .showSuggestionAfterError()
    .hook("preAction", jsonMeansReporter)
    .addHelpText(
      "after",
      `
Examples:
  $ prelim                               practise: pick banks, topics and a count, then answer
  $ prelim practice senkaku-2010 -n 5    five questions from one bank
  $ prelim review                        what spaced repetition says is due today
  $ prelim mock -n 20 --time 25m         a timed mock with UPSC marking
  $ prelim mock --resume                 go on with a mock you left
  $ prelim practice --missed             cram what you got wrong this week
  $ prelim stats                         progress by bank and topic, what falls due
  $ prelim validate my-bank.yaml         check a bank: every problem as file:line:col
  $ prelim plan                          the load per week until the exam date
  $ prelim optimize                      fit FSRS to your own review log
  $ prelim import questions.gift         bring in questions you already have

Banks are read from the paths given, else from $PRELIM_BANKS (':'-separated folders),
<data dir>/banks and the built-in questions/. NO_COLOR and FORCE_COLOR are honoured.`,
    );

  // Made apart, a command inherits nothing until told: it throws rather than exits, and writes where the program does.
  const add = (command: Command, options?: { isDefault: boolean }) => program.addCommand(command.copyInheritedSettings(program), options);
  for (const name of names) add(COMMANDS[name](run), { isDefault: name === "practice" });
  return program;
}
