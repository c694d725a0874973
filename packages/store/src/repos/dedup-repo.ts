/**
 * Deduplication keys on (sender, message id), kept longer than the whole retry horizon plus the
 * maximum message age (a shorter window, like phase4's 10-minute default, lets late retries through).
 */

export interface DedupKey {
  readonly senderCountry: string;
  readonly senderGateway: string;
  readonly messageId: string;
  readonly receiptId: string;
  readonly expiresAt: number;
}

export interface DedupRepo {
  /** Unique on (senderCountry, senderGateway, messageId): a concurrent duplicate raises unique-violation. */
  insert(key: DedupKey): Promise<void>;
  /**
   * Inserts unless the key exists (ON CONFLICT DO NOTHING); true when inserted. Prefer it inside a
   * transaction: in PostgreSQL a unique violation aborts the whole transaction, this does not.
   */
  insertIfAbsent(key: DedupKey): Promise<boolean>;
  find(senderCountry: string, senderGateway: string, messageId: string): Promise<DedupKey | undefined>;
  /** Deletes expired keys; returns how many. */
  purgeExpired(now: number): Promise<number>;
}
