/**
 * Group commit on a real SQLite file: units of work submitted together share one transaction, a
 * failing unit fails alone (its writes rolled back, the others committed), a caller hears of
 * success only once its unit is durable, and groups are capped at maxBatch.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Repositories, type Store } from '@originlink/store';
import { createCommitQueue } from './commit-queue.js';

describe('commit queue', () => {
  let dir: string;
  let store: Store;
  let transactions = 0;
  let counted: Store;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-commit-queue-'));
    store = await openStore(`sqlite:${join(dir, 'queue.sqlite')}`);
    // Counts transactions; every other member is the store's own (bound: it has private fields).
    counted = new Proxy(store, {
      get(target, property) {
        if (property === 'transaction') {
          return <T>(fn: (tx: Repositories) => Promise<T>) => {
            transactions++;
            return target.transaction(fn);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const append = (subject: string) => (tx: Repositories) => tx.audit.append({ at: 1, actor: 'test', action: 'unit', subject, details: '{}' });
  const countOf = async (subject: string) => (await store.audit.forSubject(subject)).length;

  it('commits units submitted in the same turn in one transaction, each caller getting its own result', async () => {
    const sizes: number[] = [];
    const queue = createCommitQueue(counted, { onBatch: (n) => sizes.push(n) });
    transactions = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => queue.run(async (tx) => {
      await append('group-a')(tx);
      return i * 2;
    })));
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i * 2));
    assert.equal(transactions, 1);
    assert.deepEqual(sizes, [20]);
    assert.equal(await countOf('group-a'), 20);
  });

  it('fails only the failing unit of a group: its writes are rolled back, the others are committed', async () => {
    const queue = createCommitQueue(counted);
    const failure = new Error('this unit fails');
    transactions = 0;
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => queue.run(async (tx) => {
      await append(`unit-${i}`)(tx);
      if (i === 3) throw failure;
      return i;
    })));
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    assert.equal((outcomes[3] as PromiseRejectedResult).reason, failure);
    assert.deepEqual(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => countOf(`unit-${i}`))), [1, 1, 1, 0, 1, 1]);
    // The failed group, the units before the bad one, the bad one alone, the units after it.
    assert.equal(transactions, 4);
  });

  it('gives a unit that failed in a group a try of its own, so a transient failure does not lose it', async () => {
    const queue = createCommitQueue(counted);
    let calls = 0;
    const outcomes = await Promise.allSettled([
      queue.run(append('transient-before')),
      queue.run(async (tx) => {
        await append('transient')(tx);
        if (++calls === 1) throw new Error('busy, the first time only');
        return 'second try';
      }),
      queue.run(append('transient-after')),
    ]);
    assert.deepEqual(outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : 'failed')), ['ok', 'ok', 'ok']);
    assert.equal((outcomes[1] as PromiseFulfilledResult<unknown>).value, 'second try');
    assert.deepEqual(await Promise.all(['transient-before', 'transient', 'transient-after'].map(countOf)), [1, 1, 1]);
  });

  it('resolves a unit only once it is committed (visible to another connection)', async () => {
    const queue = createCommitQueue(store);
    const other = await openStore(`sqlite:${join(dir, 'queue.sqlite')}`);
    try {
      await queue.run(append('durable'));
      assert.equal((await other.audit.forSubject('durable')).length, 1);
    } finally {
      await other.close();
    }
  });

  it('splits a large group at maxBatch', async () => {
    const sizes: number[] = [];
    const queue = createCommitQueue(store, { maxBatch: 4, onBatch: (n) => sizes.push(n) });
    await Promise.all(Array.from({ length: 10 }, () => queue.run(append('batched'))));
    assert.deepEqual(sizes, [4, 4, 2]);
    assert.equal(await countOf('batched'), 10);
  });

  it('groups units that arrive while a transaction is in progress', async () => {
    const sizes: number[] = [];
    const queue = createCommitQueue(store, { onBatch: (n) => sizes.push(n) });
    let started!: () => void;
    const inTransaction = new Promise<void>((r) => (started = r));
    const first = queue.run(async (tx) => {
      started();
      await append('waves')(tx);
      await new Promise((r) => setTimeout(r, 30));
    });
    await inTransaction;
    const wave = Array.from({ length: 5 }, () => queue.run(append('waves')));
    await Promise.all([first, ...wave]);
    assert.deepEqual(sizes, [1, 5]);
  });

  it('drain waits for every submitted unit', async () => {
    const queue = createCommitQueue(store);
    let done = 0;
    for (let i = 0; i < 5; i++) void queue.run(append('drained')).then(() => done++);
    await queue.drain();
    assert.equal(await countOf('drained'), 5);
    await new Promise((r) => setImmediate(r));
    assert.equal(done, 5);
  });
});
