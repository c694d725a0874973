/**
 * Contract: preference claims (unique per certificate and declaration, officer updates, lists),
 * utilisation notices per certificate, and the registry of approved and registered exporters.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimRow } from '../repos/claim-repo.js';
import type { ExporterRow } from '../repos/exporter-repo.js';
import type { UtilisationRow } from '../repos/utilisation-repo.js';
import { rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

function newClaim(overrides: Partial<Omit<ClaimRow, 'updatedAt'>> = {}): Omit<ClaimRow, 'updatedAt'> {
  return {
    id: 'claim-1', certificateId: 'cert-1', certificateNumber: 'TH-2026-cert-1', issuingCountry: 'TH',
    declarationReference: 'ID-PIB-2026-000123', declarationDate: '2026-03-10', importerName: 'PT Kopi Nusantara',
    importerId: 'ID-NPWP-01', decision: 'accepted', status: 'decided', reasons: '[]',
    items: '[{"itemNumber":1,"quantity":"100","decision":"accepted"}]', noticeMessageId: null, actor: 'officer-7',
    createdAt: 1_760_000_000_000, ...overrides,
  };
}

function newUtilisation(overrides: Partial<UtilisationRow> = {}): UtilisationRow {
  return {
    id: 'util-1', certificateId: 'cert-1', messageId: 'msg-util-1', partnerCountry: 'ID', declarationReference: 'ID-PIB-2026-000123',
    decision: 'granted', items: '[{"itemNumber":1,"decision":"granted","reasonCodes":[]}]', decidedAt: 1_760_000_000_000,
    receivedAt: 1_760_000_000_500, ...overrides,
  };
}

function newExporter(overrides: Partial<ExporterRow> = {}): ExporterRow {
  return {
    id: 'TH-AE-0001', name: 'Siam Coffee Export Co., Ltd.', country: 'TH', authorisationType: 'approved',
    validFrom: '2025-01-01', validUntil: null, status: 'active', updatedAt: 1_760_000_000_000, ...overrides,
  };
}

export function claimsContract(open: OpenContractStore): void {
  void describe('claims', () => {
    void it('stores a claim and finds it by id and by certificate and declaration', () => withStore(open, async (store) => {
      const claim = newClaim();
      await store.claims.insert(claim);
      const expected: ClaimRow = { ...claim, updatedAt: claim.createdAt };
      assert.deepEqual(await store.claims.get('claim-1'), expected);
      assert.deepEqual(await store.claims.find('TH', 'TH-2026-cert-1', 'ID-PIB-2026-000123'), expected);
      assert.equal(await store.claims.find('TH', 'TH-2026-cert-1', 'ID-PIB-2026-999999'), undefined);
      assert.equal(await store.claims.get('nope'), undefined);
    }));

    void it('refuses a second claim of one declaration on one certificate as a unique violation', () => withStore(open, async (store) => {
      await store.claims.insert(newClaim());
      await rejectsWith(store.claims.insert(newClaim({ id: 'claim-2' })), 'unique-violation');
      await store.claims.insert(newClaim({ id: 'claim-3', declarationReference: 'ID-PIB-2026-000124' }));
      await store.claims.insert(newClaim({ id: 'claim-4', issuingCountry: 'VN' }));
      await rejectsWith(store.claims.insert(newClaim({ id: 'claim-5', declarationReference: 'other', decision: 'maybe' as 'accepted' })), 'constraint');
    }));

    void it('updates only the given fields and the update time', () => withStore(open, async (store) => {
      await store.claims.insert(newClaim({ decision: 'manual-review', status: 'review' }));
      await store.claims.update('claim-1', { decision: 'accepted', status: 'decided' }, 1_760_000_001_000);
      await store.claims.update('claim-1', { noticeMessageId: 'msg-notice-1' }, 1_760_000_002_000);
      const row = await store.claims.get('claim-1');
      assert.deepEqual([row?.decision, row?.status, row?.noticeMessageId, row?.reasons, row?.updatedAt, row?.createdAt],
        ['accepted', 'decided', 'msg-notice-1', '[]', 1_760_000_002_000, 1_760_000_000_000]);
      await store.claims.update('claim-1', { status: 'recovery-of-duties', reasons: '[{"code":"x"}]', items: '[]' }, 1_760_000_003_000);
      const flagged = await store.claims.get('claim-1');
      assert.deepEqual([flagged?.status, flagged?.reasons, flagged?.items, flagged?.decision], ['recovery-of-duties', '[{"code":"x"}]', '[]', 'accepted']);
    }));

    void it('updates from an expected status only (compare-and-set): of concurrent decisions, exactly one applies', () => withStore(open, async (store) => {
      await store.claims.insert(newClaim({ decision: 'manual-review', status: 'review' }));
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        store.transaction((tx) => tx.claims.update('claim-1', { decision: i % 2 ? 'accepted' : 'rejected', status: 'decided' }, 1_760_000_001_000 + i, { fromStatus: ['review'] })).catch(() => false)));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await store.claims.update('claim-1', { status: 'decided' }, 1_760_000_009_000, { fromStatus: ['review'] }), false);
      assert.equal(await store.claims.update('claim-1', { status: 'post-clearance-review' }, 1_760_000_009_000, { fromStatus: [] }), false);
      assert.equal((await store.claims.get('claim-1'))?.status, 'decided');
    }));

    void it('lists newest first by certificate, status and decision, up to the limit', () => withStore(open, async (store) => {
      await store.claims.insert(newClaim({ id: 'a', declarationReference: 'D-a', createdAt: 1000 }));
      await store.claims.insert(newClaim({ id: 'b', declarationReference: 'D-b', createdAt: 3000, decision: 'manual-review', status: 'review' }));
      await store.claims.insert(newClaim({ id: 'c', declarationReference: 'D-c', createdAt: 2000, certificateId: 'cert-2', decision: 'rejected' }));
      await store.claims.insert(newClaim({ id: 'd', declarationReference: 'D-d', createdAt: 2000, certificateId: null }));
      const ids = async (filter: Parameters<typeof store.claims.list>[0], limit = 10): Promise<string[]> => (await store.claims.list(filter, limit)).map((c) => c.id);
      assert.deepEqual(await ids({}), ['b', 'd', 'c', 'a']);
      assert.deepEqual(await ids({}, 2), ['b', 'd']);
      assert.deepEqual(await ids({ certificateId: 'cert-1' }), ['b', 'a']);
      assert.deepEqual(await ids({ status: 'review' }), ['b']);
      assert.deepEqual(await ids({ decision: 'rejected' }), ['c']);
      assert.deepEqual(await ids({ certificateId: 'cert-1', decision: 'accepted', status: 'decided' }), ['a']);
    }));
  });

  void describe('utilisation notices', () => {
    void it('lists a certificate\'s notices oldest first', () => withStore(open, async (store) => {
      await store.utilisations.insert(newUtilisation({ id: 'u2', receivedAt: 2000, decision: 'partially-granted' }));
      await store.utilisations.insert(newUtilisation({ id: 'u1', receivedAt: 1000 }));
      await store.utilisations.insert(newUtilisation({ id: 'u3', certificateId: 'cert-2' }));
      const notices = await store.utilisations.listForCertificate('cert-1');
      assert.deepEqual(notices.map((u) => u.id), ['u1', 'u2']);
      assert.deepEqual(notices[0], newUtilisation({ id: 'u1', receivedAt: 1000 }));
      assert.deepEqual(await store.utilisations.listForCertificate('none'), []);
      await rejectsWith(store.utilisations.insert(newUtilisation({ id: 'u1' })), 'unique-violation');
    }));
  });

  void describe('exporter registry', () => {
    void it('upserts exporters by id and lists them in id order', () => withStore(open, async (store) => {
      await store.exporters.upsert(newExporter({ id: 'TH-REX-0002', authorisationType: 'registered' }));
      await store.exporters.upsert(newExporter());
      assert.deepEqual(await store.exporters.get('TH-AE-0001'), newExporter());
      const suspended = newExporter({ status: 'suspended', validUntil: '2026-12-31', updatedAt: 1_760_000_009_000 });
      await store.exporters.upsert(suspended);
      assert.deepEqual(await store.exporters.get('TH-AE-0001'), suspended);
      assert.deepEqual((await store.exporters.list(10)).map((e) => e.id), ['TH-AE-0001', 'TH-REX-0002']);
      assert.deepEqual((await store.exporters.list(1)).map((e) => e.id), ['TH-AE-0001']);
      assert.equal(await store.exporters.get('TH-AE-9999'), undefined);
    }));
  });
}
