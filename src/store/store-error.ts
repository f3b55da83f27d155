// The one error type the store raises for things a user can act on. The CLI maps every StoreError to
// exit code 2 in one place; the message alone must tell the user what went wrong and what to do.

export type StoreErrorCode =
  | "store-unwritable"
  | "store-disk-full"
  | "store-write-failed"
  | "store-newer-version"
  | "store-migration-failed"
  | "store-locked";

export class StoreError extends Error {
  override readonly name = "StoreError";

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
