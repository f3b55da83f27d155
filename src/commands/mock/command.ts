// prelim mock: its options and help. The command itself (./mock.ts) is imported when it runs.

import { Command } from "commander";
import type { Runner } from "../define.js";
import { withSessionOptions } from "../session/options.js";
import { REPORTER_NAMES } from "../../report/names.js";

export function makeMockCommand(run: Runner): Command {
  return withSessionOptions(
    new Command("mock")
      .description("a timed mock test: no feedback until submit, skip and mark for review, negative marking, a scorecard")
      .argument("[banks...]", "bank ids, files or folders (default: every bank on the search path)"),
    {
      count: "how many questions (default: every question selected, at most 100)",
      seed: "repeat a paper: the same banks and seed give the same questions and option order",
      reporters: REPORTER_NAMES,
      reporterDefault: "pretty on a terminal, else from --output's extension, else json",
      confidence: false,
    },
  )
    .option("--time <duration>", "time limit: 120m, 90s, 1h30m, or minutes (default: 72 s a question)")
    .option("--marking <marks>", "right,wrong[,unanswered] marks (default: the bank's marking, else UPSC's 2,-0.66,0)")
    .option("--pass-mark <mark>", "a percent (60%) or a score (66.5); below it the exit status is 1")
    .option("--output <file>", "write the report to this file (replaced whole) and a one-line summary to stderr")
    .option("--history", "list past attempts with the change since the previous one on the same banks")
    .option("--resume [id]", "go on with an unfinished test: the same paper, answers, marks and time left")
    .option("--discard [id]", "drop an unfinished test; nothing of it is scored or recorded")
    .addHelpText(
      "after",
      `
Keys: a–z choose an option (again to clear; several-answer questions tick), x clear, m mark for
review, ← → or p n previous and next, Enter save and next, g the question palette, a number and
Enter to jump there, S submit (asks to confirm, with the palette's counts). A question taller than the
window scrolls: PgUp PgDn, ↑ ↓, or k j (Shift+K Shift+J on a question with options j or k). t and f
answer a true-false question; ? lists every key. The screen redraws when the window is resized.
Palette: ● answered  ○ not answered  ◇ marked  ◆ answered and marked  · not visited. An answered
question marked for review is scored, as in the real paper.
With TERM=dumb (Emacs shell, some IDE consoles) the test runs in line mode: type an answer and Enter,
Enter alone to go on, p back, g 12, m mark, x clear, r show again, l list, s submit, ? help.

When the time runs out the test is submitted with the answers given. After submitting: the scorecard,
a review of the wrong and unanswered questions, or of every question with the time spent on each, the
attempt saved to the history, and every answered question fed to spaced repetition (mode "mock";
unanswered ones are not).

Every answer, mark and move is saved as you make it. Ctrl-C asks before leaving (a second Ctrl-C leaves
at once); SIGTERM or a closed terminal leave without asking. Either way nothing is lost: prelim mock
--resume goes on with the same paper, answers, marks and the time left (the clock does not run while
no session is open); --discard drops the attempt. The exit status of a test left this way is 130 (129
for a closed terminal, 143 for SIGTERM).

Without --seed a seed is drawn and shown (in the scorecard; on stderr with --answers): run again with
it for the same paper. With --answers there is no clock: --time only applies at a terminal.

Exit status: 0 done (or passed --pass-mark), 1 below --pass-mark, 2 bad usage, a bad bank or answer
file, or no terminal without --answers.

Examples:
  $ prelim mock                                 every bank, up to 100 questions, 72 s each
  $ prelim mock senkaku-2010 meti-policy -n 20 --time 25m
  $ prelim mock questions/ --answers answers.yaml --seed 7 --reporter junit --output report.xml --pass-mark 60%
  $ prelim mock questions/ --answers - --reporter tap < answers.yaml
  $ prelim mock --resume                        go on with the test you left
  $ prelim mock --history`,
    )
    .action(
      run(async (command, context) => {
        const { mock } = await import("./mock.js");
        return mock(command.args, command.opts(), context);
      }),
    );
}
