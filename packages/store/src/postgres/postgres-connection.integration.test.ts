/**
 * Lost connections recover without a restart: a connection the server terminates costs the
 * operation using it (a retryable 'connection' StoreError) and the pool replaces it; while the
 * database is unreachable every operation, ping included, fails fast with 'connection', and once
 * it is back the same store works again. The outage is a TCP proxy taken down and brought back,
 * so the shared server is never stopped.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { newCertificate, rejectsWith } from '../contract/contract-fixtures.js';
import { StoreError } from '../store-error.js';
import type { Store } from '../store.js';
import { startTcpProxy } from '../testing/tcp-proxy.js';
import { describePostgres } from './test-support/postgres-suite.js';

/** Terminates every server session of `applicationName` from a separate connection; returns how many. */
async function terminate(url: string, applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    return result.rows.filter((r) => r.ok).length;
  } finally {
    await admin.end();
  }
}

/** Runs `fn`, retrying retryable StoreErrors a few times as the gateway does; returns the errors seen. */
async function withRetries(fn: () => Promise<unknown>, attempts = 5): Promise<StoreError[]> {
  const seen: StoreError[] = [];
  for (let i = 1; ; i++) {
    try {
      await fn();
      return seen;
    } catch (error) {
      if (!(error instanceof StoreError) || !error.retryable || i === attempts) throw error;
      seen.push(error);
      await sleep(20);
    }
  }
}

const appName = (): string => `originlink-test-${randomBytes(4).toString('hex')}`;

describePostgres('PostgreSQL connection loss', ({ url, open }) => {
  it('fails a transaction whose connection the server terminates, with a retryable connection error, and the next one succeeds', async () => {
    const applicationName = appName();
    const store = await open({ applicationName });
    try {
      const failed = store.transaction(async (tx) => {
        await tx.certificates.insert(newCertificate({ id: 'a', number: 'A' }));
        assert.ok((await terminate(url, applicationName)) >= 1);
        await sleep(50);
        await tx.certificates.insert(newCertificate({ id: 'b', number: 'B' }));
      });
      await assert.rejects(failed, (e: unknown) => e instanceof StoreError && e.reason === 'connection' && e.retryable);
      await store.ping();
      assert.equal(await store.certificates.get('a'), undefined, 'nothing of the broken transaction was committed');
      await store.certificates.insert(newCertificate({ id: 'c', number: 'C' }));
      assert.ok(await store.certificates.get('c'));
    } finally {
      await store.close();
    }
  });

  it('replaces idle pooled connections the server terminated, failing at most the operations that held them', async () => {
    const applicationName = appName();
    const store = await open({ applicationName, poolSize: 4 });
    try {
      await Promise.all([1, 2, 3, 4].map((i) => store.certificates.get(`warm-${i}`)));
      assert.ok((await terminate(url, applicationName)) >= 1);
      const seen = (await Promise.all(Array.from({ length: 12 }, (_, i) => withRetries(() => store.certificates.insert(newCertificate({ id: `c${i}`, number: `N${i}` })))))).flat();
      assert.ok(seen.every((e) => e.reason === 'connection'), seen.map((e) => e.message).join('; '));
      assert.equal((await store.certificates.search({}, 50)).items.length, 12);
      await store.ping();
    } finally {
      await store.close();
    }
  });

  it('rejects ping and writes with connection errors while the database is unreachable, and works again once it is back', async () => {
    const target = new URL(url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    let store: Store | undefined;
    try {
      store = await open({ url: proxy.url(url), connectTimeoutMs: 1000 });
      await store.certificates.insert(newCertificate({ id: 'before', number: 'BEFORE' }));
      await proxy.stop();
      for (let i = 0; i < 3; i++) await rejectsWith(store.ping(), 'connection');
      await rejectsWith(store.certificates.insert(newCertificate({ id: 'during', number: 'DURING' })), 'connection');
      await rejectsWith(store.transaction((tx) => tx.audit.append({ at: 1, actor: 'a', action: 'b', subject: 'c', details: '{}' })), 'connection');
      await proxy.start();
      await withRetries(() => (store as Store).ping());
      await store.certificates.insert(newCertificate({ id: 'after', number: 'AFTER' }));
      assert.deepEqual((await store.certificates.search({}, 10)).items.map((c) => c.id).sort(), ['after', 'before']);
    } finally {
      await store?.close();
      await proxy.close();
    }
  });

  it('fails fast with a connection error when the server accepts but never answers', async () => {
    const silent = net.createServer(() => {});
    const sockets = new Set<net.Socket>();
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      await rejectsWith(open({ url: `postgres://postgres@127.0.0.1:${port}/test`, connectTimeoutMs: 300 }), 'connection');
      assert.ok(Date.now() - started < 3000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
