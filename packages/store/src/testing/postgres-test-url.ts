/**
 * Which PostgreSQL server the tests use, decided once, the same way in every package: with
 * DATABASE_URL set (CI sets it) PostgreSQL tests are mandatory, so a server that cannot be
 * reached fails them; without it, the local server is probed briefly and the tests are skipped,
 * with the reason printed, when it does not answer.
 */
import pg from 'pg';
import { redactPostgresUrl } from '../postgres/postgres-pool.js';

/** The server the tests look for when DATABASE_URL is unset (trust auth, database `test`). */
export const defaultPostgresTestUrl = 'postgres://postgres@127.0.0.1:5432/test';

/** Run against `url`, or skip for `skip` (a sentence naming the server and how to run anyway). */
export type PostgresTestTarget =
  | { readonly url: string; readonly source: 'DATABASE_URL' | 'probe'; readonly skip?: undefined }
  | { readonly url?: undefined; readonly skip: string };

export interface PostgresTestTargetOptions {
  /** Environment to read DATABASE_URL from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Server to probe when DATABASE_URL is unset (default defaultPostgresTestUrl). */
  readonly probeUrl?: string;
  /** How long the probe may take (ms, default 1500). */
  readonly probeTimeoutMs?: number;
}

const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Connects, runs `select 1` and disconnects; resolves to the failure's message, or undefined on success. */
async function probe(url: string, timeoutMs: number): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {}); // a failure is reported by connect/query below
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    if (error instanceof AggregateError) return error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Where PostgreSQL tests run. A DATABASE_URL naming PostgreSQL is used as is, without a probe
 * (a test that cannot connect then fails, as it must in CI); a DATABASE_URL naming another
 * backend leaves the decision to the probe.
 */
export async function postgresTestTarget(options: PostgresTestTargetOptions = {}): Promise<PostgresTestTarget> {
  const env = options.env ?? process.env;
  const configured = env['DATABASE_URL'];
  if (configured !== undefined && configured !== '' && isPostgresUrl(configured)) return { url: configured, source: 'DATABASE_URL' };
  const url = options.probeUrl ?? defaultPostgresTestUrl;
  const failure = await probe(url, options.probeTimeoutMs ?? 1500);
  if (failure === undefined) return { url, source: 'probe' };
  return { skip: `PostgreSQL not reachable at ${redactPostgresUrl(url)} (${failure}); set DATABASE_URL to run` };
}
