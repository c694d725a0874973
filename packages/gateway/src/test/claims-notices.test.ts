/**
 * Utilisation notices under ATIGA (the profile asks for them): the importing customs' final
 * decisions on claims go back to the issuing gateway as co.utilisation over the real Push flow, and
 * the issuing side lists where and how much of its certificate was used or refused; notices about
 * certificates it did not issue, or from a country the certificate is not addressed to, are refused.
 * ID issues, TH imports; MY is a third ATIGA party.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMessage, encodeMessage, type PayloadOf, type ReceiptPayload } from '@originlink/protocol';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, waitFor, type TestNetwork, type TestNode } from './test-network.js';
import { claimOk, declaration, deliver, type ClaimBody, type ClaimItemBody } from './claims-fixtures.js';
import type { ClaimView, UtilisationView } from '../workflows/claims/claim-view.js';

describe('utilisation notices (co.utilisation)', () => {
  let net: TestNetwork;
  let id: TestNode;
  let th: TestNode;
  let my: TestNode;
  let coffee: SampleDocument;
  let serial = 0;

  before(async () => {
    net = await createNetwork([{ country: 'ID', profiles: ['atiga-form-d'] }, { country: 'TH', profiles: ['atiga-form-d'] }, { country: 'MY', profiles: ['atiga-form-d'] }]);
    [id, th, my] = [net.node('ID'), net.node('TH'), net.node('MY')];
    await id.start();
    await th.start();
    coffee = await sample('atiga-d-id-th-coffee.json');
  });
  after(() => net.close());

  /** The coffee certificate (item 1: 24240 KGM of 090111, item 2: 1380.5 KGM of 090121) issued at ID, received at TH. */
  const issued = async () => {
    const doc = variant(coffee, { number: `UTIL-${String(++serial).padStart(4, '0')}/JKT/2026` });
    const atTh = await deliver(id, th, doc);
    const atId = await id.store.certificates.findByNumber('ID', doc.header.number);
    assert.ok(atId);
    return { doc, atTh, atId };
  };
  const item = (over: Partial<ClaimItemBody> = {}): ClaimItemBody => ({ line: 1, itemNumber: 1, hsCode: '09011100', quantity: 1000, unitCode: 'KGM', invoiceNumber: 'INV-KN-2026-0211', ...over });
  const body = (doc: SampleDocument, over: Partial<ClaimBody> = {}): ClaimBody => ({
    certificateNumber: doc.header.number, issuingCountry: 'ID', declarationReference: declaration(), declarationDate: '2026-11-20', importer: { name: 'Bangkok Coffee Roasters' }, items: [item()], ...over,
  });
  const utilisation = async (certificateId: string) => {
    const res = await api(id, 'GET', `/api/v1/certificates/${certificateId}/utilisation`, { token: 'issuer' });
    assert.equal(res.status, 200, res.body);
    return res.json<UtilisationView>();
  };
  const noticesArrived = (certificateId: string, n: number) => waitFor(`${n} notice(s) at ID`, async () => {
    const u = await utilisation(certificateId);
    return u.notices.length >= n ? u : undefined;
  });

  it('sends an accepted claim back as granted; the issuing side lists it with the quantity used and audits certificate.utilised', async () => {
    const { doc, atId } = await issued();
    const claim = await claimOk(th, body(doc, { items: [item({ quantity: 1000.5 }), item({ line: 2, itemNumber: 2, hsCode: '090121', quantity: 80 })] }));
    assert.equal(claim.decision, 'accepted');
    assert.ok(claim.noticeMessageId);
    const u = await noticesArrived(atId.id, 1);
    assert.equal(u.number, doc.header.number);
    assert.deepEqual(u.notices.map((n) => [n.messageId, n.partnerCountry, n.declarationReference, n.decision]), [[claim.noticeMessageId, 'TH', claim.declarationReference, 'granted']]);
    assert.deepEqual(u.notices[0]?.items, [
      { itemNumber: 1, quantity: 1000.5, unitCode: 'KGM', decision: 'granted', reasonCodes: [] },
      { itemNumber: 2, quantity: 80, unitCode: 'KGM', decision: 'granted', reasonCodes: [] },
    ]);
    assert.deepEqual(u.used, [{ itemNumber: 1, quantity: 1000.5, unitCode: 'KGM' }, { itemNumber: 2, quantity: 80, unitCode: 'KGM' }]);
    const actions = (await id.store.audit.forSubject(atId.id)).map((e) => e.action);
    assert.ok(actions.includes('certificate.utilised'), actions.join(', '));
  });

  it('adds up the quantities granted over several claims', async () => {
    const { doc, atId } = await issued();
    await claimOk(th, body(doc, { items: [item({ quantity: 0.1 })] }));
    await claimOk(th, body(doc, { items: [item({ quantity: 0.2 })] }));
    const u = await noticesArrived(atId.id, 2);
    assert.deepEqual(u.used, [{ itemNumber: 1, quantity: 0.3, unitCode: 'KGM' }], 'summed exactly, not as floats');
  });

  it('sends a rejected claim back as denied with the reason codes; the issuing side audits certificate.refused', async () => {
    const { doc, atId } = await issued();
    const claim = await claimOk(th, body(doc, { items: [item({ hsCode: '090121' })] }));
    assert.equal(claim.decision, 'rejected');
    const u = await noticesArrived(atId.id, 1);
    assert.deepEqual(u.notices[0]?.decision, 'denied');
    assert.deepEqual(u.notices[0]?.items, [{ itemNumber: 1, quantity: 1000, unitCode: 'KGM', decision: 'denied', reasonCodes: ['claim.hs-mismatch'] }]);
    assert.deepEqual(u.used, []);
    const actions = (await id.store.audit.forSubject(atId.id)).map((e) => e.action);
    assert.ok(actions.includes('certificate.refused'), actions.join(', '));
  });

  it('sends nothing for a claim in review, and a notice once an officer decides it', async () => {
    const { doc, atId } = await issued();
    const review = await claimOk(th, body(doc, { items: [item({ hsVersion: '2017' })] }));
    assert.deepEqual([review.decision, review.noticeMessageId], ['manual-review', null]);
    const res = await api(th, 'POST', `/api/v1/claims/${review.id}/decision`, { token: 'customs', body: { decision: 'accepted', note: 'correlated' } });
    assert.equal(res.status, 200, res.body);
    const decided = res.json<ClaimView>();
    assert.ok(decided.noticeMessageId);
    const u = await noticesArrived(atId.id, 1);
    assert.deepEqual(u.notices[0]?.items, [{ itemNumber: 1, quantity: 1000, unitCode: 'KGM', decision: 'granted', reasonCodes: ['claim.officer-decision', 'claim.hs-version-review'] }]);
    assert.equal(u.notices[0]?.messageId, decided.noticeMessageId);
  });

  /** Sends a co.utilisation signed by `from` to ID and returns ID's receipt payload. */
  async function sendNotice(from: TestNode, payload: PayloadOf<'co.utilisation'>): Promise<ReceiptPayload> {
    const message = createMessage({ kind: 'co.utilisation', sender: from.self, receiver: id.self, agreement: 'ATIGA', datasetVersion: '1.1.0', payload, now: id.clock() }, from.signer);
    const res = await id.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: encodeMessage(message), headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 200, res.body);
    return (JSON.parse(res.body) as { payload: ReceiptPayload }).payload;
  }
  const notice = (certificateNumber: string): PayloadOf<'co.utilisation'> => ({
    certificateNumber, issuingCountry: 'ID', declarationReference: declaration(), decision: 'granted', items: [{ itemNumber: 1, quantity: 5, unitCode: 'KGM', decision: 'granted', reasonCodes: [] }], decidedAt: new Date(id.clock()).toISOString(),
  });

  it('refuses a notice about a certificate it did not issue (exchange.utilisation-unknown-certificate) and stores no utilisation', async () => {
    const receipt = await sendNotice(th, notice('NO-SUCH-CERTIFICATE'));
    assert.equal(receipt.outcome, 'rejected');
    assert.deepEqual(receipt.issues.map((i) => i.code), ['exchange.utilisation-unknown-certificate']);
  });

  it('refuses a notice from a country the certificate is not addressed to (exchange.utilisation-not-addressed)', async () => {
    const { doc, atId } = await issued();
    const receipt = await sendNotice(my, notice(doc.header.number));
    assert.equal(receipt.outcome, 'rejected');
    assert.deepEqual(receipt.issues.map((i) => i.code), ['exchange.utilisation-not-addressed']);
    assert.deepEqual((await utilisation(atId.id)).notices, []);
  });

  it('accepts a notice naming an item the certificate does not have, with a warning', async () => {
    const { doc, atId } = await issued();
    const payload = notice(doc.header.number);
    const receipt = await sendNotice(th, { ...payload, items: [{ itemNumber: 9, decision: 'denied', reasonCodes: ['claim.item-not-found'] }] });
    assert.equal(receipt.outcome, 'accepted');
    assert.deepEqual(receipt.issues.map((i) => [i.code, i.severity]), [['exchange.utilisation-unknown-item', 'warning']]);
    assert.equal((await utilisation(atId.id)).notices.length, 1);
  });

  it('answers 404 for the utilisation of an unknown certificate, and only to the issuer role', async () => {
    const res = await api(id, 'GET', '/api/v1/certificates/00000000-0000-4000-8000-000000000000/utilisation', { token: 'issuer' });
    assert.equal(res.status, 404);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'certificate.not-found');
    assert.equal((await api(id, 'GET', '/api/v1/certificates/00000000-0000-4000-8000-000000000000/utilisation', { token: 'customs' })).status, 403);
  });
});
