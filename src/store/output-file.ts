// --output FILE: the report is written to a temp file beside it and renamed over, so a reader (a CI
// step) sees the old report or the new one, never half of one.

import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

export function writeReportFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(temp, text, "utf8");
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write the report to ${file}: ${reason}`, "Check that the folder exists and is writable, or choose another --output.");
  }
}
