// A spinner for slow work, on a terminal only: without a TTY nothing is drawn, so logs stay clean.

import type { Output } from "../io.js";

export async function startSpinner(text: string, output: Output, enabled: boolean): Promise<() => void> {
  if (!enabled || !output.isTTY) return () => {};
  const { default: ora } = await import("ora");
  const spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
  return () => spinner.stop();
}
