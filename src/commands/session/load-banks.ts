// The banks and questions a session runs on. A bank named on the command line must load cleanly; a
// broken bank merely found on the search path is skipped with a warning, so one bad file in a bank
// folder does not stop the day's practice.

import fs from "node:fs";
import { loadBanks, resolveBankArgs, UnknownBankError, type CachedLoadOptions } from "../../bank/load-banks.js";
import { withCrossBankProblems } from "../../bank/cross-bank.js";
import type { LoadedBank } from "../../bank/load-bank.js";
import { closestWord } from "../../bank/closest-word.js";
import { COMMAND_NAMES } from "../command-names.js";
import { bankRoots } from "../../bank/find-banks.js";
import { cachedLoadOptions } from "../../bank/bank-load-options.js";
import { countBySeverity } from "../../bank/problem.js";
import type { Bank, Question } from "../../core/question.js";
import { BankError, UsageError } from "../../errors.js";
import { prettyProblems } from "../../report/problem-report.js";
import { displayPath } from "../../ui/display-path.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { startSpinner } from "../../ui/spinner.js";

/** Parsing runs at about 1 MB/s: a spinner for anything that takes a noticeable moment. */
const SPINNER_BYTES = 256 * 1024;

async function spinnerForLargeBanks(files: readonly string[], context: Context): Promise<() => void> {
  const bytes = files.reduce((total, file) => total + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  return startSpinner(`Loading ${files.length === 1 ? "a large bank" : `${files.length} banks`}…`, context.io.stderr, bytes >= SPINNER_BYTES && context.interactive);
}

export interface LoadedSession {
  readonly banks: readonly Bank[];
  readonly questions: readonly Question[];
}

/**
 * Practice is the default command, so `prelim practise` reaches here with "practise" as a bank id: a
 * word that names no bank but is close to a command is taken for a mistyped command.
 */
async function resolveBankArgsOrCommand(args: readonly string[], context: Context, loadOptions: Parameters<typeof resolveBankArgs>[2]): Promise<string[]> {
  const { io } = context;
  try {
    return await resolveBankArgs(args, bankRoots(io.env, context.dataDir, io.cwd), loadOptions, io.cwd);
  } catch (error) {
    const command = error instanceof UnknownBankError && error.near === undefined ? closestWord(error.arg, COMMAND_NAMES) : undefined;
    if (command === undefined) throw error;
    throw new UsageError(`there is no command or bank '${(error as UnknownBankError).arg}'. Did you mean ${command}?`, `Run \`prelim ${command} --help\`, or \`prelim banks\` for the banks.`);
  }
}

export async function loadSessionBanks(args: readonly string[], context: Context): Promise<LoadedSession> {
  const loadOptions = sessionLoadOptions(context);
  const loaded = await loadBanks(await resolveBankArgsOrCommand(args, context, loadOptions), loadOptions);
  const banks = usableBanks(loaded, args, context);
  return { banks, questions: banks.flatMap((bank) => bank.questions) };
}

/**
 * The banks one at a time, for a command that needs one bank's questions at a time (stats): each is
 * loaded, given to `visit` and let go before the next is loaded, so memory follows the largest bank,
 * not all of them. The same banks as loadSessionBanks, the same errors, and nothing visited is shown
 * before they are known: a bank named on the command line with errors fails the command after the loop.
 */
export async function forEachSessionBank(args: readonly string[], context: Context, visit: (bank: Bank) => void): Promise<void> {
  const loadOptions = sessionLoadOptions(context);
  // The first file of each id, without its questions: what tells a later file that its id is taken.
  const firstOfId = new Map<string, Omit<LoadedBank, "bank">>();
  const broken: LoadedBank[] = [];
  let visited = 0;
  for (const file of await resolveBankArgsOrCommand(args, context, loadOptions)) {
    const [loaded] = await loadBanks([file], loadOptions);
    if (loaded === undefined) continue;
    const first = loaded.id === undefined ? undefined : firstOfId.get(loaded.id);
    const checked = first === undefined ? loaded : (withCrossBankProblems([first, loaded])[1] ?? loaded);
    if (checked.id !== undefined && first === undefined) {
      const { bank: _questions, ...withoutQuestions } = checked;
      firstOfId.set(checked.id, withoutQuestions);
    }
    if (checked.bank === undefined) {
      broken.push(checked);
      continue;
    }
    if (args.length > 0 && broken.length > 0) continue;
    visit(checked.bank);
    visited++;
  }
  reportBroken(broken, args, context);
  if (visited === 0) throw noBanks();
}

function sessionLoadOptions(context: Context): CachedLoadOptions {
  return { ...cachedLoadOptions(context.io.env, context.dataDir, { save: context.record }), onParse: (files: readonly string[]) => spinnerForLargeBanks(files, context) };
}

/** The banks that loaded; the others reported (reportBroken). */
function usableBanks(loaded: readonly LoadedBank[], args: readonly string[], context: Context): Bank[] {
  reportBroken(
    loaded.filter((entry) => entry.bank === undefined),
    args,
    context,
  );
  const banks = loaded.flatMap((entry) => (entry.bank ? [entry.bank] : []));
  if (banks.length === 0) throw noBanks();
  return banks;
}

/**
 * A bank named on the command line must load cleanly: its problems are listed and the command fails.
 * One merely found on the search path is skipped with a warning.
 */
function reportBroken(broken: readonly LoadedBank[], args: readonly string[], context: Context): void {
  const { io } = context;
  if (broken.length > 0 && args.length > 0) {
    const problems = broken.flatMap((entry) => entry.problems).map((problem) => ({ ...problem, file: displayPath(problem.file, io.cwd) }));
    io.stderr.write(prettyProblems(problems, { files: broken.length, questions: 0, ...countBySeverity(problems) }));
    throw new BankError(`cannot start: ${broken.length === 1 ? "a bank has" : `${broken.length} banks have`} errors (listed above); fix them, then run prelim validate to check`);
  }
  for (const entry of broken) {
    const shown = sanitizeLine(displayPath(entry.file, io.cwd));
    io.stderr.write(`prelim: skipping ${shown}: it has errors (run prelim validate ${shown})\n`);
  }
}

function noBanks(): UsageError {
  return new UsageError("no banks to practise from", "Name a bank file or folder, or set PRELIM_BANKS; `prelim banks` lists what is found.");
}
