/**
 * Kysely's SqliteDialect over one better-sqlite3 connection, with a driver of our own that
 * (1) opens write transactions with BEGIN IMMEDIATE, so a transaction takes the write lock up
 * front and waits on busy_timeout instead of failing mid-way when it upgrades from read to
 * write, (2) classifies every error into a StoreError at the one place all SQL goes through,
 * and (3) caches prepared statements (Kysely's own driver prepares every query anew).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { classifySqliteError } from './classify-error.js';
import type { WalSync } from './wal-sync.js';

const statementCacheSize = 256;

class SqliteStoreConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly raw: BetterSqlite3.Database,
    readonly walSync: WalSync,
  ) {}

  #prepare(text: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.raw.prepare(text);
      // Queries with IN lists of varying length have distinct texts: bound the cache.
      if (this.#statements.size >= statementCacheSize) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
      this.#statements.set(text, statement);
    }
    return statement;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const statement = this.#prepare(query.sql);
      if (statement.reader) return Promise.resolve({ rows: statement.all(query.parameters) as R[] });
      const { changes, lastInsertRowid } = statement.run(query.parameters);
      // A write outside a transaction committed by itself: it needs the durability barrier too.
      if (!this.raw.inTransaction && !statement.readonly) this.walSync.noteCommit();
      return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
    } catch (error) {
      return Promise.reject(classifySqliteError(error));
    }
  }

  // eslint-disable-next-line require-yield -- the store never streams; the interface requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    await Promise.resolve();
    throw new Error('streaming queries are not supported by the SQLite store');
  }
}

/** One connection shared by all queries, handed out one holder at a time (SQLite has one writer anyway). */
class SqliteStoreDriver implements Driver {
  readonly #connection: SqliteStoreConnection;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(raw: BetterSqlite3.Database, walSync: WalSync) {
    this.#connection = new SqliteStoreConnection(raw, walSync);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#connection;
  }

  releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
    return Promise.resolve();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.#connection.walSync.noteCommit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, ...): a second
    // ROLLBACK would fail and hide the original error.
    if (this.#connection.raw.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  destroy(): Promise<void> {
    if (this.#connection.raw.open) this.#connection.raw.close();
    return Promise.resolve();
  }
}

/** Kysely's SQLite dialect (compiler, adapter, introspector) with the store's driver. */
export class SqliteStoreDialect extends SqliteDialect {
  readonly #raw: BetterSqlite3.Database;
  readonly #walSync: WalSync;

  constructor(raw: BetterSqlite3.Database, walSync: WalSync) {
    super({ database: raw });
    this.#raw = raw;
    this.#walSync = walSync;
  }

  override createDriver(): Driver {
    return new SqliteStoreDriver(this.#raw, this.#walSync);
  }
}
