/**
 * Contract: a certificate's lifecycle in storage: its versions (insert records version 1,
 * amendments append and keep used quantities), lifecycle and verification status, the message
 * that carries it, the lifecycle search filter, and exact partial utilisation that never over-uses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewCertificate } from '../repos/certificate-repo.js';
import { digestOf, newCertificate, rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

const at = 1_760_000_500_000;

/** An amendment of the fixture certificate `cert-1` to `version`, with `items` and a new document. */
function amendment(version: number, overrides: Partial<NewCertificate> = {}): NewCertificate & { version: number } {
  const document = `{"id":"cert-1","version":${version}}`;
  return { ...newCertificate({ document, documentDigest: digestOf(document), messageId: `msg-v${version}`, createdAt: at + version, ...overrides }), version };
}

export function lifecycleContract(open: OpenContractStore): void {
  void describe('certificate lifecycle', () => {
    void it('records the inserted certificate as version 1 of its history', () => withStore(open, async (store) => {
      const cert = newCertificate();
      await store.certificates.insert(cert);
      assert.deepEqual(await store.certificates.versions('cert-1'), [
        { certificateId: 'cert-1', version: 1, document: cert.document, documentDigest: cert.documentDigest, messageId: 'msg-cert-1', createdAt: cert.createdAt },
      ]);
      assert.deepEqual(await store.certificates.versions('nope'), []);
    }));

    void it('amends: the new document and columns become current, the history grows, used quantities stay with their item numbers', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate());
      assert.equal(await store.certificates.useQuantity('cert-1', 1, 200_000_000, at), true);
      const items: NewCertificate['items'] = [
        { itemNumber: 1, hsCode: '090112', description: 'Green coffee, decaffeinated', quantity: 1000, unitCode: 'KGM', invoiceNumber: 'INV-1', usableMicro: 1_000_000_000, usableUnit: 'KGM' },
        { itemNumber: 3, hsCode: '090121', description: 'Roasted coffee', quantity: 5, unitCode: 'KGM', invoiceNumber: null, usableMicro: 5_000_000, usableUnit: 'KGM' },
      ];
      const v2 = amendment(2, { exporterName: 'Siam Coffee Trading', importerName: 'PT Kopi Baru', status: 'pending', items });
      await store.certificates.amend('cert-1', v2, at + 10);
      const row = await store.certificates.get('cert-1');
      assert.equal(row?.version, 2);
      assert.equal(row?.document, v2.document);
      assert.equal(row?.documentDigest, v2.documentDigest);
      assert.equal(row?.messageId, 'msg-v2');
      assert.equal(row?.exporterName, 'Siam Coffee Trading');
      assert.equal(row?.updatedAt, at + 10);
      assert.equal(row?.createdAt, 1_760_000_000_000, 'the certificate keeps its place in newest-first lists');
      assert.deepEqual((await store.certificates.items('cert-1')).map((i) => [i.itemNumber, i.hsCode, i.usableMicro, i.usedMicro]), [
        [1, '090112', 1_000_000_000, 200_000_000], [3, '090121', 5_000_000, 0],
      ]);
      assert.deepEqual((await store.certificates.search({ exporter: 'trading' }, 5)).items.map((c) => c.id), ['cert-1']);
      assert.deepEqual((await store.certificates.search({ hsCode: '090111' }, 5)).items, []);
      const versions = await store.certificates.versions('cert-1');
      assert.deepEqual(versions.map((v) => [v.version, v.messageId, v.createdAt]), [[1, 'msg-cert-1', 1_760_000_000_000], [2, 'msg-v2', at + 2]]);
      assert.equal(versions[1]?.document, v2.document);
    }));

    void it('refuses an amendment that does not move the version forward, or of a missing certificate, and changes nothing', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate());
      await store.certificates.amend('cert-1', amendment(3), at);
      await rejectsWith(store.certificates.amend('cert-1', amendment(3, { exporterName: 'Other' }), at), 'constraint');
      await rejectsWith(store.certificates.amend('cert-1', amendment(2), at), 'constraint');
      await rejectsWith(store.certificates.amend('cert-1', amendment(1), at), 'constraint');
      await rejectsWith(store.certificates.amend('other', amendment(4, { id: 'other' }), at), 'constraint');
      await rejectsWith(store.certificates.amend('other', amendment(4), at), 'constraint');
      assert.equal((await store.certificates.get('cert-1'))?.exporterName, 'Siam Coffee Export Co., Ltd.');
      assert.deepEqual((await store.certificates.versions('cert-1')).map((v) => v.version), [1, 3]);
      const failed = store.transaction(async (tx) => {
        await tx.certificates.amend('cert-1', amendment(4, { exporterName: 'Rolled Back' }), at);
        await tx.certificates.amend('cert-1', amendment(4), at);
      });
      await rejectsWith(failed, 'constraint');
      assert.equal((await store.certificates.get('cert-1'))?.version, 3);
      assert.deepEqual((await store.certificates.versions('cert-1')).map((v) => v.version), [1, 3]);
    }));

    void it('sets the lifecycle with its references, keeping the first cancellation time', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate({ id: 'old', number: 'N-1' }));
      await store.certificates.insert(newCertificate({ id: 'new', number: 'N-2' }));
      await store.certificates.setLifecycle('old', { lifecycle: 'replaced', replacedById: 'new' }, at);
      await store.certificates.setLifecycle('new', { lifecycle: 'active', replacesId: 'old' }, at);
      const old = await store.certificates.get('old');
      assert.deepEqual([old?.lifecycle, old?.replacedById, old?.replacesId, old?.cancelledAt, old?.updatedAt], ['replaced', 'new', null, null, at]);
      assert.equal((await store.certificates.get('new'))?.replacesId, 'old');
      await store.certificates.setLifecycle('new', { lifecycle: 'cancelled', cancelReason: 'issued in error' }, at + 1);
      await store.certificates.setLifecycle('new', { lifecycle: 'cancelled', cancelReason: 'duplicate' }, at + 2);
      const cancelled = await store.certificates.get('new');
      assert.deepEqual([cancelled?.lifecycle, cancelled?.cancelledAt, cancelled?.cancelReason, cancelled?.replacesId], ['cancelled', at + 1, 'duplicate', 'old']);
      await rejectsWith(store.certificates.setLifecycle('old', { lifecycle: 'withdrawn' as 'active' }, at), 'constraint');
    }));

    void it('changes the lifecycle from an expected one only (compare-and-set): of concurrent cancellations, exactly one applies', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate({ id: 'c', number: 'N-9' }));
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        store.transaction((tx) => tx.certificates.setLifecycle('c', { lifecycle: 'cancelled', cancelReason: `r${i}` }, at + i, { from: ['active'] })).catch(() => false)));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await store.certificates.setLifecycle('c', { lifecycle: 'replaced', replacedById: 'x' }, at + 9, { from: ['active'] }), false);
      assert.equal((await store.certificates.get('c'))?.lifecycle, 'cancelled');
      assert.equal(await store.certificates.setLifecycle('c', { lifecycle: 'cancelled' }, at + 9, { from: [] }), false);
    }));

    void it('sets and clears the verification status, and points the certificate at a new message', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate());
      await store.certificates.setVerificationStatus('cert-1', 'under-verification', at);
      assert.equal((await store.certificates.get('cert-1'))?.verificationStatus, 'under-verification');
      await store.certificates.setVerificationStatus('cert-1', null, at + 1);
      assert.equal((await store.certificates.get('cert-1'))?.verificationStatus, null);
      await store.certificates.setMessage('cert-1', 'msg-resent', at + 2);
      const row = await store.certificates.get('cert-1');
      assert.deepEqual([row?.messageId, row?.updatedAt], ['msg-resent', at + 2]);
    }));

    void it('filters searches by lifecycle', () => withStore(open, async (store) => {
      for (const id of ['a', 'b', 'c']) await store.certificates.insert(newCertificate({ id, number: id }));
      await store.certificates.setLifecycle('b', { lifecycle: 'cancelled' }, at);
      await store.certificates.setLifecycle('c', { lifecycle: 'replaced', replacedById: 'a' }, at);
      const ids = async (lifecycle: 'active' | 'replaced' | 'cancelled'): Promise<string[]> => (await store.certificates.search({ lifecycle }, 10)).items.map((c) => c.id);
      assert.deepEqual(await ids('active'), ['a']);
      assert.deepEqual(await ids('cancelled'), ['b']);
      assert.deepEqual(await ids('replaced'), ['c']);
      assert.equal((await store.certificates.search({}, 10)).items.length, 3);
    }));
  });

  void describe('partial utilisation', () => {
    void it('uses quantities exactly up to the usable measure, and never from an item without one', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate());
      assert.equal(await store.certificates.useQuantity('cert-1', 1, 1_200_000_000, at), true);
      assert.equal(await store.certificates.useQuantity('cert-1', 1, 500_001, at), false, 'one millionth too many');
      assert.equal(await store.certificates.useQuantity('cert-1', 1, 500_000, at), true, 'exactly the rest');
      assert.equal(await store.certificates.useQuantity('cert-1', 1, 1, at), false);
      assert.equal((await store.certificates.items('cert-1'))[0]?.usedMicro, 1_200_500_000);
      assert.equal(await store.certificates.useQuantity('cert-1', 2, 1, at), false, 'item 2 has no usable measure');
      assert.equal(await store.certificates.useQuantity('cert-1', 9, 1, at), false, 'no item 9');
      assert.equal(await store.certificates.useQuantity('nope', 1, 1, at), false);
      await rejectsWith(store.certificates.useQuantity('cert-1', 1, -1, at), 'constraint');
      await rejectsWith(store.certificates.useQuantity('cert-1', 1, 0.5, at), 'constraint');
    }));

    void it('never over-uses under many concurrent claims, and a rolled-back claim uses nothing', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate({ items: [
        { itemNumber: 1, hsCode: '090111', description: 'Green coffee', quantity: 1, unitCode: 'KGM', invoiceNumber: null, usableMicro: 1_000_000, usableUnit: 'KGM' },
      ] }));
      const results = await Promise.all(Array.from({ length: 60 }, () => store.certificates.useQuantity('cert-1', 1, 30_000, at)));
      assert.equal(results.filter(Boolean).length, 33);
      assert.equal((await store.certificates.items('cert-1'))[0]?.usedMicro, 990_000);
      await assert.rejects(store.transaction(async (tx) => {
        assert.equal(await tx.certificates.useQuantity('cert-1', 1, 10_000, at), true);
        throw new Error('the claim failed later');
      }), /the claim failed later/);
      assert.equal((await store.certificates.items('cert-1'))[0]?.usedMicro, 990_000);
    }));
  });
}
