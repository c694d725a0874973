/**
 * @originlink/store: one storage interface (Store) with a SQLite backend (embedded default) and a
 * PostgreSQL backend (several instances on one database), numbered migrations with a dry run and
 * a schema check for the doctor, the transactional outbox, and the tamper-evident audit log
 * (sealer and verifier). Test support is in `@originlink/store/testing`.
 */
export type { Backend, MigrationReport, Repositories, Store, StoreCapabilities } from './store.js';
export { backends } from './store.js';
export { StoreError, storeErrorReasons, type StoreErrorReason } from './store-error.js';

export type * from './repos/audit-repo.js';
export * from './repos/certificate-repo.js';
export type * from './repos/dedup-repo.js';
export type * from './repos/idempotency-repo.js';
export type * from './repos/message-repo.js';
export * from './repos/outbox-repo.js';
export type * from './repos/partner-repo.js';
export type * from './repos/receipt-repo.js';
export type * from './repos/rejection-log-repo.js';
export * from './repos/claim-repo.js';
export type * from './repos/utilisation-repo.js';
export * from './repos/verification-repo.js';
export type * from './repos/exporter-repo.js';

export { openStore, postgresTargetFromUrl, type OpenStoreOptions } from './open-store.js';
export { openSqliteStore, sqliteCapabilities, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { openPostgresStore, postgresCapabilities, type PostgresStoreOptions } from './postgres/postgres-store.js';
export { redactPostgresUrl } from './postgres/postgres-pool.js';

export { MigrationError, migrationErrorCodes, type MigrationErrorCode } from './migrations/migration-error.js';
export { checkSchema } from './migrations/check-schema.js';
export { migrate, type MigrateOptions, type MigrationPlan } from './migrations/migrate.js';
export { schemaDifferenceKinds, type SchemaDifference, type SchemaDifferenceKind } from './migrations/schema-diff.js';

export { sealAudit, type SealAuditOptions } from './audit/seal-audit.js';
export { startAuditSealer, type AuditSealerOptions } from './audit/audit-sealer.js';
export { verifyAuditLog, auditProblemKinds, type AuditProblem, type AuditProblemKind, type AuditVerification } from './audit/verify-audit-log.js';
