/**
 * The PostgreSQL backend: a pool of connections per store (several gateway instances, each with
 * its own pool, share one database), READ COMMITTED transactions, a schema chosen by search_path,
 * and the capabilities that let several instances cooperate: outbox claims with SKIP LOCKED,
 * advisory locks for migrations and the audit sealer. Commits are durable when the server's
 * synchronous_commit is on (the default). Opening checks the connection and applies migrations.
 */
import type pg from 'pg';
import { Kysely, sql } from 'kysely';
import { loadMigrationFiles, migrationsFolder, type MigrationFile } from '../migrations/migration-files.js';
import { runMigrations } from '../migrations/migrator.js';
import type { SchemaSnapshot } from '../migrations/schema-diff.js';
import { kyselyRepositories } from '../repos-kysely/repositories.js';
import type { Database as Schema } from '../schema/database.js';
import { StoreError } from '../store-error.js';
import type { MigrationReport, Repositories, Store, StoreCapabilities } from '../store.js';
import { registerStoreInternals, type OpenAgainOptions } from '../store-internals.js';
import { TransactionGuard } from '../transaction-guard.js';
import { classifyPostgresError } from './classify-error.js';
import { PostgresStoreDialect } from './postgres-driver.js';
import { readAppliedMigrations, postgresMigrationBackend } from './postgres-migrations.js';
import { createPostgresPool, type PostgresPoolOptions } from './postgres-pool.js';
import { describePostgresSchema, expectedPostgresSchema } from './postgres-schema.js';

export interface PostgresStoreOptions extends PostgresPoolOptions {
  /** Apply pending migrations while opening (default true; the doctor opens without). */
  readonly migrate?: boolean;
}

/** Several writers, SKIP LOCKED outbox claims, advisory locks for migrations and sealing. */
export const postgresCapabilities: StoreCapabilities = { concurrentWriters: true, skipLocked: true, advisoryLocks: true };

let cachedFiles: Promise<readonly MigrationFile[]> | undefined;
let cachedExpected: SchemaSnapshot | undefined;
const migrationFiles = (): Promise<readonly MigrationFile[]> => (cachedFiles ??= loadMigrationFiles(migrationsFolder('postgres')));

/** Runs `fn` on one pooled connection; a connection that failed is destroyed, not pooled. */
async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw classifyPostgresError(error);
  }
  let failed = false;
  try {
    return await fn(client);
  } catch (error) {
    failed = true;
    throw classifyPostgresError(error);
  } finally {
    client.release(failed);
  }
}

class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  readonly capabilities = postgresCapabilities;
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
  #closed = false;

  constructor(
    readonly pool: pg.Pool,
    readonly db: Kysely<Schema>,
    readonly schema: string | undefined,
  ) {
    const repos = kyselyRepositories(db, this.capabilities);
    const wrap = <T extends object>(repo: T): T => this.#guard.wrap(repo);
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
    return runMigrations(postgresMigrationBackend(this.pool, this.schema), files, Date.now);
  }

  async transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    this.#guard.check();
    return this.db.transaction().execute((trx) => this.#guard.inTransaction(() => fn(kyselyRepositories(trx, this.capabilities))));
  }

  async ping(): Promise<void> {
    this.#guard.check();
    await sql`select 1`.execute(this.db);
  }

  /** The schema the store lives in: the configured one, or the server's current_schema(). */
  async schemaName(): Promise<string> {
    if (this.schema !== undefined) return this.schema;
    const name = await withClient(this.pool, async (c) => (await c.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s);
    if (typeof name !== 'string') throw new StoreError('constraint', 'the search_path names no existing schema');
    return name;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#guard.close();
    await this.db.destroy();
  }
}

/** Opens a PostgreSQL store, checks the connection and, unless `migrate: false`, applies pending migrations. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = createPostgresPool(options);
  const store = new PostgresStore(pool, new Kysely<Schema>({ dialect: new PostgresStoreDialect(pool) }), options.schema);
  registerStoreInternals(store, {
    db: store.db,
    migrateTo: (version: number) => store.migrate(version),
    openAgain: (again?: OpenAgainOptions) => openPostgresStore({ ...options, ...(again?.migrate === undefined ? {} : { migrate: again.migrate }) }),
    liveSchema: async () => {
      const schema = await store.schemaName();
      return withClient(pool, (c) => describePostgresSchema(c, schema));
    },
    // Cached once built: the files do not change while the process runs.
    expectedSchema: async () => (cachedExpected ??= await expectedPostgresSchema(pool, await migrationFiles())),
    appliedMigrations: () => withClient(pool, readAppliedMigrations),
    migrationFiles,
  });
  try {
    await store.ping();
    if (options.migrate !== false) await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
