/**
 * The issuing side's lifecycle guards on their own: which states may be replaced, amended or
 * cancelled (and the code of each refusal), the parties a replacement or amendment must keep, and
 * the original certificate of a replacement chain (the orderKey of every message about it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EcoDocument } from '@originlink/dataset';
import type { CertificateRow } from '@originlink/store';
import { GatewayError } from '../errors/gateway-errors.js';
import { assertChangeable, assertSameParties, originalId } from '../workflows/lifecycle/lifecycle-guards.js';

const row = (over: Partial<CertificateRow> = {}): CertificateRow => ({
  id: 'c1', direction: 'outbound', source: 'national', number: 'N-1', issuingCountry: 'CN', importingCountry: 'KR', partnerCountry: 'KR', agreement: 'CHKFTA',
  profileId: 'chkfta-certificate', typeCode: '861', issueDate: '2026-03-09', exporterName: 'E', importerName: null, consigneeName: null, document: '{}',
  documentDigest: 'd', status: 'delivered', messageId: 'm', createdAt: 0, updatedAt: 0, version: 1, lifecycle: 'active', replacedById: null, replacesId: null,
  cancelledAt: null, cancelReason: null, verificationStatus: null, ...over,
});
const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof GatewayError ? err.code : String(err);
  }
};

describe('lifecycle guards', () => {
  it('lets the issuer change an active certificate of its own, and refuses the others with their codes', () => {
    for (const action of ['replace', 'amend', 'cancel'] as const) {
      assert.equal(code(() => assertChangeable(row(), action)), undefined);
      assert.equal(code(() => assertChangeable(row({ direction: 'inbound' }), action)), 'certificate.not-issued-here');
      assert.equal(code(() => assertChangeable(row({ lifecycle: 'cancelled', cancelledAt: 5 }), action)), 'certificate.already-cancelled');
      assert.equal(code(() => assertChangeable(row({ lifecycle: 'replaced', replacedById: 'c2' }), action)), 'certificate.already-replaced');
    }
  });

  it('refuses a replacement or amendment for another importing country, agreement or document type', () => {
    const doc = (header: Partial<EcoDocument['header']>) => ({ document: { header: { number: 'N-2', importingCountry: 'KR', agreementCode: 'CHKFTA', typeCode: '861', ...header } } as EcoDocument });
    assert.equal(code(() => assertSameParties(row(), doc({}))), undefined);
    for (const changed of [{ importingCountry: 'JP' }, { agreementCode: 'RCEP' }, { typeCode: '862' }]) {
      assert.equal(code(() => assertSameParties(row(), doc(changed))), 'certificate.parties-changed', JSON.stringify(changed));
    }
  });

  it('finds the original certificate of a replacement chain, and stops at a certificate it does not hold or at a loop', async () => {
    const rows = new Map([row({ id: 'a' }), row({ id: 'b', replacesId: 'a' }), row({ id: 'c', replacesId: 'b' }), row({ id: 'x', replacesId: 'gone' }), row({ id: 'p', replacesId: 'q' }), row({ id: 'q', replacesId: 'p' })].map((r) => [r.id, r]));
    const repo = { get: (id: string) => Promise.resolve(rows.get(id)) };
    assert.equal(await originalId(repo, rows.get('c')!), 'a');
    assert.equal(await originalId(repo, rows.get('a')!), 'a');
    assert.equal(await originalId(repo, rows.get('x')!), 'x');
    assert.equal(await originalId(repo, rows.get('p')!), 'q');
  });
});
