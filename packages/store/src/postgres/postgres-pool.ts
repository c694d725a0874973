/**
 * Connection setup for the PostgreSQL store: one pg Pool per store, configured so that a lost
 * connection costs one failed operation and never the process (error listeners on the pool and
 * on every client; pg emits 'error' events that would otherwise crash Node), BIGINT columns come
 * back as numbers (epoch milliseconds and sequences stay far below 2^53), and the schema is the
 * connection's search_path from the first packet on.
 */
import pg from 'pg';
import { StoreError } from '../store-error.js';

export interface PostgresPoolOptions {
  /** postgres://user:password@host:port/database (a `schema` query parameter is read by openStore). */
  readonly url: string;
  /** The schema the store lives in (the search_path); default: the server's search_path. */
  readonly schema?: string;
  /** Most connections the pool opens (default 10). */
  readonly poolSize?: number;
  /** Give up connecting after this long (ms, default 5000), so an unreachable server fails fast. */
  readonly connectTimeoutMs?: number;
  /** Server-side limit per statement (ms, default 30000; 0 = none); exceeding it is 'busy'. */
  readonly statementTimeoutMs?: number;
  /** application_name, shown in pg_stat_activity (default `originlink`). */
  readonly applicationName?: string;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Refuses a schema name that would need quoting (it goes into a startup option and into SQL). */
export function checkSchemaName(schema: string): string {
  if (!schemaName.test(schema)) {
    throw new StoreError('connection', `invalid PostgreSQL schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _ (at most 63)`);
  }
  return schema;
}

/** The URL with any password replaced, for messages and logs. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = 'redacted';
    return parsed.href;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Type parsers for this pool only: BIGINT (int8, OID 20) as a number instead of pg's string. */
function storeTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  return types;
}

export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const statementTimeout = Math.max(0, Math.floor(options.statementTimeoutMs ?? 30_000));
  const pool = new pg.Pool({
    connectionString: options.url,
    max: Math.max(1, Math.floor(options.poolSize ?? 10)),
    connectionTimeoutMillis: Math.max(1, Math.floor(options.connectTimeoutMs ?? 5000)),
    idleTimeoutMillis: 30_000,
    // TCP keepalive finds a half-open connection (a server host that vanished without a reset).
    keepAlive: true,
    application_name: options.applicationName ?? 'originlink',
    types: storeTypes(),
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...(options.schema === undefined ? {} : { options: `-c search_path=${checkSchemaName(options.schema)}` }),
  });
  // An idle client whose server went away: pg-pool drops it and emits 'error' here. The next
  // acquisition opens a new connection, and its failure, if any, reaches the caller classified.
  pool.on('error', () => {});
  // A checked-out client between two queries gets the same 'error' event; the query that
  // follows fails with "not queryable" (a 'connection' StoreError) and the driver drops it.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}
