/** Contract: certificates, their items, search with keyset pagination, and transaction rollback. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CertificateRow, NewCertificate } from '../repos/certificate-repo.js';
import { newCertificate, newMessage, newOutboxEntry, rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

export function certificatesContract(open: OpenContractStore): void {
  void describe('certificates', () => {
    void it('stores a certificate with its items and reads it back by id and by number', () => withStore(open, async (store) => {
      const cert = newCertificate();
      await store.certificates.insert(cert);
      const { items, ...row } = cert;
      const expected: CertificateRow = {
        ...row, updatedAt: cert.createdAt, version: 1, lifecycle: 'active', replacedById: null, replacesId: null,
        cancelledAt: null, cancelReason: null, verificationStatus: null,
      };
      assert.deepEqual(await store.certificates.get(cert.id), expected);
      assert.deepEqual(await store.certificates.findByNumber('TH', cert.number), expected);
      assert.deepEqual(await store.certificates.items(cert.id), items.map((i) => ({ ...i, usedMicro: 0 })));
      assert.equal(await store.certificates.get('nope'), undefined);
      assert.equal(await store.certificates.findByNumber('ID', cert.number), undefined);
    }));

    void it('rejects a second certificate with the same issuing country and number as a unique violation', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate({ id: 'a', number: 'N-1' }));
      await rejectsWith(store.certificates.insert(newCertificate({ id: 'b', number: 'N-1' })), 'unique-violation');
      assert.equal(await store.certificates.get('b'), undefined);
      assert.deepEqual(await store.certificates.items('b'), []);
      await store.certificates.insert(newCertificate({ id: 'c', number: 'N-1', issuingCountry: 'VN' }));
    }));

    void it('writes nothing of a certificate whose items break a constraint, even in auto-commit mode', () => withStore(open, async (store) => {
      const item = { itemNumber: 1, hsCode: '0901', description: 'x', quantity: null, unitCode: null, invoiceNumber: null, usableMicro: null, usableUnit: null };
      await rejectsWith(store.certificates.insert(newCertificate({ items: [item, item] })), 'unique-violation');
      assert.equal(await store.certificates.get('cert-1'), undefined);
    }));

    void it('rolls back every write of a transaction that fails with a unique violation', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate({ id: 'a', number: 'N-1' }));
      const failed = store.transaction(async (tx) => {
        await tx.certificates.insert(newCertificate({ id: 'b', number: 'N-2' }));
        await tx.messages.insert(newMessage({ id: 'msg-b', certificateId: 'b' }));
        await tx.outbox.enqueue(newOutboxEntry({ messageId: 'msg-b', orderKey: 'b' }));
        await tx.audit.append({ at: 1, actor: 'system', action: 'certificate.submitted', subject: 'b', details: '{}' });
        await tx.certificates.insert(newCertificate({ id: 'c', number: 'N-1' }));
      });
      await rejectsWith(failed, 'unique-violation');
      assert.equal(await store.certificates.get('b'), undefined);
      assert.deepEqual(await store.certificates.items('b'), []);
      assert.equal(await store.messages.getOutbound('msg-b'), undefined);
      assert.equal(await store.outbox.findByMessage('msg-b'), undefined);
      assert.deepEqual(await store.audit.forSubject('b'), []);
      assert.ok(await store.certificates.get('a'));
    }));

    void it('commits a transaction and returns its value', () => withStore(open, async (store) => {
      const value = await store.transaction(async (tx) => {
        await tx.certificates.insert(newCertificate({ id: 'a' }));
        return 42;
      });
      assert.equal(value, 42);
      assert.ok(await store.certificates.get('a'));
    }));

    void it('sets the status and the update time', () => withStore(open, async (store) => {
      await store.certificates.insert(newCertificate());
      await store.certificates.setStatus('cert-1', 'delivered', 1_760_000_009_999);
      const row = await store.certificates.get('cert-1');
      assert.equal(row?.status, 'delivered');
      assert.equal(row?.updatedAt, 1_760_000_009_999);
      assert.equal(row?.createdAt, 1_760_000_000_000);
    }));

    void it('pages newest first with an opaque cursor, without duplicates or gaps across equal timestamps', () => withStore(open, async (store) => {
      const ids: { id: string; createdAt: number }[] = [];
      for (let i = 0; i < 23; i++) {
        const id = `c${String(i).padStart(2, '0')}`;
        const createdAt = 1000 + Math.floor(i / 3); // three certificates share each timestamp
        ids.push({ id, createdAt });
        await store.certificates.insert(newCertificate({ id, number: `N-${id}`, createdAt }));
      }
      const expected = ids.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.certificates.search({}, 5, cursor);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.next;
        pages += 1;
      } while (cursor !== undefined && pages < 10);
      assert.deepEqual(seen, expected);
      assert.equal(pages, 5);
      const exact = await store.certificates.search({ direction: 'outbound' }, 23);
      assert.equal(exact.items.length, 23);
      assert.equal(exact.next, undefined);
    }));

    void it('refuses a malformed cursor', () => withStore(open, async (store) => {
      await rejectsWith(store.certificates.search({}, 5, 'not-a-cursor'), 'constraint');
    }));

    void it('filters by names (case-insensitive substrings), HS code prefix, issue dates, direction, status and number', () => withStore(open, async (store) => {
      const item = (hsCode: string): NewCertificate['items'] =>
        [{ itemNumber: 1, hsCode, description: 'goods', quantity: 1, unitCode: 'KGM', invoiceNumber: null, usableMicro: 1_000_000, usableUnit: 'KGM' }];
      await store.certificates.insert(newCertificate({ id: 'a', number: 'A', exporterName: 'ÉCLAIR Trading S.A.', importerName: 'Kopi 100% Murni', issueDate: '2026-01-10', items: item('090111') }));
      await store.certificates.insert(newCertificate({ id: 'b', number: 'B', exporterName: 'Siam Rubber', importerName: null, consigneeName: 'Jakarta Tyres', issueDate: '2026-02-10', items: item('400122'), direction: 'inbound', source: 'push', status: 'received' }));
      await store.certificates.insert(newCertificate({ id: 'c', number: 'C', exporterName: 'Eclairage Lamps', importerName: 'Kopi Lama', issueDate: '2026-03-10', items: item('0902') }));
      const ids = async (filter: Parameters<typeof store.certificates.search>[0]): Promise<string[]> =>
        (await store.certificates.search(filter, 50)).items.map((c) => c.id).sort();
      assert.deepEqual(await ids({ exporter: 'éclair' }), ['a']);
      assert.deepEqual(await ids({ exporter: 'ECLAIR' }), ['c']);
      assert.deepEqual(await ids({ exporter: 'rubber' }), ['b']);
      assert.deepEqual(await ids({ importer: 'kopi' }), ['a', 'c']);
      assert.deepEqual(await ids({ importer: 'tyres' }), ['b']);
      assert.deepEqual(await ids({ importer: '100%' }), ['a']);
      assert.deepEqual(await ids({ importer: '%' }), ['a']);
      assert.deepEqual(await ids({ importer: 'k_pi' }), []);
      assert.deepEqual(await ids({ hsCode: '0901' }), ['a']);
      assert.deepEqual(await ids({ hsCode: '09' }), ['a', 'c']);
      assert.deepEqual(await ids({ hsCode: '4001' }), ['b']);
      assert.deepEqual(await ids({ issuedFrom: '2026-02-10' }), ['b', 'c']);
      assert.deepEqual(await ids({ issuedTo: '2026-02-10' }), ['a', 'b']);
      assert.deepEqual(await ids({ issuedFrom: '2026-02-01', issuedTo: '2026-02-28' }), ['b']);
      assert.deepEqual(await ids({ direction: 'inbound' }), ['b']);
      assert.deepEqual(await ids({ status: 'pending' }), ['a', 'c']);
      assert.deepEqual(await ids({ number: 'C', issuingCountry: 'TH' }), ['c']);
      assert.deepEqual(await ids({ exporter: 'eclair', hsCode: '09', direction: 'outbound' }), ['c']);
    }));
  });
}
