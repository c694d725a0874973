/**
 * Fresh PostgreSQL schemas for tests: every store a test opens lives in a schema of its own on
 * the shared test database, named `<prefix>_<time>_<random>` so that parallel runs (and other
 * packages' tests) never meet, and all of a run's schemas are dropped at its end. A schema left
 * by a killed run has the time in its name, so stale ones are easy to find and drop by hand.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same PostgreSQL URL with `?schema=` set: what DATABASE_URL needs for openStore to use that schema. */
export function postgresUrlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.href;
}

export interface TestSchemas {
  /** A new unique schema name, remembered for dropAll; not created (the store's first migration creates it). */
  name(): string;
  /** A new unique schema, created empty now. */
  create(): Promise<string>;
  /** Drops every schema named by this object (CASCADE), whether or not it was created. */
  dropAll(): Promise<void>;
}

/** Schema names for one test run on the server at `url`; `prefix` is lower case letters, digits and _. */
export function testSchemas(url: string, prefix = 'originlink_test'): TestSchemas {
  const run = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const names: string[] = [];
  let counter = 0;
  const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  return {
    name() {
      const name = `${run}_${++counter}`;
      names.push(name);
      return name;
    },
    async create() {
      const name = this.name();
      await withClient((c) => c.query(`CREATE SCHEMA ${name}`));
      return name;
    },
    async dropAll() {
      const dropping = names.splice(0);
      if (dropping.length === 0) return;
      await withClient(async (c) => {
        // Quiet: a NOTICE per cascaded table would flood the test output.
        await c.query('SET client_min_messages = warning');
        // A few per statement: one round trip each, within the server's lock table.
        for (let i = 0; i < dropping.length; i += 10) await c.query(`DROP SCHEMA IF EXISTS ${dropping.slice(i, i + 10).join(', ')} CASCADE`);
      });
    },
  };
}
