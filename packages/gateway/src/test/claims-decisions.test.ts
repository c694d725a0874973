/**
 * Claims at clearance (POST /api/v1/claims) on certificates pushed from CN to KR under ChKFTA over
 * the real Push flow: every reason code and what it does to the decision, the item matching, the
 * validity period, the importer comparison, lifecycle and verification states, and what a
 * decision records (quantities used, audit entry, stored claim).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';
import { claimOk, codes, declaration, deliver, postClaim, storeWithoutMessage, used, type ClaimBody, type ClaimItemBody } from './claims-fixtures.js';

describe('claims at clearance: decisions and reasons', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let kimchi: SampleDocument;
  let serial = 0;

  before(async () => {
    net = await createNetwork([{ country: 'CN', profiles: ['chkfta-certificate'] }, { country: 'KR', profiles: ['chkfta-certificate'] }]);
    cn = net.node('CN');
    kr = net.node('KR');
    await kr.start();
    await cn.start();
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  /** A fresh copy of the kimchi certificate (items 1: 21000 KGM, 2: 2120 KGM, both HS 200599), delivered to KR. */
  const received = async (change: (d: SampleDocument) => void = () => {}) => {
    const doc = variant(kimchi, { number: `CLAIM-D-${String(++serial).padStart(4, '0')}` });
    change(doc);
    return { doc, row: await deliver(cn, kr, doc) };
  };
  const item = (over: Partial<ClaimItemBody> = {}): ClaimItemBody => ({ line: 1, itemNumber: 1, hsCode: '2005991000', quantity: 1000, unitCode: 'KGM', invoiceNumber: 'QHPV-KR-26-0302', ...over });
  const body = (doc: SampleDocument, over: Partial<ClaimBody> = {}): ClaimBody => ({
    certificateNumber: doc.header.number, issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20',
    importer: { name: 'HANSANG FOOD SERVICE CO LTD' }, items: [item()], ...over,
  });

  it('accepts a matching claim, consumes the claimed quantity and records the claim', async () => {
    const { doc, row } = await received();
    const claim = await claimOk(kr, body(doc));
    assert.equal(claim.decision, 'accepted');
    assert.equal(claim.status, 'decided');
    assert.deepEqual(claim.reasons, []);
    assert.equal(claim.certificateId, row.id);
    assert.deepEqual(claim.items.map((i) => [i.line, i.itemNumber, i.matchedBy, i.quantity, i.unitCode, i.decision]), [[1, 1, 'itemNumber', 1000, 'KGM', 'granted']]);
    assert.deepEqual(await used(kr, row.id), { 1: 1_000_000_000, 2: 0 });
    const stored = await api(kr, 'GET', `/api/v1/claims/${claim.id}`, { token: 'customs' });
    assert.equal(stored.status, 200);
    assert.deepEqual(stored.json(), claim);
  });

  it('writes claim.decided to the certificate\'s audit trail, so its timeline shows the claim', async () => {
    const { doc, row } = await received();
    const claim = await claimOk(kr, body(doc));
    const events = await kr.store.audit.forSubject(row.id);
    const decided = events.find((e) => e.action === 'claim.decided');
    assert.ok(decided, JSON.stringify(events.map((e) => e.action)));
    assert.equal(decided.actor, 'test-customs');
    assert.deepEqual(JSON.parse(decided.details), { claimId: claim.id, declarationReference: claim.declarationReference, decision: 'accepted', codes: [], consumed: { 1: 1_000_000_000 }, noticeMessageId: null });
  });

  it('matches an item by HS subheading when the claim gives no item number: the first item that still covers the quantity', async () => {
    const { doc, row } = await received();
    const first = await claimOk(kr, body(doc, { items: [item({ itemNumber: undefined, quantity: 21000 })] }));
    assert.deepEqual([first.decision, first.items[0]?.itemNumber, first.items[0]?.matchedBy], ['accepted', 1, 'hsCode']);
    const second = await claimOk(kr, body(doc, { items: [item({ itemNumber: undefined, quantity: 2000 })] }));
    assert.deepEqual([second.decision, second.items[0]?.itemNumber], ['accepted', 2]);
    assert.deepEqual(await used(kr, row.id), { 1: 21_000_000_000, 2: 2_000_000_000 });
  });

  it('rejects an item the certificate does not have: claim.item-not-found, by item number and by HS subheading', async () => {
    const { doc, row } = await received();
    const byNumber = await claimOk(kr, body(doc, { items: [item({ itemNumber: 7 })] }));
    assert.deepEqual([byNumber.decision, codes(byNumber), byNumber.reasons[0]?.itemLine], ['rejected', ['claim.item-not-found'], 1]);
    const byHs = await claimOk(kr, body(doc, { items: [item({ itemNumber: undefined, hsCode: '07031000' })] }));
    assert.deepEqual([byHs.decision, codes(byHs)], ['rejected', ['claim.item-not-found']]);
    assert.match(byHs.reasons[0]?.message ?? '', /070310/);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
  });

  it('rejects a different HS subheading in the same edition (claim.hs-mismatch) and ignores digits after the sixth', async () => {
    const { doc } = await received();
    const mismatch = await claimOk(kr, body(doc, { items: [item({ hsCode: '200590' })] }));
    assert.deepEqual([mismatch.decision, codes(mismatch)], ['rejected', ['claim.hs-mismatch']]);
    assert.deepEqual(mismatch.reasons[0]?.params, { itemNumber: 1, claimed: '200590', expected: '200599', hsVersion: '2022' });
    const national = await claimOk(kr, body(doc, { items: [item({ hsCode: '200599999999' })] }));
    assert.equal(national.decision, 'accepted');
  });

  it('sends a claim in another HS edition to manual review (claim.hs-version-review), without consuming', async () => {
    const { doc, row } = await received();
    const claim = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017', hsCode: '200590' })] }));
    assert.deepEqual([claim.decision, claim.status, codes(claim)], ['manual-review', 'review', ['claim.hs-version-review']]);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
  });

  it('sends a quantity in another unit to manual review (claim.unit-mismatch)', async () => {
    const { doc } = await received();
    const claim = await claimOk(kr, body(doc, { items: [item({ quantity: 2, unitCode: 'TNE' })] }));
    assert.deepEqual([claim.decision, codes(claim)], ['manual-review', ['claim.unit-mismatch']]);
    assert.deepEqual(claim.reasons[0]?.params, { itemNumber: 1, claimed: 'TNE', expected: 'KGM' });
  });

  it('rejects more than remains of an item (claim.quantity-exceeded) and consumes nothing of the other items', async () => {
    const { doc, row } = await received();
    await claimOk(kr, body(doc, { items: [item({ quantity: 20000 })] }));
    const claim = await claimOk(kr, body(doc, { items: [item({ line: 1, itemNumber: 2, quantity: 100 }), item({ line: 2, quantity: 1000.5 })] }));
    assert.deepEqual([claim.decision, codes(claim)], ['rejected', ['claim.quantity-exceeded']]);
    assert.deepEqual(claim.reasons[0]?.params, { itemNumber: 1, claimed: 1000.5, unitCode: 'KGM', remaining: 1000, total: 21000 });
    assert.equal(claim.reasons[0]?.itemLine, 2);
    assert.deepEqual(claim.items.map((i) => i.decision), ['denied', 'denied']);
    assert.deepEqual(await used(kr, row.id), { 1: 20_000_000_000, 2: 0 });
    const rest = await claimOk(kr, body(doc, { items: [item({ quantity: 1000 })] }));
    assert.equal(rest.decision, 'accepted', 'exactly what remains can still be claimed');
  });

  it('counts two lines on the same item together', async () => {
    const { doc, row } = await received();
    const claim = await claimOk(kr, body(doc, { items: [item({ line: 1, itemNumber: 2, quantity: 2000 }), item({ line: 2, itemNumber: 2, quantity: 200 })] }));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.itemLine], ['rejected', ['claim.quantity-exceeded'], 2]);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
  });

  it('rejects another invoice number (claim.invoice-mismatch), ignoring case and separators', async () => {
    const { doc } = await received();
    const wrong = await claimOk(kr, body(doc, { items: [item({ invoiceNumber: 'QHPV-KR-26-0999' })] }));
    assert.deepEqual([wrong.decision, codes(wrong), wrong.reasons[0]?.effect], ['rejected', ['claim.invoice-mismatch'], 'reject']);
    const spelled = await claimOk(kr, body(doc, { items: [item({ invoiceNumber: 'qhpv kr 26 0302' })] }));
    assert.equal(spelled.decision, 'accepted');
  });

  it('sends another invoice number to manual review when the certificate has third-party invoicing', async () => {
    const { doc } = await received((d) => {
      d['specialCases'] = { thirdPartyInvoicing: true };
      d['thirdPartyOperator'] = { name: 'Pearl River Commodities Limited', address: { line: '168 Connaught Road Central', city: 'Hong Kong', country: 'HK' } };
    });
    const claim = await claimOk(kr, body(doc, { items: [item({ invoiceNumber: 'PRC-HK-26-5517' })] }));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.effect, claim.reasons[0]?.params['thirdPartyInvoicing']], ['manual-review', ['claim.invoice-mismatch'], 'review', true]);
  });

  it('compares the importer with the consignee: names ignoring case, punctuation and legal forms; other names go to review', async () => {
    const { doc } = await received();
    const same = await claimOk(kr, body(doc, { importer: { name: 'Hansang Food Service Company Limited' } }));
    assert.equal(same.decision, 'accepted');
    const other = await claimOk(kr, body(doc, { importer: { name: 'Hansang Foods Trading Co., Ltd.' } }));
    assert.deepEqual([other.decision, codes(other), other.reasons[0]?.effect, other.reasons[0]?.params['party']], ['manual-review', ['claim.importer-mismatch'], 'review', 'consignee']);
  });

  it('rejects an importer whose identifier differs, and accepts a matching identifier whatever the name', async () => {
    const { doc } = await received();
    const wrong = await claimOk(kr, body(doc, { importer: { name: 'Hansang Food Service', id: '9999999999' } }));
    assert.deepEqual([wrong.decision, codes(wrong), wrong.reasons[0]?.effect], ['rejected', ['claim.importer-mismatch'], 'reject']);
    const byId = await claimOk(kr, body(doc, { importer: { name: 'HSF Korea', id: '124-81-54321' } }));
    assert.equal(byId.decision, 'accepted');
  });

  it('rejects a declaration after the validity end (claim.outside-validity), and accepts one on the last day', async () => {
    const { doc } = await received();
    const late = await claimOk(kr, body(doc, { declarationDate: '2027-03-09' }));
    assert.deepEqual([late.decision, codes(late)], ['rejected', ['claim.outside-validity']]);
    const lastDay = await claimOk(kr, body(doc, { declarationDate: '2027-03-08' }));
    assert.equal(lastDay.decision, 'accepted');
  });

  it('rejects a declaration before the validity start when the certificate gives one', async () => {
    const { doc } = await received((d) => { d.header['validFrom'] = '2026-03-15'; });
    const early = await claimOk(kr, body(doc, { declarationDate: '2026-03-14' }));
    assert.deepEqual([early.decision, codes(early)], ['rejected', ['claim.outside-validity']]);
  });

  it('without validUntil, counts the profile\'s 12 months from the issue date', async () => {
    const { doc } = await received((d) => { delete d.header['validUntil']; });
    const late = await claimOk(kr, body(doc, { declarationDate: '2027-03-10' }));
    assert.deepEqual([late.decision, codes(late), late.reasons[0]?.params['validUntil']], ['rejected', ['claim.outside-validity'], '2027-03-09']);
    assert.equal((await claimOk(kr, body(doc, { declarationDate: '2027-03-09' }))).decision, 'accepted');
  });

  it('rejects a claim on a cancelled certificate (claim.cancelled) with the reason', async () => {
    const { doc, row } = await received();
    await kr.store.certificates.setLifecycle(row.id, { lifecycle: 'cancelled', cancelReason: 'issued in error' }, kr.clock());
    const claim = await claimOk(kr, body(doc));
    assert.deepEqual([claim.decision, codes(claim)], ['rejected', ['claim.cancelled']]);
    assert.match(claim.reasons[0]?.message ?? '', /issued in error/);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
  });

  it('rejects a claim on a replaced certificate (claim.replaced), naming the replacement', async () => {
    const { doc, row } = await received();
    const { doc: replacement, row: newRow } = await received();
    await kr.store.certificates.setLifecycle(row.id, { lifecycle: 'replaced', replacedById: newRow.id }, kr.clock());
    const claim = await claimOk(kr, body(doc));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.params['replacementNumber']], ['rejected', ['claim.replaced'], replacement.header.number]);
    assert.match(claim.reasons[0]?.message ?? '', new RegExp(replacement.header.number));
  });

  it('sends a claim on a certificate under verification to manual review (claim.under-verification)', async () => {
    const { doc, row } = await received();
    await kr.store.certificates.setVerificationStatus(row.id, 'under-verification', kr.clock());
    const claim = await claimOk(kr, body(doc));
    assert.deepEqual([claim.decision, codes(claim)], ['manual-review', ['claim.under-verification']]);
  });

  it('rejects a claim on a certificate whose origin verification did not confirm (claim.origin-not-confirmed)', async () => {
    const { doc, row } = await received();
    await kr.store.certificates.setVerificationStatus(row.id, 'not-confirmed', kr.clock());
    const claim = await claimOk(kr, body(doc));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.itemLine], ['rejected', ['claim.origin-not-confirmed'], undefined]);
  });

  it('after a partially-confirmed verification, rejects claims on the items not confirmed and accepts the others', async () => {
    const { doc, row } = await received();
    const now = kr.clock();
    await kr.store.verifications.insert({
      id: randomUUID(), requestId: randomUUID(), direction: 'outbound', partnerCountry: 'CN', certificateId: row.id, certificateNumber: row.number, issuingCountry: 'CN',
      itemNumbers: '[1,2]', reasons: JSON.stringify([{ code: 'origin-doubt' }]), replyBy: '2027-05-01', state: 'answered', outcome: 'partially-confirmed', findings: 'item 1 not wholly obtained',
      response: JSON.stringify({ certificateNumber: row.number, issuingCountry: 'CN', requestId: 'r', outcome: 'partially-confirmed', items: [{ itemNumber: 1, confirmed: false }, { itemNumber: 2, confirmed: true }], findings: 'x', answeredAt: new Date(now).toISOString() }),
      requestMessageId: randomUUID(), responseMessageId: randomUUID(), requestedAt: now, acknowledgedAt: now, answeredAt: now,
    });
    await kr.store.certificates.setVerificationStatus(row.id, 'partially-confirmed', now);
    const one = await claimOk(kr, body(doc, { items: [item({ itemNumber: 1 })] }));
    assert.deepEqual([one.decision, codes(one), one.reasons[0]?.itemLine, one.reasons[0]?.params['itemNumber']], ['rejected', ['claim.origin-not-confirmed'], 1, 1]);
    const two = await claimOk(kr, body(doc, { items: [item({ itemNumber: 2 })] }));
    assert.equal(two.decision, 'accepted');
  });

  it('sends a claim to manual review when no verified message is stored for the certificate (claim.signature-evidence-missing)', async () => {
    const doc = variant(kimchi, { number: `CLAIM-D-NOMSG-${++serial}` });
    const row = await storeWithoutMessage(kr, doc, 'chkfta-certificate');
    const claim = await claimOk(kr, body(doc));
    assert.deepEqual([claim.decision, codes(claim)], ['manual-review', ['claim.signature-evidence-missing']]);
    assert.deepEqual(claim.reasons[0]?.params, { certificateNumber: doc.header.number, messageId: row.messageId });
  });

  it('rejects a claim on a certificate not received after the ChKFTA cut-over (claim.certificate-not-received)', async () => {
    const claim = await claimOk(kr, { certificateNumber: 'NEVER-SENT-1', issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {}, items: [item()] });
    assert.deepEqual([claim.decision, claim.certificateId, codes(claim)], ['rejected', null, ['claim.certificate-not-received']]);
    assert.deepEqual([claim.reasons[0]?.params['agreement'], claim.reasons[0]?.params['cutOverDate'], claim.reasons[0]?.params['beforeCutOver']], ['CHKFTA', '2016-10-01', false]);
    const events = await kr.store.audit.forSubject(`claim:${claim.id}`);
    assert.deepEqual(events.map((e) => e.action), ['claim.decided']);
  });

  it('combines reasons: any rejection wins over review', async () => {
    const { doc } = await received();
    const claim = await claimOk(kr, body(doc, { importer: { name: 'Someone Else' }, items: [item({ line: 1, quantity: 1, unitCode: 'TNE' }), item({ line: 2, itemNumber: 9 })] }));
    assert.equal(claim.decision, 'rejected');
    assert.deepEqual(codes(claim).sort(), ['claim.importer-mismatch', 'claim.item-not-found', 'claim.unit-mismatch']);
  });

  it('answers 422 claim.agreement-unknown for a certificate not received from a country without an agreement here', async () => {
    const res = await postClaim(kr, { certificateNumber: 'X-1', issuingCountry: 'JP', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {}, items: [item()] });
    assert.equal(res.status, 422, res.body);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.agreement-unknown');
  });

  it('answers 422 claim.issued-here for a certificate of this gateway\'s own country', async () => {
    const res = await postClaim(kr, { certificateNumber: 'X-2', issuingCountry: 'KR', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {}, items: [item()] });
    assert.equal(res.status, 422, res.body);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.issued-here');
  });

  it('answers 400 request.invalid for a quantity without unit, a repeated line, and a malformed HS code', async () => {
    const { doc } = await received();
    for (const [items, path] of [[[item({ unitCode: undefined })], '/body/items/0/unitCode'], [[item(), item({ itemNumber: 2 })], '/body/items/1/line'], [[item({ hsCode: '2005' })], '/body/items/0/hsCode']] as const) {
      const res = await postClaim(kr, body(doc, { items: [...items] }));
      assert.equal(res.status, 400, res.body);
      const problem = JSON.parse(res.body) as { code: string; errors: { path: string }[] };
      assert.equal(problem.code, 'request.invalid');
      assert.ok(problem.errors.some((e) => e.path === path), res.body);
    }
    assert.equal((await kr.store.claims.list({}, 500)).filter((c) => c.certificateNumber === doc.header.number).length, 0, 'nothing stored');
  });

  it('only customs (or admin) may claim: an issuer gets 403', async () => {
    const { doc } = await received();
    const res = await api(kr, 'POST', '/api/v1/claims', { token: 'issuer', body: body(doc) });
    assert.equal(res.status, 403);
  });
});
