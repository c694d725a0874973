/**
 * Partial utilisation at the importing side: several claims drawing on one certificate, concurrent
 * claims that together ask for more than it covers (never over-used, never half-consumed), the
 * same claim repeated (first decision returned), and officer decisions on manual reviews (accepting
 * consumes; only from review). CN pushes ChKFTA certificates to KR.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';
import { claimOk, codes, declaration, deliver, postClaim, used, type ClaimBody, type ClaimItemBody } from './claims-fixtures.js';
import type { ClaimView } from '../workflows/claims/claim-view.js';

describe('claims: partial utilisation, concurrency, idempotency and officer decisions', () => {
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

  const received = async () => {
    const doc = variant(kimchi, { number: `CLAIM-U-${String(++serial).padStart(4, '0')}` });
    return { doc, row: await deliver(cn, kr, doc) };
  };
  const item = (over: Partial<ClaimItemBody> = {}): ClaimItemBody => ({ line: 1, itemNumber: 1, hsCode: '200599', quantity: 1000, unitCode: 'KGM', ...over });
  const body = (doc: SampleDocument, over: Partial<ClaimBody> = {}): ClaimBody => ({
    certificateNumber: doc.header.number, issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {}, items: [item()], ...over,
  });
  const decide = (id: string, decision: 'accepted' | 'rejected', note = 'paper certificate checked') => api(kr, 'POST', `/api/v1/claims/${id}/decision`, { token: 'customs', body: { decision, note } });

  it('lets several claims use one certificate until its quantity is used up, then rejects', async () => {
    const { doc, row } = await received();
    for (const q of [5000, 7000.25, 8999.75]) assert.equal((await claimOk(kr, body(doc, { items: [item({ quantity: q })] }))).decision, 'accepted');
    assert.deepEqual(await used(kr, row.id), { 1: 21_000_000_000, 2: 0 });
    const over = await claimOk(kr, body(doc, { items: [item({ quantity: 0.000001 })] }));
    assert.deepEqual([over.decision, codes(over), over.reasons[0]?.params['remaining']], ['rejected', ['claim.quantity-exceeded'], 0]);
    const list = await api(kr, 'GET', `/api/v1/claims?certificateId=${row.id}`, { token: 'customs' });
    assert.deepEqual(list.json<{ items: ClaimView[] }>().items.map((c) => c.decision).sort(), ['accepted', 'accepted', 'accepted', 'rejected']);
  });

  it('never over-uses an item under 20 concurrent claims that together ask for more than it covers', async () => {
    const { doc, row } = await received();
    const results = await Promise.all(Array.from({ length: 20 }, () => postClaim(kr, body(doc, { items: [item({ quantity: 1500 })] }))));
    for (const r of results) assert.equal(r.status, 201, r.body);
    const accepted = results.filter((r) => r.claim.decision === 'accepted');
    const rejected = results.filter((r) => r.claim.decision === 'rejected');
    assert.equal(accepted.length, 14, '21000 KGM covers 14 claims of 1500');
    assert.equal(rejected.length, 6);
    for (const r of rejected) assert.deepEqual(codes(r.claim), ['claim.quantity-exceeded']);
    assert.deepEqual(await used(kr, row.id), { 1: 14 * 1_500_000_000, 2: 0 });
  });

  it('never half-consumes a two-item claim under concurrency: each item gives all its quantity or none', async () => {
    const { doc, row } = await received();
    const two = () => body(doc, { items: [item({ quantity: 1500 }), item({ line: 2, itemNumber: 2, quantity: 200 })] });
    const results = await Promise.all(Array.from({ length: 20 }, () => postClaim(kr, two())));
    const accepted = results.filter((r) => r.claim.decision === 'accepted').length;
    assert.equal(accepted, 10, 'item 2 (2120 KGM) covers 10 claims of 200');
    for (const r of results.filter((x) => x.claim.decision === 'rejected')) assert.deepEqual(codes(r.claim), ['claim.quantity-exceeded']);
    assert.deepEqual(await used(kr, row.id), { 1: accepted * 1_500_000_000, 2: accepted * 200_000_000 });
  });

  it('returns the first decision with 200 when the same claim comes again, and uses the quantity once', async () => {
    const { doc, row } = await received();
    const claim = body(doc);
    const first = await postClaim(kr, claim);
    assert.equal(first.status, 201);
    const again = await postClaim(kr, claim);
    assert.equal(again.status, 200);
    assert.deepEqual(again.claim, first.claim);
    assert.deepEqual(await used(kr, row.id), { 1: 1_000_000_000, 2: 0 });
  });

  it('stores one claim when the same claim arrives 10 times at once', async () => {
    const { doc, row } = await received();
    const claim = body(doc);
    const results = await Promise.all(Array.from({ length: 10 }, () => postClaim(kr, claim)));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(results.map((r) => r.claim.id)).size, 1);
    assert.deepEqual(await used(kr, row.id), { 1: 1_000_000_000, 2: 0 });
  });

  it('answers 409 claim.exists for other data under a declaration reference already used on the certificate', async () => {
    const { doc } = await received();
    const claim = body(doc);
    await claimOk(kr, claim);
    const res = await postClaim(kr, { ...claim, items: [item({ quantity: 999 })] });
    assert.equal(res.status, 409, res.body);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.exists');
  });

  it('lets an officer accept a claim in review, which consumes its quantity and is final', async () => {
    const { doc, row } = await received();
    const review = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017', quantity: 4000 })] }));
    assert.deepEqual([review.decision, review.status], ['manual-review', 'review']);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
    const res = await decide(review.id, 'accepted', 'HS 2017 200599 correlates to HS 2022 200599');
    assert.equal(res.status, 200, res.body);
    const decided = res.json<ClaimView>();
    assert.deepEqual([decided.decision, decided.status, decided.items[0]?.decision], ['accepted', 'decided', 'granted']);
    const officer = decided.reasons.find((r) => r.code === 'claim.officer-decision');
    assert.deepEqual(officer?.params, { officer: 'test-customs', decision: 'accepted', note: 'HS 2017 200599 correlates to HS 2022 200599' });
    assert.deepEqual(await used(kr, row.id), { 1: 4_000_000_000, 2: 0 });
    const audit = (await kr.store.audit.forSubject(row.id)).filter((e) => e.action === 'claim.decided');
    assert.equal(audit.length, 2);
    assert.equal((JSON.parse(audit[1]?.details ?? '{}') as { by?: string }).by, 'officer');
    // Final: a second decision is refused and changes nothing.
    const again = await decide(review.id, 'rejected');
    assert.equal(again.status, 409);
    assert.equal((JSON.parse(again.body) as { code: string }).code, 'claim.not-in-review');
    assert.deepEqual(await used(kr, row.id), { 1: 4_000_000_000, 2: 0 });
  });

  it('lets an officer reject a claim in review without consuming anything', async () => {
    const { doc, row } = await received();
    const review = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017' })] }));
    const res = await decide(review.id, 'rejected', 'not the same goods');
    assert.equal(res.status, 200, res.body);
    assert.deepEqual([res.json<ClaimView>().decision, res.json<ClaimView>().items[0]?.decision], ['rejected', 'denied']);
    assert.deepEqual(await used(kr, row.id), { 1: 0, 2: 0 });
  });

  it('refuses an officer decision on a claim decided by the gateway (409 claim.not-in-review)', async () => {
    const { doc } = await received();
    const accepted = await claimOk(kr, body(doc));
    const res = await decide(accepted.id, 'rejected');
    assert.equal(res.status, 409);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.not-in-review');
  });

  it('refuses to accept a review whose quantity other claims used meanwhile (409 claim.quantity-unavailable) and leaves it in review', async () => {
    const { doc, row } = await received();
    const review = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017', quantity: 15000 })] }));
    await claimOk(kr, body(doc, { items: [item({ quantity: 10000 })] }));
    const res = await decide(review.id, 'accepted');
    assert.equal(res.status, 409, res.body);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.quantity-unavailable');
    assert.equal((await kr.store.claims.get(review.id))?.status, 'review');
    assert.deepEqual(await used(kr, row.id), { 1: 10_000_000_000, 2: 0 });
  });

  it('decides a concurrent pair of officer decisions once', async () => {
    const { doc, row } = await received();
    const review = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017', quantity: 3000 })] }));
    const [a, b] = await Promise.all([decide(review.id, 'accepted'), decide(review.id, 'accepted')]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    assert.deepEqual(await used(kr, row.id), { 1: 3_000_000_000, 2: 0 });
  });

  it('answers 404 claim.not-found for an unknown claim', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    assert.equal((await api(kr, 'GET', `/api/v1/claims/${id}`, { token: 'customs' })).status, 404);
    const res = await decide(id, 'accepted');
    assert.equal(res.status, 404);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.not-found');
  });

  it('lists claims filtered by status and decision', async () => {
    const { doc, row } = await received();
    const review = await claimOk(kr, body(doc, { items: [item({ hsVersion: '2017' })] }));
    const accepted = await claimOk(kr, body(doc));
    const inReview = (await api(kr, 'GET', `/api/v1/claims?status=review&certificateId=${row.id}`, { token: 'customs' })).json<{ items: ClaimView[] }>().items;
    assert.deepEqual(inReview.map((c) => c.id), [review.id]);
    const acceptedList = (await api(kr, 'GET', `/api/v1/claims?decision=accepted&certificateId=${row.id}`, { token: 'customs' })).json<{ items: ClaimView[] }>().items;
    assert.deepEqual(acceptedList.map((c) => c.id), [accepted.id]);
    assert.equal((await api(kr, 'GET', '/api/v1/claims?status=unknown', { token: 'customs' })).status, 400);
  });
});
