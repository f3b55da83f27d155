// The one wrapper over Inquirer's prompts: cancellation and aborts become our own errors, and no prompt
// is ever opened without a terminal (a prompt on /dev/null or a closed pipe would never settle).

import { AbortPromptError, ExitPromptError } from "@inquirer/core";
import { InterruptedError } from "../errors.js";

export interface PromptContext {
  readonly signal: AbortSignal;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export async function ask<T>(open: (context: PromptContext) => Promise<T>, context: PromptContext): Promise<T> {
  if (context.signal.aborted) throw abortReason(context.signal);
  try {
    return await open(context);
  } catch (error) {
    if (error instanceof ExitPromptError) throw new InterruptedError("SIGINT");
    if (error instanceof AbortPromptError || context.signal.aborted) throw abortReason(context.signal);
    throw error;
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new InterruptedError("SIGINT");
}
