/**
 * PostgreSQL advisory lock keys, used only by stores with the advisoryLocks capability. A key is
 * two int4s: a constant naming the purpose, and hashtext() of the schema, so that several stores
 * (test runs, or gateways of different countries) sharing one database in different schemas
 * never wait on each other's locks.
 */
import { sql, type RawBuilder } from 'kysely';

/** First half of each key: 'OLMG' and 'OLAS' as big-endian int4 (OriginLink MiGrate / Audit Seal). */
export const advisoryLockClasses = {
  migrate: 0x4f4c4d47,
  auditSeal: 0x4f4c4153,
} as const;
export type AdvisoryLockPurpose = keyof typeof advisoryLockClasses;

/**
 * `pg_try_advisory_xact_lock` for a purpose in the current schema: true when this transaction now
 * holds it (until commit or rollback), false at once when another transaction does.
 */
export function tryTransactionLock(purpose: AdvisoryLockPurpose): RawBuilder<boolean> {
  return sql<boolean>`pg_try_advisory_xact_lock(${sql.lit(advisoryLockClasses[purpose])}, hashtext(coalesce(current_schema(), '')))`;
}
