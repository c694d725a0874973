/**
 * The frame of every PostgreSQL test file of this package: decides once whether PostgreSQL tests
 * run (postgresTestTarget: mandatory with DATABASE_URL, else skipped with the reason when the
 * local server does not answer), gives each store a fresh schema and drops them all at the end.
 */
import { after, describe } from 'node:test';
import type { Store } from '../../store.js';
import { postgresTestTarget } from '../../testing/postgres-test-url.js';
import { testSchemas, type TestSchemas } from '../../testing/postgres-test-schemas.js';
import { openPostgresStore, type PostgresStoreOptions } from '../postgres-store.js';

export const target = await postgresTestTarget();

export interface PostgresSuite {
  readonly url: string;
  readonly schemas: TestSchemas;
  /** A store in a fresh schema (or in `options.schema`), with a small pool. */
  readonly open: (options?: Partial<PostgresStoreOptions>) => Promise<Store>;
  /** `count` stores on one fresh schema, as separate gateway instances would be (each its own pool). */
  readonly instances: (count: number, options?: Partial<PostgresStoreOptions>) => Promise<Store[]>;
}

let schemas: TestSchemas | undefined;
after(async () => {
  await schemas?.dropAll();
});

/** describe(), skipped with the reason when PostgreSQL is not available. */
export function describePostgres(name: string, body: (suite: PostgresSuite) => void): void {
  const url = target.url;
  if (url === undefined) {
    void describe(name, { skip: target.skip }, () => {});
    return;
  }
  schemas ??= testSchemas(url, 'originlink_store');
  const own = schemas;
  const open = (options: Partial<PostgresStoreOptions> = {}): Promise<Store> =>
    openPostgresStore({ url, poolSize: 4, ...options, schema: options.schema ?? own.name() });
  const instances = async (count: number, options: Partial<PostgresStoreOptions> = {}): Promise<Store[]> => {
    const schema = options.schema ?? own.name();
    const first = await open({ ...options, schema }); // migrates; the others find it done
    const rest = await Promise.all(Array.from({ length: count - 1 }, () => open({ ...options, schema })));
    return [first, ...rest];
  };
  void describe(name, () => body({ url, schemas: own, open, instances }));
}
