// Where banks are: the paths given, or else PRELIM_BANKS, the data dir's banks/ and the built-in questions/.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";
import { hasAnswerFileMark, isAnswerFileName } from "./answer-file-shape.js";
import { packageFile } from "../package-files.js";

export const BUILT_IN_BANKS = fileURLToPath(packageFile("questions/"));

const BANK_FILE = /\.ya?ml$/i;

export interface BankRoots {
  /** From PRELIM_BANKS, `:`-separated. */
  readonly envFolders: readonly string[];
  /** `<data dir>/banks`: the learner's own banks. */
  readonly userFolder: string;
  readonly builtInFolder: string;
}

export function bankRoots(env: NodeJS.ProcessEnv, dataDir: string, cwd: string): BankRoots {
  const envFolders = (env.PRELIM_BANKS ?? "")
    .split(":")
    .filter((folder) => folder.length > 0)
    .map((folder) => path.resolve(cwd, folder));
  return { envFolders, userFolder: path.join(dataDir, "banks"), builtInFolder: BUILT_IN_BANKS };
}

/** The default search path: every folder that exists, in order. */
export function defaultBankFolders(roots: BankRoots): string[] {
  return [...roots.envFolders, roots.userFolder, roots.builtInFolder].filter((folder) => isDirectory(folder));
}

/** Bank files under the given files and folders (recursively), in a stable order, each once. */
export function findBankFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) files.push(...bankFilesInFolder(given));
    else files.push(given);
  }
  return [...new Set(files)];
}

function bankFilesInFolder(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    if (entry.name.startsWith(".") || entry.name === "node_modules") return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return bankFilesInFolder(full);
    if (!BANK_FILE.test(entry.name) || isAnswerFileName(entry.name)) return [];
    // A link to a bank file counts (tutors link banks into one folder); links to folders are not
    // followed, so a link cycle cannot loop.
    if (!(entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) return [];
    return isMarkedAnswerFile(full) ? [] : [full];
  });
}

/** An answer file kept in a bank folder says so on its first line; only that line is read. */
function isMarkedAnswerFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(64);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return hasAnswerFileMark(head.subarray(0, read).toString("utf8").split(/\r?\n/, 1)[0] ?? "");
  } catch {
    // Unreadable: the bank loader reports it with its reason.
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
