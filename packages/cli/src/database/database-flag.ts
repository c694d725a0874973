/** The database a maintenance command works on: --database URL, or the one a --config file names. */
import { loadConfig } from '@originlink/gateway';
import { UsageError, type Io } from '../command.js';

export async function databaseFrom(values: { config?: string | undefined; database?: string | undefined }, io: Io): Promise<string> {
  if (values.database) return values.database;
  if (!values.config) {
    const env = io.env['DATABASE_URL'];
    if (env) return env;
    throw new UsageError('give --config <file>, --database <url>, or DATABASE_URL');
  }
  const loaded = await loadConfig(values.config, io.env);
  if (!loaded.ok) throw new UsageError(`invalid configuration ${values.config}:\n${loaded.problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
  return loaded.config.database;
}

/** A database URL safe to print (no password). */
export function printable(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:<redacted>@');
}
