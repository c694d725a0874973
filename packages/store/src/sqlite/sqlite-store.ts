/**
 * The SQLite backend: one better-sqlite3 connection per store, WAL whose commits are reported only
 * once durable (synchronous=NORMAL plus the asynchronous WAL flush of wal-sync.ts: nothing is
 * acknowledged before it is stored, and the event loop is not blocked by the flush), foreign
 * keys on, and a busy timeout so another process's write lock is waited for, not an error.
 * Write transactions begin IMMEDIATE (see sqlite-driver.ts). Opening applies pending migrations.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { loadMigrationFiles, migrationsFolder, type MigrationFile } from '../migrations/migration-files.js';
import { runMigrations } from '../migrations/migrator.js';
import type { SchemaSnapshot } from '../migrations/schema-diff.js';
import { kyselyRepositories } from '../repos-kysely/repositories.js';
import type { Database as Schema } from '../schema/database.js';
import type { MigrationReport, Repositories, Store, StoreCapabilities } from '../store.js';
import { registerStoreInternals, type OpenAgainOptions } from '../store-internals.js';
import { TransactionGuard } from '../transaction-guard.js';
import { classifySqliteError } from './classify-error.js';
import { SqliteStoreDialect } from './sqlite-driver.js';
import { WalSync } from './wal-sync.js';
import { readAppliedMigrations, sqliteMigrationBackend } from './sqlite-migrations.js';
import { describeSqliteSchema, expectedSqliteSchema } from './sqlite-schema.js';

export interface SqliteStoreOptions {
  /** Database file (created if missing); `:memory:` for a private in-memory database. */
  readonly path: string;
  /** How long to wait for another connection's lock before failing with 'busy' (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /** Apply pending migrations while opening (default true; the doctor opens without). */
  readonly migrate?: boolean;
}

/** One writer per file: no concurrent writers, no SKIP LOCKED, no advisory locks. */
export const sqliteCapabilities: StoreCapabilities = { concurrentWriters: false, skipLocked: false, advisoryLocks: false };

let cachedFiles: Promise<readonly MigrationFile[]> | undefined;
let cachedExpected: Promise<SchemaSnapshot> | undefined;
const migrationFiles = (): Promise<readonly MigrationFile[]> => (cachedFiles ??= loadMigrationFiles(migrationsFolder('sqlite')));

function openConnection(options: SqliteStoreOptions): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database | undefined;
  try {
    raw = new Database(options.path);
    // busy_timeout first: switching a new file to WAL needs a lock another opener may hold.
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    raw.pragma('journal_mode = WAL');
    // Commits write the WAL; WalSync flushes it off the event loop before any commit is reported.
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    // Performance (no effect on durability): a 64 MiB page cache, memory-mapped reads, and
    // checkpoints every ~40 MB of WAL instead of ~4 MB (pages rewritten between checkpoints, such
    // as index pages, are copied back once).
    raw.pragma('cache_size = -65536');
    raw.pragma('mmap_size = 268435456');
    raw.pragma('wal_autocheckpoint = 10000');
    return raw;
  } catch (error) {
    raw?.close();
    throw classifySqliteError(error);
  }
}

class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  readonly capabilities = sqliteCapabilities;
  readonly certificates: Repositories['certificates'];
  readonly messages: Repositories['messages'];
  readonly outbox: Repositories['outbox'];
  readonly receipts: Repositories['receipts'];
  readonly dedup: Repositories['dedup'];
  readonly idempotency: Repositories['idempotency'];
  readonly partners: Repositories['partners'];
  readonly audit: Repositories['audit'];
  readonly rejections: Repositories['rejections'];
  readonly claims: Repositories['claims'];
  readonly utilisations: Repositories['utilisations'];
  readonly verifications: Repositories['verifications'];
  readonly exporters: Repositories['exporters'];
  readonly #guard = new TransactionGuard();

  constructor(
    readonly raw: BetterSqlite3.Database,
    readonly db: Kysely<Schema>,
    readonly walSync: WalSync,
  ) {
    const repos = kyselyRepositories(db, this.capabilities);
    // Auto-commit calls wait for the durability barrier too (a no-op when they wrote nothing).
    const wrap = <T extends object>(repo: T): T => this.#guard.wrap(repo, () => walSync.sync());
    this.certificates = wrap(repos.certificates);
    this.messages = wrap(repos.messages);
    this.outbox = wrap(repos.outbox);
    this.receipts = wrap(repos.receipts);
    this.dedup = wrap(repos.dedup);
    this.idempotency = wrap(repos.idempotency);
    this.partners = wrap(repos.partners);
    this.audit = wrap(repos.audit);
    this.rejections = wrap(repos.rejections);
    this.claims = wrap(repos.claims);
    this.utilisations = wrap(repos.utilisations);
    this.verifications = wrap(repos.verifications);
    this.exporters = wrap(repos.exporters);
  }

  async migrate(upTo = Number.POSITIVE_INFINITY): Promise<MigrationReport> {
    this.#guard.check();
    const files = (await migrationFiles()).filter((f) => f.version <= upTo);
    // Hold Kysely's one connection so no other query of this process runs inside a migration step.
    const hold = <T>(fn: () => Promise<T>): Promise<T> => this.db.connection().execute(() => fn());
    return runMigrations(sqliteMigrationBackend(this.raw, hold), files, Date.now);
  }

  async transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    this.#guard.check();
    const result = await this.db.transaction().execute((trx) => this.#guard.inTransaction(() => fn(kyselyRepositories(trx, this.capabilities))));
    await this.walSync.sync();
    return result;
  }

  async ping(): Promise<void> {
    this.#guard.check();
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    if (!this.raw.open) return;
    this.#guard.close();
    await this.walSync.sync();
    await this.walSync.close();
    await this.db.destroy();
  }
}

/** Opens (creating if needed) a SQLite store and, unless `migrate: false`, applies pending migrations. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const raw = openConnection(options);
  const walSync = new WalSync(options.path === ':memory:' || options.path.startsWith('file::memory:') || raw.memory ? undefined : `${raw.name}-wal`);
  const store = new SqliteStore(raw, new Kysely<Schema>({ dialect: new SqliteStoreDialect(raw, walSync) }), walSync);
  registerStoreInternals(store, {
    db: store.db,
    migrateTo: (version: number) => store.migrate(version),
    openAgain: (again?: OpenAgainOptions) => openSqliteStore({ ...options, ...(again?.migrate === undefined ? {} : { migrate: again.migrate }) }),
    liveSchema: () => Promise.resolve(describeSqliteSchema(raw)),
    expectedSchema: () => (cachedExpected ??= migrationFiles().then(expectedSqliteSchema)),
    appliedMigrations: () => Promise.resolve(readAppliedMigrations(raw)),
    migrationFiles,
  });
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
