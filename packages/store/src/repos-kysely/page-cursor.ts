/**
 * Opaque keyset cursors for newest-first pages ordered by (createdAt, id): base64url of a JSON
 * pair. Clients must treat them as opaque; a malformed one is refused, never guessed at.
 */
import { StoreError } from '../store-error.js';

export interface CursorPosition {
  readonly createdAt: number;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor; undefined when it is not one this store produced. */
export function decodeCursor(cursor: string): CursorPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    // Not base64url JSON: fall through to undefined.
  }
  return undefined;
}

/** Decodes or throws StoreError('constraint') (the gateway answers 400 for it). */
export function requireCursor(cursor: string): CursorPosition {
  const position = decodeCursor(cursor);
  if (!position) throw new StoreError('constraint', 'malformed page cursor');
  return position;
}
