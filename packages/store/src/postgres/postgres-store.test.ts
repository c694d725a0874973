/**
 * Runs the store contract against PostgreSQL, each store in a fresh schema of the test database
 * (dropped at the end), plus what is PostgreSQL's own: capabilities, BIGINT as numbers on this
 * pool only, schema selection through openStore's URL, statement timeouts, and transactions
 * that a swallowed error has aborted. Skipped, with the reason, when no server is available.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { runStoreContract } from '../contract/store-contract.js';
import { newCertificate, rejectsWith, withStore } from '../contract/contract-fixtures.js';
import { openStore } from '../open-store.js';
import { storeInternals } from '../store-internals.js';
import { postgresUrlWithSchema } from '../testing/postgres-test-schemas.js';
import { openPostgresStore } from './postgres-store.js';
import { describePostgres, target } from './test-support/postgres-suite.js';

describePostgres('PostgreSQL store', (pgSuite) => {
  runStoreContract('postgres', (options) => pgSuite.open(options));

  it('describes itself as PostgreSQL with concurrent writers, SKIP LOCKED and advisory locks', () => withStore(pgSuite.open, async (store) => {
    assert.equal(store.backend, 'postgres');
    assert.deepEqual(store.capabilities, { concurrentWriters: true, skipLocked: true, advisoryLocks: true });
    await store.ping();
  }));

  it('returns BIGINT as numbers on its own pool while other pg users keep strings', () => withStore(pgSuite.open, async (store) => {
    const row = (await sql<{ n: unknown }>`select 9007199254740991::bigint as n`.execute(storeInternals(store).db)).rows[0];
    assert.equal(row?.n, 9007199254740991);
    const client = new pg.Client({ connectionString: pgSuite.url });
    await client.connect();
    try {
      assert.equal((await client.query<{ n: unknown }>('select 1::bigint as n')).rows[0]?.n, '1');
    } finally {
      await client.end();
    }
  }));

  it('opens PostgreSQL from postgres:// and postgresql:// URLs, in the schema the URL names', async () => {
    const schema = pgSuite.schemas.name();
    const url = postgresUrlWithSchema(pgSuite.url, schema);
    const first = await openStore(url);
    try {
      assert.equal(first.backend, 'postgres');
      await first.certificates.insert(newCertificate());
    } finally {
      await first.close();
    }
    const second = await openStore(url.replace(/^postgres(ql)?:/, 'postgresql:'));
    try {
      assert.ok(await second.certificates.get('cert-1'));
      const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = ${schema}`.execute(storeInternals(second).db);
      assert.equal(tables.rows[0]?.n, 18);
    } finally {
      await second.close();
    }
    const other = await pgSuite.open();
    try {
      assert.equal(await other.certificates.get('cert-1'), undefined, 'another schema is another database');
    } finally {
      await other.close();
    }
  });

  it('refuses a schema name that would need quoting, and an unreachable server, as connection errors', async () => {
    await rejectsWith(openPostgresStore({ url: pgSuite.url, schema: 'Bad Name; drop' }), 'connection');
    await rejectsWith(openStore('postgres://postgres@127.0.0.1:1/test'), 'connection');
  });

  it('cancels a statement that exceeds the statement timeout as busy', () => withStore(() => pgSuite.open({ statementTimeoutMs: 50 }), async (store) => {
    await rejectsWith(sql`select pg_sleep(2)`.execute(storeInternals(store).db), 'busy');
    await store.ping();
  }));

  it('rejects, instead of committing part of it, a transaction in which a failed statement was caught', () => withStore(pgSuite.open, async (store) => {
    await store.certificates.insert(newCertificate({ id: 'a', number: 'N-1' }));
    const swallowing = store.transaction(async (tx) => {
      await tx.certificates.insert(newCertificate({ id: 'b', number: 'N-2' }));
      await tx.certificates.insert(newCertificate({ id: 'c', number: 'N-1' })).catch(() => undefined);
    });
    await rejectsWith(swallowing, 'unique-violation');
    assert.equal(await store.certificates.get('b'), undefined);
    // The pool's connection is clean again for the next transaction.
    await store.transaction((tx) => tx.certificates.insert(newCertificate({ id: 'd', number: 'N-4' })));
    assert.ok(await store.certificates.get('d'));
  }));
});

if (target.url !== undefined) {
  it('uses the PostgreSQL server named by DATABASE_URL, or the local one it probed', () => {
    assert.match(target.url ?? '', /^postgres(ql)?:\/\//);
  });
}
