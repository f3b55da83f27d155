// A file the user asked for (an imported bank, an export, a starter repository's files): written whole
// through a temp file and a rename, and never over an existing file unless they said --force.

import fs from "node:fs";
import path from "node:path";
import { FileExistsError } from "../errors.js";
import { writeFileDurably } from "./durable-write.js";

export interface NewFileOptions {
  /** Replace a file that exists. */
  readonly force?: boolean;
  /** What to call it in the message, e.g. the path as given. */
  readonly shownAs?: string;
}

/** Refuses before anything is written, so a run that would replace a file changes nothing. */
export function checkNewFile(file: string, options: NewFileOptions = {}): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return;
  }
  const shown = options.shownAs ?? file;
  if (stat.isDirectory()) throw new FileExistsError(`${shown} is a folder`, "name a file to write");
  if (!options.force) throw new FileExistsError(`${shown} exists already`, "add --force to replace it, or name another file with -o");
}

export function writeNewFile(file: string, text: string, options: NewFileOptions = {}): void {
  checkNewFile(file, options);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileDurably(file, text);
}
