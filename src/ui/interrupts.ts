// Signals become an ordinary outcome of a session. Ctrl-C at a prompt arrives from Inquirer as
// ExitPromptError; SIGINT from outside, SIGTERM and SIGHUP would kill the process before any catch runs
// unless persistent handlers are installed (RELIABILITY.md, fact 5). These handlers abort the session's
// AbortController, so the open prompt rejects and the session saves, summarises and exits 128+signal.

import { InterruptedError } from "../errors.js";

// SIGQUIT (Ctrl-\\) too: left to Node it dumps core with the terminal still raw.
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;

export interface SessionSignals {
  readonly signal: AbortSignal;
  /** Removes the handlers; call when the session is over. */
  dispose(): void;
}

export function trapSignals(): SessionSignals {
  const controller = new AbortController();
  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) controller.abort(new InterruptedError(name));
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
