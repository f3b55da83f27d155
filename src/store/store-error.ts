// The one error type the store raises for things a user can act on: a UserError (exit 2) whose message
// alone tells the user what went wrong and what to do.

import { EXIT, UserError } from "../errors.js";

export type StoreErrorCode =
  | "store-unwritable"
  | "store-disk-full"
  | "store-write-failed"
  | "store-newer-version"
  | "store-migration-failed"
  | "store-locked";

export class StoreError extends UserError {
  override readonly name = "StoreError";

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, EXIT.usage, options?.cause === undefined ? {} : { cause: options.cause });
  }
}
