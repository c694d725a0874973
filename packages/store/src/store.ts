/**
 * The one storage interface the gateway uses. Backends (sqlite/, postgres/) implement it with the
 * same file set; behaviour differences are capability flags, never `if (sqlite)` in callers.
 * Every write that must be atomic goes through `transaction`; reads may use the repositories directly.
 */
import type { AuditRepo } from './repos/audit-repo.js';
import type { CertificateRepo } from './repos/certificate-repo.js';
import type { ClaimRepo } from './repos/claim-repo.js';
import type { DedupRepo } from './repos/dedup-repo.js';
import type { ExporterRepo } from './repos/exporter-repo.js';
import type { IdempotencyRepo } from './repos/idempotency-repo.js';
import type { MessageRepo } from './repos/message-repo.js';
import type { OutboxRepo } from './repos/outbox-repo.js';
import type { PartnerRepo } from './repos/partner-repo.js';
import type { ReceiptRepo } from './repos/receipt-repo.js';
import type { RejectionLogRepo } from './repos/rejection-log-repo.js';
import type { UtilisationRepo } from './repos/utilisation-repo.js';
import type { VerificationRepo } from './repos/verification-repo.js';

export const backends = ['sqlite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

export interface StoreCapabilities {
  /** Several processes may write at once (PostgreSQL); SQLite has one writer per file. */
  readonly concurrentWriters: boolean;
  /** Outbox claims use FOR UPDATE SKIP LOCKED (several dispatchers share one database). */
  readonly skipLocked: boolean;
  /** Advisory locks: one migrator and one audit sealer at a time among several instances. */
  readonly advisoryLocks: boolean;
}

/** The repositories, bound to a transaction or to the store (auto-commit). */
export interface Repositories {
  readonly certificates: CertificateRepo;
  readonly messages: MessageRepo;
  readonly outbox: OutboxRepo;
  readonly receipts: ReceiptRepo;
  readonly dedup: DedupRepo;
  readonly idempotency: IdempotencyRepo;
  readonly partners: PartnerRepo;
  readonly audit: AuditRepo;
  readonly rejections: RejectionLogRepo;
  readonly claims: ClaimRepo;
  readonly utilisations: UtilisationRepo;
  readonly verifications: VerificationRepo;
  readonly exporters: ExporterRepo;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: string | undefined;
}

export interface Store extends Repositories {
  readonly backend: Backend;
  readonly capabilities: StoreCapabilities;
  /** Applies pending numbered migrations; safe to call from several processes at once. */
  migrate(): Promise<MigrationReport>;
  /**
   * Runs `fn` in one transaction: all of it is durably committed, or none of it. A statement that
   * fails inside it fails the whole transaction on every backend that matters: PostgreSQL aborts
   * the transaction at the first error, so catching a StoreError inside `fn` and carrying on
   * ends in a rejected commit. To "insert unless present", use insertIfAbsent, which never fails.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Cheap round trip for readiness probes; rejects with a StoreError when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
