/**
 * Storage errors classified into portable reasons that say whether a retry can help, so callers
 * never inspect driver-specific error codes (SQLITE_BUSY, 40001, 23505, ECONNREFUSED ...).
 */

export const storeErrorReasons = ['unique-violation', 'busy', 'serialization', 'connection', 'constraint', 'unknown'] as const;
export type StoreErrorReason = (typeof storeErrorReasons)[number];

export class StoreError extends Error {
  constructor(
    readonly reason: StoreErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }

  /** Busy, serialization failures and lost connections are transient: retrying may succeed. */
  get retryable(): boolean {
    return this.reason === 'busy' || this.reason === 'serialization' || this.reason === 'connection';
  }
}
