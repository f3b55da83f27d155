// prelim export: its options and help. The command itself (./export.ts) is imported when it runs.

import { Command, Option } from "commander";
import type { Runner } from "../define.js";

export function makeExportCommand(run: Runner): Command {
  return new Command("export")
    .description("write banks as an Anki import file, GIFT, Aiken or CSV")
    .argument("<banks...>", "bank ids, files or folders")
    .addOption(new Option("--format <name>", "what to write").choices(["anki", "gift", "aiken", "csv"]).makeOptionMandatory())
    .option("-o, --output <file>", "the file to write (default: standard output)")
    .option("--force", "replace the output file if it exists")
    .addHelpText(
      "after",
      `
anki   Anki's "Notes in Plain Text" file (File > Import): Basic notes, the question and options on the
       front, the answer, explanation and source on the back, the bank and question tags as tags, and
       bank/id as each note's GUID, so importing a later export updates the same notes.
gift   Moodle GIFT: choice (several right answers as weights), true-false; statements, pairs,
       Statement-I/II and List-I/II questions written out as the paper prints them, with their options.
aiken  Moodle Aiken: single-answer questions only; the others are named on stderr.
csv    the columns prelim import reads: question,a,b,c,d,…,answer,explanation,source,tags,difficulty.

Examples:
  $ prelim export senkaku-2010 --format anki -o senkaku.txt
  $ prelim export questions/ --format gift > all.gift
  $ prelim export urban-mining --format csv -o urban-mining.csv --force`,
    )
    .action(
      run(async (command, context) => {
        const { exportBanks } = await import("./export.js");
        return exportBanks(command.args, command.opts(), context);
      }),
    );
}
