/**
 * The migrator's SQLite backend. Each step is one synchronous BEGIN IMMEDIATE transaction on the
 * raw better-sqlite3 handle (exec runs a whole multi-statement file): IMMEDIATE takes the write lock
 * before the applied list is read, so two processes migrating one new file serialise and the
 * second finds the work done. No lock for the whole run is needed (`exclusive` only keeps this
 * process's other queries off the shared connection meanwhile).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { MigrationError } from '../migrations/migration-error.js';
import type { AppliedMigration, MigrationBackend, MigrationStepResult } from '../migrations/migrator.js';
import type { SchemaMigrationsTable } from '../schema/database.js';
import { classifySqliteError } from './classify-error.js';

const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`;

/** Rows of schema_migrations, or none when the table does not exist (read-only: creates nothing). */
export function readAppliedMigrations(raw: BetterSqlite3.Database): AppliedMigration[] {
  const exists = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  const rows = raw.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as SchemaMigrationsTable[];
  return rows.map((r) => ({ version: r.version, name: r.name, checksum: r.checksum, appliedAt: r.applied_at }));
}

/**
 * @param hold runs a function while this process's other users of the connection are kept out
 *   (the store passes Kysely's connection acquisition; a scratch database passes none).
 */
export function sqliteMigrationBackend(raw: BetterSqlite3.Database, hold: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()): MigrationBackend {
  return {
    exclusive: hold,
    step(decide, appliedAt): Promise<MigrationStepResult> {
      // Entirely synchronous: awaiting between BEGIN IMMEDIATE and COMMIT would let another
      // connection of this thread block the event loop on the lock this step holds.
      try {
        raw.exec('BEGIN IMMEDIATE');
      } catch (error) {
        return Promise.reject(classifySqliteError(error));
      }
      try {
        raw.exec(createTable);
        const applied = readAppliedMigrations(raw);
        const next = decide(applied);
        if (next) {
          raw.exec(next.sql);
          raw.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(next.version, next.name, next.checksum, appliedAt);
        }
        raw.exec('COMMIT');
        return Promise.resolve({ applied: next ? [...applied, { version: next.version, name: next.name, checksum: next.checksum, appliedAt }] : applied, ran: next });
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        return Promise.reject(error instanceof MigrationError ? error : classifySqliteError(error));
      }
    },
  };
}
