/**
 * Maps node-postgres errors to portable StoreError reasons, so callers never look at SQLSTATE
 * codes (https://www.postgresql.org/docs/current/errcodes-appendix.html), socket error codes or
 * the pool's own error messages.
 */
import { StoreError, type StoreErrorReason } from '../store-error.js';

/** Socket errors: the server is down, restarting, or unreachable; a later attempt may succeed. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * node-postgres and pg-pool report a lost or unobtainable connection with plain Errors that
 * carry no code; these are their messages (pg 8: client.js, pg-pool index.js).
 */
const connectionMessages = /connection terminated|terminating connection|not queryable|connection error|timeout exceeded when trying to connect|client was closed|cannot use a pool after calling end/i;

function reasonForCode(code: string): StoreErrorReason | undefined {
  if (code === '23505') return 'unique-violation';
  // Integrity (23) and data exceptions (22: a NUL byte in text, an out-of-range number) are the
  // caller's data, as SQLite's SQLITE_CONSTRAINT_* are: retrying the same write cannot help.
  if (code.startsWith('23') || code.startsWith('22')) return 'constraint';
  if (code === '40001' || code === '40P01') return 'serialization';
  // lock_not_available (lock_timeout, NOWAIT), query_canceled (statement_timeout), and
  // too_many_connections: the database is there but overloaded for now.
  if (code === '55P03' || code === '57014' || code === '53300') return 'busy';
  // Class 08 (connection exception) and admin shutdown / crash shutdown / cannot connect now.
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'connection';
  if (socketCodes.has(code)) return 'connection';
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // Node reports a failed connection to every address of a host name as an AggregateError.
  if (error instanceof AggregateError) return codeOf(error.errors[0]);
  return undefined;
}

function reasonFor(error: unknown): StoreErrorReason {
  const code = codeOf(error);
  const byCode = code === undefined ? undefined : reasonForCode(code);
  if (byCode) return byCode;
  // A server error (a five-character SQLSTATE) is never one of the client's messages below.
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) return 'unknown';
  if (error instanceof Error && connectionMessages.test(error.message)) return 'connection';
  return 'unknown';
}

/** The StoreError for a driver error (a StoreError passes through unchanged). */
export function classifyPostgresError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  let message = error instanceof Error ? error.message : String(error);
  if (message === '' && error instanceof AggregateError) message = error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
  return new StoreError(reasonFor(error), code ? `${code}: ${message}` : message, { cause: error });
}
