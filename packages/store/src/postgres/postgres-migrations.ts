/**
 * The migrator's PostgreSQL backend. A run holds a session advisory lock (keyed by the schema) on
 * one dedicated connection, so instances starting together apply each file once, one after the
 * other, and CREATE ... IF NOT EXISTS never races; each step is a transaction on that connection
 * (DDL is transactional in PostgreSQL, so a failing file leaves nothing behind). The connection
 * is destroyed afterwards rather than pooled: it carries a session setting and, had the unlock
 * failed, the lock, which ends with the session.
 */
import type pg from 'pg';
import { MigrationError } from '../migrations/migration-error.js';
import type { AppliedMigration, MigrationBackend, MigrationStepResult } from '../migrations/migrator.js';
import { advisoryLockClasses } from '../repos-kysely/advisory-locks.js';
import { StoreError } from '../store-error.js';
import { classifyPostgresError } from './classify-error.js';

const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

interface Row { version: number; name: string; checksum: string; applied_at: number }

/** Rows of schema_migrations in the search_path's schema, or none when it does not exist (creates nothing). */
export async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (exists.rows[0]?.present !== true) return [];
  const rows = await client.query<Row>('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  return rows.rows.map((r) => ({ version: r.version, name: r.name, checksum: r.checksum, appliedAt: Number(r.applied_at) }));
}

/** How a step starts and ends: a transaction of its own, or a savepoint inside the caller's. */
interface StepControl { readonly begin: string; readonly commit: string; readonly rollback: string }
const ownTransaction: StepControl = { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' };
const savepoint: StepControl = { begin: 'SAVEPOINT migration_step', commit: 'RELEASE SAVEPOINT migration_step', rollback: 'ROLLBACK TO SAVEPOINT migration_step' };

function stepOn(client: pg.ClientBase, control: StepControl, createSchema: string | undefined): MigrationBackend['step'] {
  return async (decide, appliedAt): Promise<MigrationStepResult> => {
    try {
      await client.query(control.begin);
      try {
        // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the
        // database even when the schema exists, which a role owning only its schema lacks.
        if (createSchema !== undefined && (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [createSchema])).rowCount === 0) {
          await client.query(`CREATE SCHEMA ${createSchema}`);
        }
        await client.query(createTable);
        const applied = await readAppliedMigrations(client);
        const next = decide(applied);
        if (next) {
          await client.query(next.sql); // several statements: the simple query protocol runs them all
          await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [next.version, next.name, next.checksum, appliedAt]);
        }
        await client.query(control.commit);
        return { applied: next ? [...applied, { version: next.version, name: next.name, checksum: next.checksum, appliedAt }] : applied, ran: next };
      } catch (error) {
        await client.query(control.rollback).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      throw error instanceof MigrationError ? error : classifyPostgresError(error);
    }
  };
}

/**
 * @param schema the schema to migrate, already checked by checkSchemaName; created when missing.
 *   Undefined: the first existing schema of the server's search_path.
 */
export function postgresMigrationBackend(pool: pg.Pool, schema: string | undefined): MigrationBackend {
  let step: MigrationBackend['step'] | undefined;
  return {
    async exclusive<T>(fn: () => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw classifyPostgresError(error);
      }
      try {
        // A long migration, or waiting for another instance's, must not hit the statement timeout.
        await client.query('SET statement_timeout = 0');
        const target = schema ?? (await client.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s;
        if (target === undefined || target === null) throw new StoreError('constraint', 'no schema to migrate: the search_path names no existing schema; set one in the database URL (?schema=)');
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [advisoryLockClasses.migrate, target]);
        step = stepOn(client, ownTransaction, schema);
        try {
          return await fn();
        } finally {
          step = undefined;
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [advisoryLockClasses.migrate, target]).catch(() => undefined);
        }
      } catch (error) {
        throw error instanceof MigrationError ? error : classifyPostgresError(error);
      } finally {
        client.release(true);
      }
    },
    step(decide, appliedAt) {
      if (!step) return Promise.reject(new Error('migration step outside exclusive()'));
      return step(decide, appliedAt);
    },
  };
}

/** Steps as savepoints of a transaction the caller holds (the scratch schema of expectedSchema). */
export function postgresScratchMigrationBackend(client: pg.ClientBase): MigrationBackend {
  return { exclusive: (fn) => fn(), step: stepOn(client, savepoint, undefined) };
}
