/**
 * Kysely's PostgresDialect over a pg Pool, with a driver of our own that (1) classifies every
 * error into a StoreError where all SQL goes through, (2) hands a connection that failed back to
 * the pool as broken, so the pool replaces it instead of reusing a dead socket, (3) never lets a
 * failed ROLLBACK hide the error that caused it, and (4) refuses to report a commit that
 * PostgreSQL turned into a rollback (COMMIT of a transaction in which a statement failed and the
 * caller swallowed the error answers "ROLLBACK", not an error).
 */
import type pg from 'pg';
import { PostgresDialect, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { StoreError } from '../store-error.js';
import { classifyPostgresError } from './classify-error.js';

const countedCommands = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PostgresStoreConnection implements DatabaseConnection {
  /** The first statement that failed since the connection was acquired (the transaction's cause of death). */
  failure: StoreError | undefined;
  /** Set once the connection is unusable: it is then destroyed on release, not pooled. */
  broken = false;

  constructor(readonly client: pg.PoolClient) {}

  async run(text: string, values: readonly unknown[] = []): Promise<pg.QueryResult> {
    try {
      return await this.client.query({ text, values: [...values] });
    } catch (error) {
      const classified = classifyPostgresError(error);
      if (classified.reason === 'connection') this.broken = true;
      this.failure ??= classified;
      throw classified;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.run(query.sql, query.parameters);
    return {
      rows: (result.rows ?? []) as R[],
      ...(countedCommands.has(result.command) ? { numAffectedRows: BigInt(result.rowCount ?? 0) } : {}),
    };
  }

  // eslint-disable-next-line require-yield -- the store never streams; the interface requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    await Promise.resolve();
    throw new Error('streaming queries are not supported by the PostgreSQL store');
  }
}

class PostgresStoreDriver implements Driver {
  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    try {
      return new PostgresStoreConnection(await this.pool.connect());
    } catch (error) {
      throw classifyPostgresError(error);
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PostgresStoreConnection;
    // release(true) makes pg-pool destroy the client instead of keeping it idle.
    c.client.release(c.broken);
    return Promise.resolve();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // READ COMMITTED (the server default): every statement sees what committed before it, which
    // is what "insertIfAbsent, then read the winner's row" relies on.
    await (connection as PostgresStoreConnection).run('begin');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PostgresStoreConnection;
    const result = await c.run('commit');
    if (result.command === 'ROLLBACK') {
      const cause = c.failure;
      throw new StoreError(cause?.reason ?? 'unknown', `the transaction was rolled back because a statement in it failed${cause ? `: ${cause.message}` : ''}`, { cause });
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PostgresStoreConnection;
    if (c.broken) return; // the server rolls back a transaction whose connection is gone
    try {
      await c.run('rollback');
    } catch {
      // Rethrowing would replace the error that caused the rollback; the connection is marked
      // broken (destroyed on release), and the server rolls back when it goes.
      c.broken = true;
    }
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** Kysely's PostgreSQL dialect (compiler, adapter, introspector) with the store's driver. */
export class PostgresStoreDialect extends PostgresDialect {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    super({ pool });
    this.#pool = pool;
  }

  override createDriver(): Driver {
    return new PostgresStoreDriver(this.#pool);
  }
}
