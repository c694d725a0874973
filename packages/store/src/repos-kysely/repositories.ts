/**
 * Builds the repository set over a Kysely executor: the store (auto-commit) or a transaction.
 * Shared by every backend; backend differences enter only through the capability flags.
 */
import type { Repositories, StoreCapabilities } from '../store.js';
import { KyselyAuditRepo } from './audit-repo.js';
import { KyselyCertificateRepo } from './certificate-repo.js';
import { KyselyClaimRepo } from './claim-repo.js';
import { KyselyDedupRepo } from './dedup-repo.js';
import { KyselyExporterRepo } from './exporter-repo.js';
import { KyselyIdempotencyRepo } from './idempotency-repo.js';
import type { Db } from './kysely-helpers.js';
import { KyselyMessageRepo } from './message-repo.js';
import { KyselyOutboxRepo } from './outbox-repo.js';
import { KyselyPartnerRepo } from './partner-repo.js';
import { KyselyReceiptRepo } from './receipt-repo.js';
import { KyselyRejectionLogRepo } from './rejection-log-repo.js';
import { KyselyUtilisationRepo } from './utilisation-repo.js';
import { KyselyVerificationRepo } from './verification-repo.js';

export function kyselyRepositories(db: Db, capabilities: StoreCapabilities): Repositories {
  return {
    certificates: new KyselyCertificateRepo(db),
    messages: new KyselyMessageRepo(db),
    outbox: new KyselyOutboxRepo(db, capabilities),
    receipts: new KyselyReceiptRepo(db),
    dedup: new KyselyDedupRepo(db),
    idempotency: new KyselyIdempotencyRepo(db),
    partners: new KyselyPartnerRepo(db),
    audit: new KyselyAuditRepo(db, capabilities),
    rejections: new KyselyRejectionLogRepo(db),
    claims: new KyselyClaimRepo(db),
    utilisations: new KyselyUtilisationRepo(db),
    verifications: new KyselyVerificationRepo(db),
    exporters: new KyselyExporterRepo(db),
  };
}
