/** Contract: protocol messages, receipts, deduplication keys and idempotency records. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, newMessage, newReceipt, rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

export function messagesContract(open: OpenContractStore): void {
  void describe('messages', () => {
    void it('keeps the exact bytes of a message and finds it by key, by id (outbound) and by certificate', () => withStore(open, async (store) => {
      const raw = new Uint8Array(256).map((_, i) => i);
      const out = newMessage({ raw });
      await store.messages.insert(out);
      await store.messages.insert(newMessage({ id: 'msg-2', direction: 'in', kind: 'receipt', senderCountry: 'ID', senderGateway: 'id-gw-1', refersTo: 'msg-1', storedAt: out.storedAt + 1 }));
      const got = await store.messages.get('out', 'TH', 'th-gw-1', 'msg-1');
      assert.ok(got);
      assert.deepEqual(bytes(got.raw), bytes(raw));
      assert.deepEqual({ ...got, raw: null }, { ...out, raw: null });
      assert.equal((await store.messages.getOutbound('msg-1'))?.id, 'msg-1');
      assert.equal(await store.messages.getOutbound('msg-2'), undefined);
      assert.deepEqual((await store.messages.listForCertificate('cert-1')).map((m) => m.id), ['msg-1', 'msg-2']);
      assert.equal(await store.messages.count('out'), 1);
      assert.equal(await store.messages.count('in'), 1);
    }));

    void it('rejects the same message twice as a unique violation, but not the same id from another sender or direction', () => withStore(open, async (store) => {
      await store.messages.insert(newMessage({ direction: 'in', senderCountry: 'ID' }));
      await rejectsWith(store.messages.insert(newMessage({ direction: 'in', senderCountry: 'ID', digest: 'other' })), 'unique-violation');
      await store.messages.insert(newMessage({ direction: 'in', senderCountry: 'VN' }));
      await store.messages.insert(newMessage({ direction: 'out', senderCountry: 'ID' }));
      assert.equal(await store.messages.count('in'), 2);
    }));
  });

  void describe('receipts', () => {
    void it('stores received and issued receipts and finds each kind', () => withStore(open, async (store) => {
      const received = newReceipt();
      const issued = newReceipt({ direction: 'out', messageId: 'msg-9', peerCountry: 'VN', peerGateway: 'vn-gw', receiptId: 'rcpt-9', outcome: 'rejected', issues: '[{"code":"x"}]' });
      await store.receipts.insert(received);
      await store.receipts.insert(issued);
      const gotReceived = await store.receipts.getReceived('msg-1');
      assert.ok(gotReceived);
      assert.deepEqual({ ...gotReceived, raw: bytes(gotReceived.raw) }, { ...received, raw: bytes(received.raw) });
      assert.equal((await store.receipts.getIssued('VN', 'vn-gw', 'msg-9'))?.outcome, 'rejected');
      assert.equal(await store.receipts.getIssued('VN', 'other', 'msg-9'), undefined);
      assert.equal(await store.receipts.getReceived('msg-9'), undefined);
      await rejectsWith(store.receipts.insert(issued), 'unique-violation');
    }));
  });

  void describe('deduplication keys', () => {
    const key = { senderCountry: 'ID', senderGateway: 'id-gw-1', messageId: 'm1', receiptId: 'r1', expiresAt: 5000 };

    void it('finds a key and rejects the same sender and message id twice as a unique violation', () => withStore(open, async (store) => {
      await store.dedup.insert(key);
      assert.deepEqual(await store.dedup.find('ID', 'id-gw-1', 'm1'), key);
      assert.equal(await store.dedup.find('ID', 'id-gw-2', 'm1'), undefined);
      await rejectsWith(store.dedup.insert({ ...key, receiptId: 'r2' }), 'unique-violation');
      assert.equal(await store.dedup.insertIfAbsent({ ...key, receiptId: 'r2' }), false);
      assert.equal((await store.dedup.find('ID', 'id-gw-1', 'm1'))?.receiptId, 'r1');
      assert.equal(await store.dedup.insertIfAbsent({ ...key, messageId: 'm2' }), true);
    }));

    void it('inserts if absent inside a transaction that then commits normally', () => withStore(open, async (store) => {
      await store.dedup.insert(key);
      const inserted = await store.transaction(async (tx) => {
        const first = await tx.dedup.insertIfAbsent(key);
        await tx.dedup.insert({ ...key, messageId: 'm3' });
        return first;
      });
      assert.equal(inserted, false);
      assert.ok(await store.dedup.find('ID', 'id-gw-1', 'm3'));
    }));

    void it('purges expired keys only', () => withStore(open, async (store) => {
      await store.dedup.insert(key);
      await store.dedup.insert({ ...key, messageId: 'm2', expiresAt: 9000 });
      assert.equal(await store.dedup.purgeExpired(4999), 0);
      assert.equal(await store.dedup.purgeExpired(5000), 1);
      assert.equal(await store.dedup.find('ID', 'id-gw-1', 'm1'), undefined);
      assert.ok(await store.dedup.find('ID', 'id-gw-1', 'm2'));
    }));
  });

  void describe('idempotency records', () => {
    const record = { scope: 'token-a', key: 'k1', requestDigest: 'sha-256:abc', status: 201, response: '{"id":"c1"}', createdAt: 1000 };

    void it('returns the stored response for a scope and key, and rejects a second insert', () => withStore(open, async (store) => {
      await store.idempotency.insert(record);
      assert.deepEqual(await store.idempotency.find('token-a', 'k1'), record);
      assert.equal(await store.idempotency.find('token-b', 'k1'), undefined);
      await rejectsWith(store.idempotency.insert({ ...record, requestDigest: 'sha-256:other' }), 'unique-violation');
      assert.equal(await store.idempotency.insertIfAbsent(record), false);
      assert.equal(await store.idempotency.insertIfAbsent({ ...record, scope: 'token-b' }), true);
    }));

    void it('purges records older than a time', () => withStore(open, async (store) => {
      await store.idempotency.insert(record);
      await store.idempotency.insert({ ...record, key: 'k2', createdAt: 2000 });
      assert.equal(await store.idempotency.purgeOlderThan(2000), 1);
      assert.equal(await store.idempotency.find('token-a', 'k1'), undefined);
      assert.ok(await store.idempotency.find('token-a', 'k2'));
    }));
  });
}
