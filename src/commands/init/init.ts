// prelim init [dir]: a bank repository starter. The example bank is checked before anything is written,
// and its answer file is derived from it, so the workflow's mock passes as generated.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadBankText } from "../../bank/load-bank.js";
import { BANK_SCHEMA_URL } from "../../bank/schema-check.js";
import { letterOf } from "../../core/question.js";
import { sanitizeLine } from "../../core/sanitize.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";
import { answerFileFor, STARTER_BANK, STARTER_BANK_TEXT, starterFiles } from "../../report/starter-repo.js";
import { checkNewFile, writeNewFile } from "../../store/new-file.js";
import { displayPath } from "../../ui/display-path.js";
import { packageVersion } from "../../version.js";

export interface InitOptions {
  readonly force?: boolean;
}

export async function init(dir: string | undefined, options: InitOptions, context: Context): Promise<number> {
  const { io } = context;
  const root = path.resolve(io.cwd, dir ?? ".");
  const bank = loadBankText(STARTER_BANK, STARTER_BANK_TEXT).bank;
  // A bug of ours if it does not load: the starter is tested.
  if (bank === undefined) throw new Error("the starter bank does not load");
  const files = starterFiles({
    version: packageVersion(),
    schema: fs.readFileSync(fileURLToPath(BANK_SCHEMA_URL), "utf8"),
    answers: answerFileFor(
      bank.questions.map((question) => ({ id: question.id, kind: question.kind, answer: question.answer, multiple: question.kind === "choice" && question.multiple })),
      letterOf,
    ),
  });
  // Every file checked first, so a starter is written whole or not at all.
  for (const file of files) checkNewFile(path.join(root, file.path), { force: options.force, shownAs: displayPath(path.join(root, file.path), io.cwd) });
  for (const file of files) writeNewFile(path.join(root, file.path), file.text, { force: options.force });
  const shown = sanitizeLine(displayPath(root, io.cwd) || ".");
  io.stdout.write(
    [
      `Started a bank repository in ${shown}:`,
      ...files.map((file) => `  ${file.path}`),
      "",
      "Next:",
      `  prelim validate --strict ${path.join(dir ?? ".", "banks")}${path.sep}`,
      "  then copy a question of the kind you need from banks/example.yaml into a bank of your own.",
      "",
    ].join("\n"),
  );
  return EXIT.ok;
}
