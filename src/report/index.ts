// Reporters are pure functions from a mock result to text; the command decides where the text goes.

import { OptionValueError, type MockResult } from "../core/scoring.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderPretty } from "./pretty.js";
import { plainStyle, type Style } from "./style.js";
import { renderTap } from "./tap.js";

export type ReporterName = "pretty" | "json" | "junit" | "tap";
export const REPORTER_NAMES: readonly ReporterName[] = ["pretty", "json", "junit", "tap"];

export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}

export function parseReporterName(text: string): ReporterName {
  if (isReporterName(text)) return text;
  throw new OptionValueError("--reporter", text, `--reporter "${text}" is not a reporter: use one of ${REPORTER_NAMES.join(", ")}`);
}

/** The report as text, ending in a newline. `style` colours only the pretty report. */
export function renderReport(name: ReporterName, result: MockResult, style: Style = plainStyle): string {
  switch (name) {
    case "pretty":
      return renderPretty(result, style);
    case "json":
      return renderJson(result);
    case "junit":
      return renderJunit(result);
    case "tap":
      return renderTap(result);
  }
}

export { plainStyle, type Style } from "./style.js";
export { tapComment, tapHeader, tapLine, tapPlan, type TapEntry } from "./tap.js";
