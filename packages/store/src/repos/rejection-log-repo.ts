/**
 * A bounded log of partner messages refused before verification succeeded (bad signature, unknown
 * sender, ...). Nothing unverified is stored elsewhere; the log keeps only a summary and is pruned.
 */

export interface RejectionRow {
  readonly at: number;
  readonly remoteAddress: string;
  readonly code: string;
  readonly detail: string;
  /** Claimed sender and message id, when the envelope could be read (not trusted). */
  readonly claimedSender: string | null;
  readonly claimedMessageId: string | null;
  readonly size: number;
}

export interface RejectionLogRepo {
  /** Appends and prunes to the newest `keep` rows. */
  append(row: RejectionRow, keep: number): Promise<void>;
  recent(limit: number): Promise<readonly (RejectionRow & { id: number })[]>;
  count(): Promise<number>;
}
