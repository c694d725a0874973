/**
 * PostgreSQL migrations with several instances: processes migrating one new schema at the same
 * moment, a migrator waiting for another's advisory lock, and the doctor's schema comparison
 * finding what only PostgreSQL can change (a column's type or collation, an index's columns).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { withStore } from '../contract/contract-fixtures.js';
import { checkSchema } from '../migrations/check-schema.js';
import { advisoryLockClasses } from '../repos-kysely/advisory-locks.js';
import { storeInternals } from '../store-internals.js';
import { describePostgres } from './test-support/postgres-suite.js';

const run = promisify(execFile);
/** Starts a TypeScript file with tsx, again if the start deadlocks (scripts/run-ts.mjs). */
const runTs = fileURLToPath(new URL('../../../../scripts/run-ts.mjs', import.meta.url));
const differences = async (store: Parameters<typeof checkSchema>[0]): Promise<string[]> => (await checkSchema(store)).map((d) => `${d.kind} ${d.object}`).sort();

describePostgres('PostgreSQL migrations', ({ url, schemas, open }) => {
  it('migrates one new schema from four processes opening it at the same moment', async () => {
    const schema = schemas.name();
    const child = fileURLToPath(new URL('./test-support/open-in-process.ts', import.meta.url));
    const startAt = String(Date.now() + 3000);
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map(async (id) => {
      const { stdout } = await run(process.execPath, [runTs, child, url, schema, id, startAt]);
      return stdout;
    }));
    assert.deepEqual(results.sort(), ['ok p1', 'ok p2', 'ok p3', 'ok p4']);
    await withStore(() => open({ schema, migrate: false }), async (store) => {
      assert.deepEqual((await storeInternals(store).appliedMigrations()).map((m) => m.version), [1, 2]);
      assert.equal((await store.certificates.search({}, 10)).items.length, 4);
      assert.deepEqual(await checkSchema(store), []);
    });
  });

  it('waits for the advisory lock another instance holds while it migrates, then finds the work done', async () => {
    const schema = schemas.name();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [advisoryLockClasses.migrate, schema]);
      let opened = false;
      const opening = open({ schema }).then((store) => {
        opened = true;
        return store;
      });
      await sleep(300);
      assert.equal(opened, false, 'the migrator waits for the lock');
      const created = await holder.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      assert.equal(created.rowCount, 0, 'and has created nothing yet');
      await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [advisoryLockClasses.migrate, schema]);
      const store = await opening;
      assert.deepEqual(await checkSchema(store), []);
      await store.close();
    } finally {
      await holder.end();
    }
  });

  it('reports a column whose type or collation changed and an index built on other columns', () => withStore(open, async (store) => {
    const db = storeInternals(store).db;
    await sql`ALTER TABLE outbox ALTER COLUMN attempts TYPE BIGINT`.execute(db);
    await sql`ALTER TABLE certificate_items ALTER COLUMN hs_code TYPE TEXT COLLATE "POSIX"`.execute(db);
    await sql`DROP INDEX outbox_order_idx`.execute(db);
    await sql`CREATE INDEX outbox_order_idx ON outbox (order_key)`.execute(db);
    assert.deepEqual(await differences(store), ['column-changed certificate_items.hs_code', 'column-changed outbox.attempts', 'index-changed outbox_order_idx']);
  }));

  it('reports a dropped primary key and a dropped NOT NULL', () => withStore(open, async (store) => {
    const db = storeInternals(store).db;
    await sql`ALTER TABLE partners DROP CONSTRAINT partners_pkey CASCADE`.execute(db);
    await sql`ALTER TABLE outbox ALTER COLUMN order_key DROP NOT NULL`.execute(db);
    assert.deepEqual(await differences(store), ['column-changed outbox.order_key', 'column-changed partners.country', 'missing-index partners_pkey']);
  }));
});
