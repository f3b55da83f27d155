// Command registration only: every action lazy-imports its command, so a command loads just what it uses.

import { Command, CommanderError, Option } from "commander";
import type { Io } from "./io.js";
import { packageVersion } from "./version.js";
import { resolveContext } from "./context.js";
import { sanitize } from "./core/sanitize.js";
import type { GlobalOptions } from "./context.js";

type Action = (command: Command) => Promise<number>;

export async function runProgram(args: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const run = (action: Action) => async (...actionArgs: unknown[]) => {
    exitCode = await action(actionArgs[actionArgs.length - 1] as Command);
  };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      // commander has printed its message already.
      return 2;
    }
    throw error;
  }
  return exitCode;
}

/** The options every answering session shares. */
function withSessionOptions(command: Command): Command {
  return command
    .option("-t, --topic <tags...>", "only questions with one of these tags")
    .addOption(new Option("-d, --difficulty <level>", "only questions of this difficulty").choices(["easy", "medium", "hard"]))
    .option("--seed <n>", "repeat a session: the same seed gives the same questions in the same order")
    .option("--answers <file>", "answer from a YAML file of question ids and letters ('-' for stdin); no terminal needed")
    .addOption(new Option("--reporter <name>", "output format (default: pretty on a terminal, tap with --answers)").choices(["pretty", "json", "tap"]))
    .option("--json", "the same as --reporter json");
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

function buildProgram(io: Io, run: (action: Action) => (...args: unknown[]) => Promise<void>): Command {
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
  $ prelim stats                         progress by bank and topic, what falls due
  $ prelim validate my-bank.yaml         check a bank: every problem as file:line:col

Banks are read from the paths given, else from $PRELIM_BANKS (':'-separated folders),
<data dir>/banks and the built-in questions/. NO_COLOR and FORCE_COLOR are honoured.`,
    );

  const context = (command: Command) => resolveContext(command.optsWithGlobals() as GlobalOptions, io);

  withSessionOptions(
    program
      .command("practice", { isDefault: true })
      .description("a practice session: answer, see right or wrong with the explanation and source at once")
      .argument("[banks...]", "bank ids, files or folders (default: ask, from the bank search path)")
      .option("-n, --count <n>", `how many questions (default: ask on a terminal, else ${10}; all with --answers)`),
  )
    .option("--confidence", "after a right answer, ask how sure you were (a guess brings it back sooner)")
    .addHelpText(
      "after",
      `
Keys: a–z or 1–9 answer at once; ↑↓ and Enter work too; for several answers, tick then Enter. Ctrl-C stops
and keeps every answer given.

Examples:
  $ prelim                                    pick banks, topics and a count, then practise
  $ prelim practice senkaku-2010 -n 5         five questions from one bank
  $ prelim practice --topic meti jogmec --difficulty hard
  $ prelim practice questions/ --answers answers.yaml --reporter tap     scripted, no terminal needed`,
    )
    .action(
      run(async (command) => {
        const { practice } = await import("./commands/practice/practice.js");
        return practice(command.args, command.opts(), context(command));
      }),
    );

  withSessionOptions(
    program
      .command("review")
      .description("the questions spaced repetition says are due, most overdue first, then new ones up to the daily limit")
      .argument("[banks...]", "bank ids, files or folders (default: the bank search path)")
      .option("-n, --count <n>", "at most this many questions"),
  )
    .option("--confidence", "after a right answer, ask how sure you were (a guess brings it back sooner)")
    .addHelpText(
      "after",
      `
A wrong answer brings a question back soon; a right one later, sooner when slow, later when fast
(or by your own rating with --confidence). Daily limits: prelim config set newPerDay 30.

Examples:
  $ prelim review                      today's reviews from every bank
  $ prelim review urban-mining -n 20
  $ prelim review --answers answers.yaml --reporter json     scripted, no terminal needed`,
    )
    .action(
      run(async (command) => {
        const { review } = await import("./commands/review/review.js");
        return review(command.args, command.opts(), context(command));
      }),
    );

  program
    .command("mock")
    .description("a timed mock test: no feedback until submit, skip and mark for review, negative marking, a scorecard")
    .argument("[banks...]", "bank ids, files or folders (default: every bank on the search path)")
    .option("-n, --count <n>", "how many questions (default: every question selected, at most 100)")
    .option("-t, --topic <tags...>", "only questions with one of these tags")
    .addOption(new Option("-d, --difficulty <level>", "only questions of this difficulty").choices(["easy", "medium", "hard"]))
    .option("--seed <n>", "repeat a paper: the same banks and seed give the same questions and option order")
    .option("--time <duration>", "time limit: 120m, 90s, 1h30m, or minutes (default: 72 s a question)")
    .option("--marking <marks>", "right,wrong[,unanswered] marks (default: the bank's marking, else UPSC's 2,-0.66,0)")
    .option("--pass-mark <mark>", "a percent (60%) or a score (66.5); below it the exit status is 1")
    .option("--answers <file>", "answer from a YAML file of question ids and letters ('-' for stdin); no terminal needed")
    .option("--reporter <name>", "pretty, json, junit or tap (default: pretty on a terminal, else from --output's extension, else json)")
    .option("--json", "the same as --reporter json")
    .option("--output <file>", "write the report to this file (replaced whole) and a one-line summary to stderr")
    .option("--history", "list past attempts with the change since the previous one on the same banks")
    .addHelpText(
      "after",
      `
Keys: a–z choose an option (again to clear; several-answer questions tick), x clear, m mark for
review, ← → or p n previous and next, Enter save and next, g the question palette, a number and
Enter to jump there, S submit (asks to confirm, with the counts left unanswered and marked).
Palette: ● answered  ○ not answered  ◇ marked  ◆ answered and marked  · not visited. An answered
question marked for review is scored, as in the real paper.

When the time runs out the test is submitted with the answers given. After submitting: the scorecard,
a review of your mistakes if you want it, the attempt saved to the history, and every answered
question fed to spaced repetition (mode "mock"; unanswered ones are not). Ctrl-C stops the test
without submitting: nothing is scored or recorded, and the exit status is 130.

Without --seed a seed is drawn and shown (in the scorecard; on stderr with --answers): run again with
it for the same paper. With --answers there is no clock: --time only applies at a terminal.

Exit status: 0 done (or passed --pass-mark), 1 below --pass-mark, 2 bad usage, a bad bank or answer
file, or no terminal without --answers.

Examples:
  $ prelim mock                                 every bank, up to 100 questions, 72 s each
  $ prelim mock senkaku-2010 meti-policy -n 20 --time 25m
  $ prelim mock questions/ --answers answers.yaml --seed 7 --reporter junit --output report.xml --pass-mark 60%
  $ prelim mock questions/ --answers - --reporter tap < answers.yaml
  $ prelim mock --history`,
    )
    .action(
      run(async (command) => {
        const { mock } = await import("./commands/mock/mock.js");
        return mock(command.args, command.opts(), context(command));
      }),
    );

  program
    .command("stats")
    .description("progress: seen, due and mastered per bank, accuracy by topic, retention, what falls due, activity")
    .argument("[banks...]", "bank ids, files or folders (default: the bank search path)")
    .option("--json", "print the numbers as JSON")
    .addHelpText(
      "after",
      `
Mastered means a stability of 21 days or more. Retention is the share of reviews (answers to questions
seen before) in the last 30 days that were right.

Examples:
  $ prelim stats
  $ prelim stats senkaku-2010 --json`,
    )
    .action(
      run(async (command) => {
        const { stats } = await import("./commands/stats/stats.js");
        return stats(command.args, command.opts(), context(command));
      }),
    );

  program
    .command("config")
    .description("show or change settings: desiredRetention, newPerDay, reviewsPerDay")
    .argument("[action]", "list, get, set or reset", "list")
    .argument("[args...]", "the setting's name, and for set its value")
    .option("--json", "list as JSON")
    .addHelpText(
      "after",
      `
Settings:
  desiredRetention  the chance of remembering that scheduling aims for, 0.70–0.99 (default 0.90)
  newPerDay         new questions a day in review sessions, 0–1000 (default 20)
  reviewsPerDay     due questions a day in review sessions, at most, 0–10000 (default 200)

Examples:
  $ prelim config
  $ prelim config set desiredRetention 0.85
  $ prelim config get newPerDay
  $ prelim config reset newPerDay`,
    )
    .action(
      run(async (command) => {
        const { config } = await import("./commands/config/config.js");
        const [action, args] = command.processedArgs as [string, string[]];
        return config(action, args, command.opts(), context(command));
      }),
    );

  program
    .command("banks")
    .description("list the banks found, with question counts by topic and kind")
    .argument("[paths...]", "bank files or folders (default: the bank search path)")
    .option("--json", "print the list as JSON")
    .addHelpText("after", "\nExamples:\n  $ prelim banks\n  $ prelim banks --json questions/\n  $ PRELIM_BANKS=~/my-banks prelim banks")
    .action(
      run(async (command) => {
        const { banks } = await import("./commands/banks/banks.js");
        return banks(command.args, command.opts(), context(command));
      }),
    );

  program
    .command("validate")
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
      run(async (command) => {
        const { validate } = await import("./commands/validate/validate.js");
        return validate(command.args, command.opts(), context(command));
      }),
    );

  return program;
}

