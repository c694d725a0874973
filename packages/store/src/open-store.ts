/**
 * `openStore(url)`: picks the backend from a database URL so configuration is one string.
 * `sqlite:./data/originlink.db`, `sqlite:///abs/path.db`, `file:./x.db`, `file:///abs/x.db` or a
 * plain path open SQLite; `postgres://` / `postgresql://` open PostgreSQL, with an optional
 * `?schema=name` (the search_path; created by the first migration) so that several gateways or
 * test runs can share one database.
 */
import { fileURLToPath } from 'node:url';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { StoreError } from './store-error.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** SQLite: wait this long for another connection's lock (ms). */
  readonly busyTimeoutMs?: number;
  /** Apply pending migrations while opening (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL: most pooled connections (default 10). */
  readonly poolSize?: number;
}

/** A PostgreSQL URL split into what pg reads and the store's own `schema` parameter. */
export function postgresTargetFromUrl(url: string): { readonly url: string; readonly schema?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('connection', 'malformed PostgreSQL URL');
  }
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { url };
  parsed.searchParams.delete('schema');
  return { url: parsed.href, schema };
}

/** The SQLite file path a URL names, or undefined when it names PostgreSQL; throws for other schemes. */
export function sqlitePathFromUrl(url: string): string | undefined {
  if (/^postgres(ql)?:/i.test(url)) return undefined;
  const other = /^([a-z][a-z0-9+.-]+):\/\//i.exec(url);
  if (other && !/^(sqlite|file)$/i.test(other[1] ?? '')) throw new StoreError('connection', `unsupported database URL scheme ${other[1]}:`);
  if (/^file:\/\//i.test(url)) return fileURLToPath(url);
  const scheme = /^(sqlite|file):/i.exec(url);
  if (!scheme) return url;
  const rest = url.slice(scheme[0].length);
  // sqlite:///abs/path keeps one slash (an absolute path); sqlite://name.db is relative.
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** Opens the store a URL names; rejects with StoreError('connection') for an unavailable backend. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (url.trim() === '') throw new StoreError('connection', 'empty database URL');
  const path = sqlitePathFromUrl(url);
  if (path === undefined) {
    return openPostgresStore({
      ...postgresTargetFromUrl(url),
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
      ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    });
  }
  if (path === '') throw new StoreError('connection', `database URL ${url} names no file`);
  return openSqliteStore({
    path,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
  });
}
