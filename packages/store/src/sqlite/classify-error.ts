/**
 * Maps better-sqlite3 errors to portable StoreError reasons, so callers never look at SQLite's
 * extended result codes (https://www.sqlite.org/rescode.html).
 */
import { StoreError, type StoreErrorReason } from '../store-error.js';

function reasonFor(code: string | undefined, error: unknown): StoreErrorReason {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique-violation';
  if (code?.startsWith('SQLITE_CONSTRAINT')) return 'constraint';
  // A WAL snapshot went stale under a read transaction that tried to write: the whole
  // transaction must be retried, which is what 'serialization' tells the caller.
  if (code === 'SQLITE_BUSY_SNAPSHOT') return 'serialization';
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code?.startsWith('SQLITE_CANTOPEN')) return 'connection';
  // better-sqlite3 throws a TypeError without a code once the handle is closed.
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) return 'connection';
  return 'unknown';
}

/** The StoreError for a driver error (a StoreError passes through unchanged). */
export function classifySqliteError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(reasonFor(code, error), code ? `${code}: ${message}` : message, { cause: error });
}
