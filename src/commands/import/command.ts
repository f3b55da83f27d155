// prelim import: its options and help. The command itself (./import.ts) is imported when it runs.

import { Command, Option } from "commander";
import type { Runner } from "../define.js";

export function makeImportCommand(run: Runner): Command {
  return new Command("import")
    .description("turn an Aiken, GIFT, Moodle XML or CSV file into a bank, then check it")
    .argument("<file>", "the file to import")
    .addOption(new Option("--format <name>", "the file's format (default: from its extension, else from its text)").choices(["aiken", "gift", "moodle-xml", "csv"]))
    .option("-o, --output <bank.yaml>", "the bank file to write ('-' for standard output; default: <file name>.yaml here)")
    .option("--id <id>", "the bank's id (default: from the output file's name)")
    .option("--title <title>", "the bank's title (default: 'Imported from <file>')")
    .option("--force", "replace the output file if it exists")
    .addHelpText(
      "after",
      `
Choice and true-false questions come in; what a bank cannot hold (GIFT weights and feedback, Moodle
media, essay or matching questions) is a comment in the bank and a line on stderr. Question ids are
slugs of the question text, the same on every import. The bank is checked as 'prelim validate' does.

CSV: a header row question,a,b,c,d,answer,explanation,source,tags,difficulty (more option columns
e, f… allowed); answer is a letter, letters such as "a;c" for several, or true/false with no options.

Exit status: 0 imported and valid, 1 imported with errors to fix, 2 could not import.

Examples:
  $ prelim import questions.aiken.txt                  writes questions.yaml
  $ prelim import quiz.xml -o banks/polity.yaml --id polity
  $ prelim import export.gift --format gift -o - | less
  $ prelim import sheet.csv -o banks/sheet.yaml --force`,
    )
    .action(
      run(async (command, context) => {
        const { importFile } = await import("./import.js");
        return importFile(command.args[0] ?? "", command.opts(), context);
      }),
    );
}
