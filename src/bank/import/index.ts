// The import formats by name, and the one guess made from a file's name and first bytes.

import { ImportError } from "../../errors.js";
import { parseAiken } from "./aiken.js";
import { parseCsv } from "./csv.js";
import type { ImportFormat, ImportResult } from "./draft.js";
import { parseGift } from "./gift.js";
import { parseMoodleXml } from "./moodle-xml.js";

export { IMPORT_FORMATS, type ImportFormat, type ImportResult } from "./draft.js";

export function parseImport(format: ImportFormat, text: string): ImportResult {
  switch (format) {
    case "aiken":
      return parseAiken(text);
    case "gift":
      return parseGift(text);
    case "moodle-xml":
      return parseMoodleXml(text);
    case "csv":
      return parseCsv(text);
  }
}

/** The format from the extension (.gift, .xml, .csv), else from the text: `ANSWER:` lines are Aiken, `{…}` GIFT. */
export function guessFormat(name: string, text: string): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".gift") || lower.endsWith(".gift.txt")) return "gift";
  if (lower.endsWith(".aiken") || lower.endsWith(".aiken.txt")) return "aiken";
  if (lower.endsWith(".xml")) return "moodle-xml";
  if (lower.endsWith(".csv")) return "csv";
  const head = text.replace(/^\ufeff/, "").trimStart();
  if (head.startsWith("<")) return "moodle-xml";
  if (/^ANSWER\s*:\s*[A-Z]\s*$/im.test(text)) return "aiken";
  if (/\{[\s\S]*\}/.test(text)) return "gift";
  throw new ImportError(`cannot tell the format of ${name}`, "name it with --format aiken|gift|moodle-xml|csv");
}
