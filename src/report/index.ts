// Reporters are pure functions from a mock result to text; the command decides where the text goes.

import type { MockResult } from "../core/scoring.js";
import type { PresentedQuestion } from "../core/session.js";
import { renderJson } from "./json.js";
import { renderJunit, type JunitMeta } from "./junit.js";
import { renderPretty } from "./pretty.js";
import { plainStyle, type Style } from "../core/style.js";
import { renderTap } from "./tap.js";

import type { ReporterName } from "./names.js";

export { REPORTER_NAMES, type ReporterName } from "./names.js";

/**
 * The report as text, ending in a newline. `style` colours only the pretty report; `shown`, the paper's
 * on-screen option order, letters the pretty report as the candidate saw it (every other report, and the
 * pretty one without it, names options by canonical letter). `meta` gives the JUnit report its host and
 * time (without it: the attempt's submit time and "localhost").
 */
export function renderReport(
  name: ReporterName,
  result: MockResult,
  style: Style = plainStyle,
  shown?: readonly PresentedQuestion[],
  meta: Partial<JunitMeta> & { readonly width?: number } = {},
): string {
  switch (name) {
    case "pretty":
      return renderPretty(result, style, shown, meta.width);
    case "json":
      return renderJson(result);
    case "junit":
      return renderJunit(result, meta);
    case "tap":
      return renderTap(result);
  }
}

export { plainStyle, type Style } from "../core/style.js";
export type { JunitMeta } from "./junit.js";
