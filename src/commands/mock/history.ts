// prelim mock --history: past attempts, with the change since the previous one on the same banks.

import type { Context } from "../../context.js";
import { EXIT, UsageError } from "../../errors.js";
import { historyJson, renderHistory } from "../../report/history.js";
import { attemptsFile, readAttempts } from "../../store/attempts.js";
import { makeStyle } from "../../ui/color.js";
import { loadSessionBanks } from "../session/load-banks.js";
import type { MockOptions } from "./options.js";

export async function showHistory(args: readonly string[], options: MockOptions, context: Context): Promise<number> {
  const { io } = context;
  const reporter = options.reporter;
  if (reporter !== undefined && reporter !== "json" && reporter !== "pretty") {
    throw new UsageError(`--history lists attempts as pretty text or json, not ${reporter}`, "Use --reporter json for JSON, or leave --reporter out.");
  }
  const read = readAttempts(context.dataDir);
  if (read.skipped > 0) io.stderr.write(`prelim: ${read.skipped} unreadable line(s) in ${attemptsFile(context.dataDir)} were skipped\n`);
  let attempts = read.attempts;
  if (args.length > 0) {
    const ids = new Set((await loadSessionBanks(args, context)).banks.map((bank) => bank.id));
    attempts = attempts.filter((attempt) => attempt.banks.some((id) => ids.has(id)));
  }
  if (reporter === "json") io.stdout.write(historyJson(attempts));
  else io.stdout.write(renderHistory(attempts, await makeStyle(context.color)));
  return EXIT.ok;
}
