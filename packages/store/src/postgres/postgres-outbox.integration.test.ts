/**
 * The outbox shared by several gateway instances on one PostgreSQL database: claims with
 * FOR UPDATE SKIP LOCKED never hand one entry to two instances, entries of one orderKey are
 * delivered one at a time in enqueue order across instances, and a crashed instance's claims
 * are taken over once its lease expires, not before.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { newOutboxEntry } from '../contract/contract-fixtures.js';
import type { OutboxEntry } from '../repos/outbox-repo.js';
import type { Store } from '../store.js';
import { describePostgres } from './test-support/postgres-suite.js';

const now = 1_000_000;
const lease = 60_000;

async function closeAll(stores: readonly Store[]): Promise<void> {
  await Promise.all(stores.map((s) => s.close()));
}

/** Enqueues `keys` x `perKey` entries, key by key in rounds (so one key's entries are not adjacent). */
async function enqueue(store: Store, keys: number, perKey: number): Promise<Map<number, { key: string; earlier: number[] }>> {
  const entries = new Map<number, { key: string; earlier: number[] }>();
  const byKey = new Map<string, number[]>();
  for (let round = 0; round < perKey; round++) {
    await store.transaction(async (tx) => {
      for (let k = 0; k < keys; k++) {
        const key = `cert-${k}`;
        const seq = await tx.outbox.enqueue(newOutboxEntry({ messageId: `m-${k}-${round}`, orderKey: key, nextAttemptAt: now }));
        const earlier = byKey.get(key) ?? [];
        entries.set(seq, { key, earlier: [...earlier] });
        byKey.set(key, [...earlier, seq]);
      }
    });
  }
  return entries;
}

describePostgres('PostgreSQL outbox with several instances', ({ instances }) => {
  it('never hands one entry to two of three instances claiming concurrently', async () => {
    const stores = await instances(3, { poolSize: 6 });
    try {
      const entries = await enqueue(stores[0] as Store, 300, 1);
      const claims: { owner: string; entry: OutboxEntry }[] = [];
      await Promise.all(stores.flatMap((store, i) => [0, 1, 2, 3, 4].map(async (w) => {
        const owner = `gw-${i}/w${w}`;
        for (;;) {
          const batch = await store.outbox.claimDue(now, 7, owner, lease);
          if (batch.length === 0) return;
          for (const entry of batch) claims.push({ owner, entry });
        }
      })));
      const seqs = claims.map((c) => c.entry.seq);
      assert.equal(new Set(seqs).size, seqs.length, 'an entry was claimed twice');
      assert.deepEqual([...seqs].sort((a, b) => a - b), [...entries.keys()].sort((a, b) => a - b));
      assert.ok(new Set(claims.map((c) => c.owner.split('/')[0])).size > 1, 'more than one instance got work');
      for (const { owner, entry } of claims.slice(0, 50)) assert.equal((await stores[1]?.outbox.get(entry.seq))?.leaseOwner, owner);
    } finally {
      await closeAll(stores);
    }
  });

  it('delivers each orderKey\'s entries one at a time and in enqueue order across instances', async () => {
    const stores = await instances(3, { poolSize: 6 });
    try {
      const entries = await enqueue(stores[0] as Store, 30, 5);
      const delivered: number[] = [];
      const violations: string[] = [];
      await Promise.all(stores.flatMap((store, i) => [0, 1, 2].map(async (w) => {
        for (let idle = 0; idle < 20;) {
          const batch = await store.outbox.claimDue(now, 4, `gw-${i}/w${w}`, lease);
          if (batch.length === 0) {
            idle++;
            await sleep(5);
            continue;
          }
          idle = 0;
          for (const entry of batch) {
            // Claimed only once every earlier entry of its orderKey was delivered and committed.
            for (const earlier of entries.get(entry.seq)?.earlier ?? []) {
              const state = (await store.outbox.get(earlier))?.state;
              if (state !== 'delivered') violations.push(`seq ${entry.seq} claimed while ${earlier} was ${state}`);
            }
            await sleep(Math.random() * 3);
            await store.outbox.markDelivered(entry.seq, now + 1);
            delivered.push(entry.seq);
          }
        }
      })));
      assert.deepEqual(violations, []);
      assert.equal(delivered.length, entries.size);
      assert.equal(new Set(delivered).size, entries.size, 'an entry was delivered twice');
      assert.deepEqual(await stores[2]?.outbox.depth(), { pending: 0, delivered: entries.size, rejected: 0, failed: 0 });
    } finally {
      await closeAll(stores);
    }
  });

  it('takes over a crashed instance\'s claims once their lease expires, and keeps their successors waiting', async () => {
    const [crashed, survivor] = (await instances(2)) as [Store, Store];
    try {
      const first = await crashed.outbox.enqueue(newOutboxEntry({ messageId: 'issued', orderKey: 'cert-1', nextAttemptAt: now }));
      await crashed.outbox.enqueue(newOutboxEntry({ messageId: 'cancelled', orderKey: 'cert-1', nextAttemptAt: now }));
      await crashed.outbox.enqueue(newOutboxEntry({ messageId: 'other', orderKey: 'cert-2', nextAttemptAt: now }));
      assert.deepEqual((await crashed.outbox.claimDue(now, 10, 'gw-a', lease)).map((e) => e.messageId), ['issued', 'other']);
      await crashed.close();

      assert.deepEqual(await survivor.outbox.claimDue(now + lease - 1, 10, 'gw-b', lease), [], 'live leases and their successors are left alone');
      const taken = await survivor.outbox.claimDue(now + lease, 10, 'gw-b', lease);
      assert.deepEqual(taken.map((e) => [e.messageId, e.leaseOwner, e.leaseUntil]), [['issued', 'gw-b', now + 2 * lease], ['other', 'gw-b', now + 2 * lease]]);
      await survivor.outbox.markDelivered(first, now + lease + 1);
      assert.deepEqual((await survivor.outbox.claimDue(now + lease + 1, 10, 'gw-b', lease)).map((e) => e.messageId), ['cancelled']);
    } finally {
      await survivor.close();
    }
  });
});
