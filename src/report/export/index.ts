// The export formats by name: pure functions from banks to text.

import type { Bank } from "../../core/question.js";
import { renderAiken } from "./aiken.js";
import { renderAnki } from "./anki.js";
import { renderCsv } from "./csv.js";
import type { ExportFormat, ExportResult } from "./export-result.js";
import { renderGift } from "./gift.js";

export { EXPORT_FORMATS, type ExportFormat, type ExportResult } from "./export-result.js";

export function renderExport(format: ExportFormat, banks: readonly Bank[]): ExportResult {
  switch (format) {
    case "anki":
      return renderAnki(banks);
    case "gift":
      return renderGift(banks);
    case "aiken":
      return renderAiken(banks);
    case "csv":
      return renderCsv(banks);
  }
}
