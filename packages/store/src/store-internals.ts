/**
 * What a backend exposes beyond the Store interface, for the package's own tools (checkSchema,
 * the contract tests). Kept in a registry keyed by the store object so the public Store type
 * stays exactly the gateway's contract.
 */
import type { Kysely } from 'kysely';
import type { AppliedMigration } from './migrations/migrator.js';
import type { MigrationFile } from './migrations/migration-files.js';
import type { SchemaSnapshot } from './migrations/schema-diff.js';
import type { Database } from './schema/database.js';
import type { MigrationReport, Store } from './store.js';

export interface OpenAgainOptions {
  /** Apply pending migrations while opening (default true). */
  readonly migrate?: boolean;
}

export interface StoreInternals {
  /** The Kysely instance in auto-commit mode (tests tamper with rows through it). */
  readonly db: Kysely<Database>;
  /** Applies pending migrations up to `version` only (tests of an upgrade from an older schema). */
  migrateTo(version: number): Promise<MigrationReport>;
  /** Opens a second, independent store on the same database (another connection or pool). */
  openAgain(options?: OpenAgainOptions): Promise<Store>;
  /** The live tables, columns and indexes (the migrator's own table included). */
  liveSchema(): Promise<SchemaSnapshot>;
  /** What the migration files create, built on a scratch database. */
  expectedSchema(): Promise<SchemaSnapshot>;
  /** Rows of schema_migrations; empty when the table does not exist yet. */
  appliedMigrations(): Promise<readonly AppliedMigration[]>;
  migrationFiles(): Promise<readonly MigrationFile[]>;
}

const registry = new WeakMap<Store, StoreInternals>();

export function registerStoreInternals(store: Store, internals: StoreInternals): void {
  registry.set(store, internals);
}

/** The internals of a store opened by this package; throws for a foreign Store implementation. */
export function storeInternals(store: Store): StoreInternals {
  const internals = registry.get(store);
  if (!internals) throw new TypeError('this Store was not opened by @originlink/store (openStore, openSqliteStore)');
  return internals;
}
