// The error kinds that reach main.ts, the one place that turns them into exit codes and messages.

/** The user asked for something that cannot run: bad options, a missing file, no terminal. Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** A bank that cannot be used for a session; the problems were already printed. Exit 2. */
export class BankError extends Error {
  override readonly name = "BankError";
}

/** The learner pressed Ctrl-C or the process got a signal; what was answered is saved. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: "SIGINT" | "SIGTERM" | "SIGHUP" = "SIGINT") {
    super(`interrupted by ${signal}`);
  }
}

export const EXIT = {
  ok: 0,
  no: 1,
  usage: 2,
} as const;

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

export function exitCodeForSignal(signal: keyof typeof SIGNAL_NUMBERS): number {
  return 128 + SIGNAL_NUMBERS[signal];
}
