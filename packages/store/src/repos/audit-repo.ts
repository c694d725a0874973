/**
 * The append-only, tamper-evident audit log. Appends happen in the business transaction and do no
 * hashing; a background sealer groups unsealed rows into batches under a Merkle root and chains the
 * roots (as X-Road and Certificate Transparency do). `verifyAuditLog` recomputes everything.
 */

export interface AuditEntry {
  readonly at: number;
  /** Who: an API token name, `partner:KR/kr-gw-1`, or `system`. */
  readonly actor: string;
  /** What: certificate.submitted, message.sent, message.received, receipt.received, ... */
  readonly action: string;
  /** The certificate id (or other subject) the entry is about; the timeline reads it back. */
  readonly subject: string;
  /** JSON object with the details. */
  readonly details: string;
}

export interface AuditRow extends AuditEntry {
  readonly seq: number;
  readonly sealId: number | null;
}

export interface AuditSeal {
  readonly id: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly count: number;
  /** Merkle root (RFC 6962 style, SHA-256, hex) of the batch's leaf hashes in seq order. */
  readonly root: string;
  /** sha256(previous chain || root || id || count), hex; the first seal chains from 64 zeros. */
  readonly chain: string;
  readonly sealedAt: number;
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>;
  /** Entries about one subject, oldest first (a certificate's timeline). */
  forSubject(subject: string): Promise<readonly AuditRow[]>;
  /** Oldest unsealed rows, up to `limit`. */
  unsealed(limit: number): Promise<readonly AuditRow[]>;
  lastSeal(): Promise<AuditSeal | undefined>;
  /**
   * Marks the rows as members of a new seal and stores the seal, in the caller's transaction.
   * The chain hash covers the seal id, so the sealer passes the id it hashed (last id + 1); without
   * one the repository takes last id + 1 itself. Raises StoreError('serialization') when a row is
   * already sealed (a concurrent sealer won) and 'unique-violation' when the id is taken.
   */
  seal(seal: Omit<AuditSeal, 'id'> & { readonly id?: number }, seqs: readonly number[]): Promise<AuditSeal>;
  /**
   * Inside a transaction: takes the sealer's lock until the transaction ends, so that one
   * instance among several seals at a time (PostgreSQL: pg_try_advisory_xact_lock). False at once
   * when another transaction holds it. A backend without advisory locks answers true: its single
   * writer already serialises sealers.
   */
  lockSealing(): Promise<boolean>;
  seals(afterId: number, limit: number): Promise<readonly AuditSeal[]>;
  /** Members of a seal, in seq order. */
  sealMembers(sealId: number): Promise<readonly AuditRow[]>;
  countUnsealed(): Promise<number>;
  /** Seal ids that rows point to but that have no seal (tampering or a lost seal), ascending. */
  orphanSealIds(): Promise<readonly number[]>;
}
