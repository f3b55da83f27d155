// prelim practice: its options and help. The command itself (./practice.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";
import { feedbackSessionHelp, withSessionOptions } from "../session/options.js";

export const DEFAULT_PRACTICE_COUNT = 10;

export function makePracticeCommand(run: Runner): Command {
  return withSessionOptions(
    new Command("practice")
      .description("a practice session: answer, see right or wrong with the explanation and source at once")
      .argument("[banks...]", "bank ids, files or folders (default: ask, from the bank search path)"),
    feedbackSessionHelp(`how many questions (default: ask on a terminal, else ${DEFAULT_PRACTICE_COUNT}; all with --answers)`),
  )
    .option("--missed", "cram the questions answered wrong lately, most recently missed first")
    .option("--since <span>", "with --missed: how far back, as 7d, 2w or 36h (default 7d)")
    .addHelpText(
      "after",
      `
Keys: a–z or 1–9 answer at once; ↑↓ and Enter work too; for several answers, tick then Enter; t and f
answer a true-false question. A question taller than the window scrolls with PgUp PgDn or k j (Shift+K
Shift+J when j or k is an option). When the feedback and the next question do not fit on the screen,
it waits: Enter goes on, q stops there (setting pauseAfterFeedback). Ctrl-C stops and keeps every
answer given. With TERM=dumb the session runs as plain lines: numbered options, type the answer and Enter.

Examples:
  $ prelim                                    pick banks, topics and a count, then practise
  $ prelim practice senkaku-2010 -n 5         five questions from one bank
  $ prelim practice --topic meti jogmec --difficulty hard
  $ prelim practice --missed --since 14d            cram what you got wrong in two weeks (the
                                              schedule stays, unless: config set cramReschedules true)
  $ prelim practice questions/ --answers answers.yaml --reporter tap     scripted, no terminal needed`,
    )
    .action(
      run(async (command, context) => {
        const { practice } = await import("./practice.js");
        return practice(command.args, command.opts(), context);
      }),
    );
}
