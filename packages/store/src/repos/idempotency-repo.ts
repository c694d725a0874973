/** Idempotency of national API submissions: the same key and request get the same response. */

export interface IdempotencyRecord {
  /** Scope (the API token's name) and the client's Idempotency-Key. */
  readonly scope: string;
  readonly key: string;
  /** sha-256 of the canonical request body: the same key with another body is a conflict. */
  readonly requestDigest: string;
  readonly status: number;
  readonly response: string;
  readonly createdAt: number;
}

export interface IdempotencyRepo {
  /** Unique on (scope, key): a second insert raises StoreError('unique-violation'). */
  insert(record: IdempotencyRecord): Promise<void>;
  /** Inserts unless (scope, key) exists; true when inserted (no aborted transaction in PostgreSQL). */
  insertIfAbsent(record: IdempotencyRecord): Promise<boolean>;
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  purgeOlderThan(at: number): Promise<number>;
}
