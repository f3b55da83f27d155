// What an export returns: the text, and the questions the format could not hold, for a line on stderr.

import type { Question } from "../../core/question.js";

export interface ExportResult {
  readonly text: string;
  readonly skipped: readonly { readonly key: string; readonly reason: string }[];
}

export type ExportFormat = "anki" | "gift" | "aiken" | "csv";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["anki", "gift", "aiken", "csv"];

// Controls other than newline and tab never reach an exported file: a bank is data, and the file goes
// to another program that may show it raw.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "");
}

export type { Question };
