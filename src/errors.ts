// Every error a user may see, and nothing else: no imports, so any layer can throw these. main.ts is the
// one place that turns them into messages and exit codes, by `instanceof`, never by name: renaming a class
// cannot change an exit code.

export const EXIT = {
  ok: 0,
  /** The work ran and the answer is "no": validate found errors, a mock scored below --pass-mark. */
  no: 1,
  /** It could not run: bad usage, an unusable bank, answer file or data dir, no terminal. */
  usage: 2,
  /** A bug of ours. */
  internal: 70,
} as const;

export interface UserErrorOptions {
  /** What to do about it, printed on the line after the message. */
  readonly hint?: string;
  /** The message was printed already (commander's own, a bank's problem list): print nothing more. */
  readonly reported?: boolean;
  readonly cause?: unknown;
}

/**
 * An error whose message is written for the user: it says what is wrong and, with `hint`, what to do.
 * Every error meant for the user extends this; anything else reaching main.ts is a bug (exit 70).
 */
export class UserError extends Error {
  override readonly name: string = "UserError";
  readonly hint: string | undefined;
  readonly reported: boolean;

  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    options: UserErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.reported = options.reported ?? false;
  }
}

/** The user asked for something that cannot run: a bad option value, a missing file, no terminal. Exit 2. */
export class UsageError extends UserError {
  override readonly name: string = "UsageError";
  constructor(message: string, hint?: string, options: Omit<UserErrorOptions, "hint"> = {}) {
    super(message, EXIT.usage, { ...options, ...(hint !== undefined && { hint }) });
  }
}

/** A bank that cannot be used for a session; its problems were printed above the message. Exit 2. */
export class BankError extends UserError {
  override readonly name: string = "BankError";
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A file to import that cannot be read as the format it was taken for. Exit 2. */
export class ImportError extends UsageError {
  override readonly name: string = "ImportError";
}

/** A file that would be replaced without --force. Exit 2. */
export class FileExistsError extends UsageError {
  override readonly name: string = "FileExistsError";
}

export type InterruptSignal = "SIGINT" | "SIGTERM" | "SIGHUP" | "SIGQUIT";

const SIGNAL_NUMBERS: Record<InterruptSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

/**
 * The learner pressed Ctrl-C or the process got a signal. Not a UserError: it is an ordinary end of a
 * session. Commands save and print what they have, then rethrow it; main.ts exits 128 + the signal.
 */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: InterruptSignal = "SIGINT") {
    super(`interrupted by ${signal}`);
  }

  get exitCode(): number {
    return 128 + SIGNAL_NUMBERS[this.signal];
  }
}
