/**
 * Deduplication across gateway instances rests on unique constraints, not on isolation levels:
 * two instances writing the same dedup key, certificate, message or idempotency key at the same
 * moment end with one row; the loser gets unique-violation with its whole transaction rolled
 * back, or, with insertIfAbsent, false and a transaction that still commits and can read the
 * winner's rows (READ COMMITTED: each statement sees what committed before it).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { newCertificate, newMessage, newReceipt, withStore } from '../contract/contract-fixtures.js';
import type { DedupKey } from '../repos/dedup-repo.js';
import { StoreError } from '../store-error.js';
import type { Repositories, Store } from '../store.js';
import { describePostgres } from './test-support/postgres-suite.js';

/** Resolves for everyone once `count` callers are waiting: both transactions are open before the race. */
function barrier(count: number): () => Promise<void> {
  let waiting = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++waiting === count) release();
    return all;
  };
}

const key = (messageId: string): DedupKey => ({ senderCountry: 'ID', senderGateway: 'id-gw-1', messageId, receiptId: `r-${messageId}`, expiresAt: 9e12 });

/** Runs `work` on both stores at once (after each has written its own first row), returning how each ended. */
async function race(stores: readonly Store[], work: (tx: Repositories, i: number) => Promise<unknown>): Promise<PromiseSettledResult<unknown>[]> {
  const ready = barrier(stores.length);
  return Promise.allSettled(stores.map((store, i) => store.transaction(async (tx) => {
    await tx.audit.append({ at: i, actor: `instance-${i}`, action: 'race.started', subject: 'race', details: '{}' });
    await ready();
    return work(tx, i);
  })));
}

const isUniqueViolation = (r: PromiseSettledResult<unknown>): boolean => r.status === 'rejected' && r.reason instanceof StoreError && r.reason.reason === 'unique-violation';

describePostgres('PostgreSQL deduplication across instances', ({ instances }) => {
  it('lets one of two instances store the same dedup key, certificate, message or idempotency key, and rolls the other back whole', async () => {
    const stores = await instances(2);
    try {
      const writes: ((tx: Repositories, n: number, i: number) => Promise<unknown>)[] = [
        (tx, n) => tx.dedup.insert(key(`m${n}`)),
        (tx, n, i) => tx.certificates.insert(newCertificate({ id: `c${n}-${i}`, number: `N-${n}` })),
        (tx, n) => tx.messages.insert(newMessage({ id: `msg-${n}`, direction: 'in' })),
        (tx, n) => tx.idempotency.insert({ scope: 'token', key: `k${n}`, requestDigest: 'd', status: 202, response: '{}', createdAt: 1 }),
      ];
      for (let n = 0; n < 40; n++) {
        const write = writes[n % writes.length] as (typeof writes)[number];
        const results = await race(stores, (tx, i) => write(tx, n, i));
        assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'], `round ${n}`);
        assert.ok(results.some(isUniqueViolation), `round ${n}: ${results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')).join('; ')}`);
      }
      // Each loser's first row went with its transaction: one 'race.started' per round.
      assert.equal((await stores[0]?.audit.forSubject('race'))?.length, 40);
      assert.equal(await stores[1]?.messages.count('in'), 10);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('answers false to the loser of insertIfAbsent, whose transaction reads the winner\'s receipt and commits', async () => {
    const stores = await instances(2);
    try {
      for (let n = 0; n < 20; n++) {
        const results = await race(stores, async (tx, i) => {
          if (!(await tx.dedup.insertIfAbsent(key(`m${n}`)))) return (await tx.receipts.getIssued('ID', 'id-gw-1', `m${n}`))?.receiptId ?? 'none';
          await tx.receipts.insert(newReceipt({ direction: 'out', messageId: `m${n}`, receiptId: `receipt-${n}-${i}` }));
          return 'stored';
        });
        const values = results.map((r) => String(r.status === 'fulfilled' ? r.value : r.reason)).sort();
        assert.match(values[0] ?? '', new RegExp(`^receipt-${n}-[01]$`), `round ${n}: ${values.join(', ')}`);
        assert.equal(values[1], 'stored');
      }
      assert.equal((await stores[0]?.audit.forSubject('race'))?.length, 40, 'both transactions of every round committed');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('keeps a store usable after many unique violations (no aborted connection goes back to the pool)', async () => {
    const [store] = await instances(1, { poolSize: 2 });
    await withStore(() => Promise.resolve(store as Store), async (s) => {
      await s.dedup.insert(key('m'));
      for (let i = 0; i < 10; i++) await assert.rejects(s.transaction((tx) => tx.dedup.insert(key('m'))), StoreError);
      assert.equal(await s.dedup.insertIfAbsent(key('m')), false);
      await s.transaction((tx) => tx.dedup.insert(key('n')));
      assert.ok(await s.dedup.find('ID', 'id-gw-1', 'n'));
    });
  });
});
