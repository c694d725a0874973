/** Contract: the outbox's ordering per orderKey, leases, and its state transitions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newOutboxEntry, rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

const lease = 30_000;

export function outboxContract(open: OpenContractStore): void {
  void describe('outbox', () => {
    void it('enqueues in increasing sequence, pending with no attempts, findable by seq and message', () => withStore(open, async (store) => {
      const a = await store.outbox.enqueue(newOutboxEntry({ messageId: 'm1' }));
      const b = await store.outbox.enqueue(newOutboxEntry({ messageId: 'm2', orderKey: 'cert-2' }));
      assert.ok(b > a);
      const entry = await store.outbox.get(a);
      assert.deepEqual(entry, {
        seq: a, messageId: 'm1', partnerCountry: 'ID', partnerGateway: 'id-gw-1', orderKey: 'cert-1', state: 'pending',
        attempts: 0, nextAttemptAt: 1000, lastError: null, createdAt: 1000, updatedAt: 1000, expiresAt: 1000 + 86_400_000,
        leaseOwner: null, leaseUntil: null,
      });
      assert.equal((await store.outbox.findByMessage('m2'))?.seq, b);
      assert.equal(await store.outbox.get(b + 100), undefined);
      await rejectsWith(store.outbox.enqueue(newOutboxEntry({ messageId: 'm1' })), 'unique-violation');
    }));

    void it('claims due entries oldest first up to the limit and leases them to the owner', () => withStore(open, async (store) => {
      for (let i = 1; i <= 4; i++) await store.outbox.enqueue(newOutboxEntry({ messageId: `m${i}`, orderKey: `k${i}` }));
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'later', orderKey: 'k9', nextAttemptAt: 5000 }));
      const claimed = await store.outbox.claimDue(2000, 3, 'worker-a', lease);
      assert.deepEqual(claimed.map((e) => e.messageId), ['m1', 'm2', 'm3']);
      assert.ok(claimed.every((e) => e.leaseOwner === 'worker-a' && e.leaseUntil === 2000 + lease && e.state === 'pending'));
      assert.deepEqual((await store.outbox.claimDue(2000, 10, 'worker-b', lease)).map((e) => e.messageId), ['m4']);
      assert.deepEqual(await store.outbox.claimDue(2001, 10, 'worker-b', lease), []);
    }));

    void it('claims an entry again once its lease has expired, never while it is live', () => withStore(open, async (store) => {
      await store.outbox.enqueue(newOutboxEntry());
      assert.equal((await store.outbox.claimDue(2000, 1, 'a', lease)).length, 1);
      assert.equal((await store.outbox.claimDue(2000 + lease - 1, 1, 'b', lease)).length, 0);
      const again = await store.outbox.claimDue(2000 + lease, 1, 'b', lease);
      assert.equal(again[0]?.leaseOwner, 'b');
      assert.equal(again[0]?.leaseUntil, 2000 + 2 * lease);
    }));

    void it('does not claim a later entry of an orderKey while an earlier one is pending, leased or not due', () => withStore(open, async (store) => {
      const first = await store.outbox.enqueue(newOutboxEntry({ messageId: 'issued', orderKey: 'cert-1' }));
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'cancelled', orderKey: 'cert-1' }));
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'other', orderKey: 'cert-2' }));
      assert.deepEqual((await store.outbox.claimDue(2000, 10, 'a', lease)).map((e) => e.messageId), ['issued', 'other']);
      // The earlier entry is leased: its successor waits.
      assert.deepEqual(await store.outbox.claimDue(2000, 10, 'b', lease), []);
      // A retry pushes the earlier entry into the future: its successor still waits.
      await store.outbox.scheduleRetry(first, 9000, 1, 'timeout', 2100);
      assert.deepEqual(await store.outbox.claimDue(3000, 10, 'b', lease), []);
      await store.outbox.markDelivered(first, 9500);
      assert.equal((await store.outbox.findByMessage('issued'))?.attempts, 2, 'the failed attempt and the one that delivered');
      assert.deepEqual((await store.outbox.claimDue(9500, 10, 'b', lease)).map((e) => e.messageId), ['cancelled']);
    }));

    void it('also releases the successor when the earlier entry fails or is rejected', () => withStore(open, async (store) => {
      const a = await store.outbox.enqueue(newOutboxEntry({ messageId: 'a' }));
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'b' }));
      await store.outbox.markFailed(a, 1500, 'gave up');
      assert.deepEqual((await store.outbox.claimDue(2000, 10, 'w', lease)).map((e) => e.messageId), ['b']);
    }));

    void it('schedules a retry: lease released, attempts and error recorded, due again at the new time', () => withStore(open, async (store) => {
      const seq = await store.outbox.enqueue(newOutboxEntry());
      await store.outbox.claimDue(2000, 1, 'a', lease);
      await store.outbox.scheduleRetry(seq, 7000, 1, 'HTTP 503', 2500);
      const entry = await store.outbox.get(seq);
      assert.equal(entry?.state, 'pending');
      assert.equal(entry?.attempts, 1);
      assert.equal(entry?.lastError, 'HTTP 503');
      assert.equal(entry?.nextAttemptAt, 7000);
      assert.equal(entry?.updatedAt, 2500);
      assert.equal(entry?.leaseOwner, null);
      assert.equal(entry?.leaseUntil, null);
      assert.deepEqual(await store.outbox.claimDue(6999, 1, 'a', lease), []);
      assert.equal((await store.outbox.claimDue(7000, 1, 'a', lease)).length, 1);
    }));

    void it('marks delivered, rejected and failed, and requeues only failed or rejected entries', () => withStore(open, async (store) => {
      const d = await store.outbox.enqueue(newOutboxEntry({ messageId: 'd', orderKey: 'd' }));
      const r = await store.outbox.enqueue(newOutboxEntry({ messageId: 'r', orderKey: 'r' }));
      const f = await store.outbox.enqueue(newOutboxEntry({ messageId: 'f', orderKey: 'f' }));
      await store.outbox.claimDue(2000, 10, 'a', lease);
      await store.outbox.markDelivered(d, 3000);
      await store.outbox.markRejected(r, 3000, 'E_SIGNATURE');
      await store.outbox.scheduleRetry(f, 4000, 5, 'timeout', 3000);
      await store.outbox.markFailed(f, 5000, 'expired');
      assert.equal((await store.outbox.get(d))?.state, 'delivered');
      assert.equal((await store.outbox.get(r))?.lastError, 'E_SIGNATURE');
      assert.equal((await store.outbox.get(f))?.state, 'failed');
      assert.equal((await store.outbox.get(f))?.leaseOwner, null);
      assert.deepEqual(await store.outbox.depth(), { pending: 0, delivered: 1, rejected: 1, failed: 1 });
      assert.equal(await store.outbox.nextDue(), undefined);

      assert.equal(await store.outbox.requeue(d, 6000, 99_000), false);
      assert.equal(await store.outbox.requeue(f, 6000, 99_000), true);
      assert.equal(await store.outbox.requeue(r, 6000, 99_000), true);
      const requeued = await store.outbox.get(f);
      assert.equal(requeued?.state, 'pending');
      assert.equal(requeued?.attempts, 0);
      assert.equal(requeued?.nextAttemptAt, 6000);
      assert.equal(requeued?.expiresAt, 99_000);
      assert.equal(await store.outbox.requeue(f, 6000, 99_000), false);
      assert.deepEqual((await store.outbox.claimDue(6000, 10, 'a', lease)).map((e) => e.messageId), ['r', 'f']);
    }));

    void it('resends a failed or rejected entry as a new message, due now with attempts reset', () => withStore(open, async (store) => {
      const r = await store.outbox.enqueue(newOutboxEntry({ messageId: 'r', orderKey: 'r' }));
      const p = await store.outbox.enqueue(newOutboxEntry({ messageId: 'p', orderKey: 'p' }));
      await store.outbox.claimDue(2000, 10, 'a', lease);
      await store.outbox.scheduleRetry(r, 2500, 3, 'timeout', 2100);
      await store.outbox.markRejected(r, 3000, 'E_SIGNATURE');
      assert.equal(await store.outbox.requeueAs(p, 'p-2', 6000, 99_000), false, 'a pending entry is not resent');
      assert.equal(await store.outbox.requeueAs(r, 'r-2', 6000, 99_000), true);
      const resent = await store.outbox.get(r);
      assert.deepEqual([resent?.messageId, resent?.state, resent?.attempts, resent?.nextAttemptAt, resent?.expiresAt, resent?.leaseOwner, resent?.orderKey],
        ['r-2', 'pending', 0, 6000, 99_000, null, 'r']);
      assert.equal(await store.outbox.findByMessage('r'), undefined);
      assert.equal((await store.outbox.findByMessage('r-2'))?.seq, r);
      assert.equal((await store.outbox.get(p))?.messageId, 'p');
      assert.equal(await store.outbox.requeueAs(r, 'r-3', 6000, 99_000), false, 'it is pending again');
      await store.outbox.markFailed(r, 7000, 'expired');
      await rejectsWith(store.outbox.requeueAs(r, 'p', 8000, 99_000), 'unique-violation');
      assert.equal((await store.outbox.get(r))?.messageId, 'r-2');
    }));

    void it('lists entries newest first by state and partner, and reports when the next one is due', () => withStore(open, async (store) => {
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'a', orderKey: 'a', nextAttemptAt: 4000 }));
      const b = await store.outbox.enqueue(newOutboxEntry({ messageId: 'b', orderKey: 'b', partnerCountry: 'VN', nextAttemptAt: 3000 }));
      await store.outbox.enqueue(newOutboxEntry({ messageId: 'c', orderKey: 'c', nextAttemptAt: 5000 }));
      assert.equal(await store.outbox.nextDue(), 3000);
      await store.outbox.claimDue(3000, 10, 'w', 10_000);
      // b is leased until 13000: the earliest claimable moment is now a's 4000.
      assert.equal(await store.outbox.nextDue(), 4000);
      await store.outbox.markDelivered(b, 3100);
      assert.deepEqual((await store.outbox.list({}, 10)).map((e) => e.messageId), ['c', 'b', 'a']);
      assert.deepEqual((await store.outbox.list({ state: 'pending' }, 10)).map((e) => e.messageId), ['c', 'a']);
      assert.deepEqual((await store.outbox.list({ partnerCountry: 'VN' }, 10)).map((e) => e.messageId), ['b']);
      assert.deepEqual((await store.outbox.list({}, 1)).map((e) => e.messageId), ['c']);
      assert.deepEqual(await store.outbox.depth(), { pending: 2, delivered: 1, rejected: 0, failed: 0 });
    }));
  });
}
