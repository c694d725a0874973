/**
 * The audit sealer with several gateway instances on one PostgreSQL database: the sealer's
 * advisory lock lets one instance seal at a time, so concurrent sealers never fail or put a row
 * into two seals, the chain verifies, and a sealer finding the lock taken skips its round.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startAuditSealer } from '../audit/audit-sealer.js';
import { sealAudit } from '../audit/seal-audit.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import type { Store } from '../store.js';
import { describePostgres } from './test-support/postgres-suite.js';

const entry = (n: number, actor: string) => ({ at: 1000 + n, actor, action: 'certificate.submitted', subject: `cert-${n % 7}`, details: JSON.stringify({ n }) });

describePostgres('PostgreSQL audit sealing with several instances', ({ instances }) => {
  it('seals with many concurrent sealers on two instances without an error, a row in two seals or a broken chain', async () => {
    const [a, b] = (await instances(2, { poolSize: 6 })) as [Store, Store];
    try {
      const appended = Promise.all([a, b].map(async (store, i) => {
        for (let n = 0; n < 200; n++) await store.audit.append(entry(n, `instance-${i}`));
      }));
      const sealers = Promise.all([a, b, a, b, a, b].map(async (store) => {
        const seals: number[] = [];
        for (let round = 0; round < 40; round++) {
          const seal = await sealAudit(store, { batchSize: 25, now: 5000 + round });
          if (seal) seals.push(seal.id);
          await sleep(1);
        }
        return seals;
      }));
      await appended;
      const ids = (await sealers).flat();
      assert.equal(new Set(ids).size, ids.length, 'two sealers produced the same seal id');
      while ((await a.audit.countUnsealed()) > 0) await sealAudit(b, { batchSize: 25, now: 9000 });
      const verification = await verifyAuditLog(a);
      assert.deepEqual(verification.problems, []);
      assert.equal(verification.sealed, 400);
      assert.deepEqual((await a.audit.seals(0, 1000)).map((s) => s.id), Array.from({ length: verification.seals }, (_, i) => i + 1));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('skips a round, sealing nothing, while another instance holds the sealing lock', async () => {
    const [a, b] = (await instances(2)) as [Store, Store];
    try {
      for (let n = 0; n < 5; n++) await a.audit.append(entry(n, 'a'));
      await b.transaction(async (tx) => {
        assert.equal(await tx.audit.lockSealing(), true);
        assert.equal(await sealAudit(a, { batchSize: 10, now: 1 }), undefined);
      });
      assert.equal(await a.audit.countUnsealed(), 5);
      assert.equal((await sealAudit(a, { batchSize: 10, now: 2 }))?.count, 5, 'the lock ends with the transaction');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('runs background sealers on three instances while they append, and the log verifies', async () => {
    const stores = await instances(3);
    const errors: unknown[] = [];
    const stops = stores.map((store) => startAuditSealer(store, { intervalMs: 5, batchSize: 20, onError: (e) => errors.push(e) }));
    try {
      await Promise.all(stores.map(async (store, i) => {
        for (let n = 0; n < 100; n++) await store.audit.append(entry(n, `instance-${i}`));
      }));
      for (let i = 0; i < 400 && (await stores[0]?.audit.countUnsealed()) !== 0; i++) await sleep(10);
      await Promise.all(stops.map((stop) => stop()));
      assert.deepEqual(errors, []);
      const verification = await verifyAuditLog(stores[1] as Store);
      assert.equal(verification.ok, true);
      assert.equal(verification.sealed, 300);
      assert.equal(verification.unsealed, 0);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
