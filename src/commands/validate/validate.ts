// prelim validate [paths…]: every problem in every bank, and an exit code CI can act on.

import path from "node:path";
import { loadBanks, resolveBankArgs } from "../../bank/load-banks.js";
import { bankRoots } from "../../bank/find-banks.js";
import { maxBankBytes } from "../../bank/read-file.js";
import { compareProblems, countBySeverity } from "../../bank/problem.js";
import type { Problem } from "../../bank/problem.js";
import { githubProblems, jsonProblems, prettyProblems } from "../../report/problem-report.js";
import type { ProblemReporter } from "../../report/problem-report.js";
import { makeStyle } from "../../ui/color.js";
import { displayPath } from "../../ui/display-path.js";
import type { Context } from "../../context.js";
import { EXIT } from "../../errors.js";

export interface ValidateOptions {
  readonly reporter?: ProblemReporter;
  readonly strict?: boolean;
}

/**
 * GitHub matches an annotation's file against the repository, so it is relative to GITHUB_WORKSPACE
 * (the checkout) when that is set and the file is inside it, whatever folder the step ran in.
 */
function workspacePath(file: string, env: NodeJS.ProcessEnv, cwd: string): string {
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace === undefined || workspace === "") return displayPath(file, cwd);
  const relative = path.relative(path.resolve(cwd, workspace), path.resolve(cwd, file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : displayPath(file, cwd);
}

export async function validate(paths: readonly string[], options: ValidateOptions, context: Context): Promise<number> {
  const { io } = context;
  const loadOptions = { maxBytes: maxBankBytes(io.env) };
  // No cache here: validating is the check itself.
  const files = await resolveBankArgs(paths, bankRoots(io.env, context.dataDir, io.cwd), loadOptions, io.cwd);
  const loaded = await loadBanks(files, loadOptions);
  const problems: Problem[] = loaded
    .flatMap((entry) => entry.problems)
    .map((problem) => ({
      ...problem,
      file: options.reporter === "github" ? workspacePath(problem.file, io.env, io.cwd) : displayPath(problem.file, io.cwd),
      severity: options.strict ? "error" : problem.severity,
      ...(options.strict && problem.omitted !== undefined && { omitted: { errors: problem.omitted.errors + problem.omitted.warnings, warnings: 0 } }),
    }))
    .sort(compareProblems);
  const summary = {
    files: files.length,
    questions: loaded.reduce((total, entry) => total + entry.questionCount, 0),
    ...countBySeverity(problems),
  };
  if (options.reporter === "json") io.stdout.write(jsonProblems(problems, summary));
  else if (options.reporter === "github") io.stdout.write(githubProblems(problems, summary));
  else io.stdout.write(prettyProblems(problems, summary, await makeStyle(context.color)));
  return summary.errors > 0 ? EXIT.no : EXIT.ok;
}
