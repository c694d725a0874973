/**
 * Retroactive verification between two running gateways (TH issues ATIGA Form D to PH; MY is a
 * third partner): the request, its acknowledgement by receipt, the answer, every state on both
 * sides, the illegal transitions (answering twice, a response for an unknown or answered request),
 * the effects on the certificate and on accepted claims, and the derived overdue flag (the shared
 * clock is moved past the reply date).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMessage, encodeMessage, type MessageKind, type PayloadOf } from '@originlink/protocol';
import type { ClaimRow } from '@originlink/store';
import type { VerificationView } from '../workflows/verification/verification-view.js';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, shiftedClock, waitFor, type TestNetwork, type TestNode } from './test-network.js';

describe('retroactive verification', () => {
  let net: TestNetwork;
  let th: TestNode;
  let ph: TestNode;
  let my: TestNode;
  let rice: SampleDocument;
  let autoParts: SampleDocument;
  let serial = 0;
  // The shared clock, movable forward to make requests overdue.
  let skewMs = 0;
  const base = shiftedClock();

  before(async () => {
    net = await createNetwork([
      { country: 'TH', profiles: ['atiga-form-d'] },
      { country: 'PH', profiles: ['atiga-form-d'] },
      { country: 'MY', profiles: ['atiga-form-d'] },
    ], { clock: () => base() + skewMs });
    [th, ph, my] = [net.node('TH'), net.node('PH'), net.node('MY')];
    for (const n of net.nodes) await n.start();
    rice = await sample('atiga-d-th-ph-rice-three-items.json');
    autoParts = await sample('atiga-d-th-my-auto-parts-12-items.json');
  });
  after(() => net.close());

  /** Issues a fresh rice certificate at TH and waits for PH to receive it; returns PH's and TH's ids. */
  async function issued(): Promise<{ number: string; phId: string; thId: string }> {
    const doc = variant(rice, { number: `TH-VER-${String(++serial).padStart(4, '0')}` });
    const res = await api(th, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 202, res.body);
    const received = await waitFor('PH to receive the certificate', () => ph.store.certificates.findByNumber('TH', doc.header.number));
    return { number: doc.header.number, phId: received.id, thId: res.json<{ id: string }>().id };
  }

  async function request(phId: string, body: Record<string, unknown> = {}): Promise<VerificationView> {
    const res = await api(ph, 'POST', '/api/v1/verifications', { token: 'customs', body: { certificateId: phId, reasons: [{ code: 'ORIGIN-DOUBT', text: 'rice milled in a third country?' }], ...body } });
    assert.equal(res.status, 201, res.body);
    return res.json<VerificationView>();
  }

  const view = async (node: TestNode, id: string) => (await api(node, 'GET', `/api/v1/verifications/${id}`, { token: 'customs' })).json<VerificationView>();
  const inboundAt = (requestId: string) => waitFor('TH to store the request', async () => (await th.store.verifications.find('inbound', 'PH', requestId)) ?? false);
  const answer = (id: string, body: Record<string, unknown>) => api(th, 'POST', `/api/v1/verifications/${id}/answer`, { token: 'issuer', body: { findings: 'checked the mill records', ...body } });
  const answered = (node: TestNode, id: string) => waitFor('the answer to arrive', async () => ((await view(node, id)).state === 'answered' ? view(node, id) : false));

  function claim(certificateId: string, number: string, decision: ClaimRow['decision'], itemNumbers: number[]): Omit<ClaimRow, 'updatedAt'> {
    const now = ph.clock();
    return {
      id: randomUUID(), certificateId, certificateNumber: number, issuingCountry: 'TH', declarationReference: `DECL-${randomUUID().slice(0, 8)}`, declarationDate: '2026-11-14',
      importerName: null, importerId: null, decision, status: decision === 'manual-review' ? 'review' : 'decided', reasons: '[]',
      items: JSON.stringify(itemNumbers.map((n, i) => ({ line: i + 1, itemNumber: n }))), noticeMessageId: null, actor: 'test', createdAt: now,
    };
  }

  /** Posts a message signed by `from` to `to`'s partner API and returns the receipt's outcome and codes. */
  async function deliver<K extends MessageKind>(from: TestNode, to: TestNode, kind: K, payload: PayloadOf<K>, refersTo?: string): Promise<{ outcome: string; codes: string[] }> {
    const m = createMessage({ kind, sender: from.self, receiver: to.self, agreement: 'ATIGA', datasetVersion: '1.1.0', payload, now: to.clock(), ...(refersTo ? { refersTo } : {}) }, from.signer);
    const res = await to.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: encodeMessage(m), headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 200, res.body);
    const receipt = JSON.parse(res.body) as { payload: PayloadOf<'receipt'> };
    return { outcome: receipt.payload.outcome, codes: receipt.payload.issues.map((i) => i.code) };
  }

  it('requests, acknowledges and answers a verification, with the states and effects on both sides', async () => {
    const cert = await issued();
    const requested = await request(cert.phId, { itemNumbers: [2] });
    assert.equal(requested.state, 'requested');
    assert.equal(requested.direction, 'outbound');
    assert.deepEqual(requested.itemNumbers, [2]);
    assert.equal(requested.overdue, false);
    // ATIGA gives the issuing side 90 days.
    assert.equal(requested.replyBy, new Date(ph.clock() + 90 * 86_400_000).toISOString().slice(0, 10));
    assert.equal((await ph.store.certificates.get(cert.phId))?.verificationStatus, 'under-verification');

    const acknowledged = await waitFor('the partner receipt', async () => ((await view(ph, requested.id)).state === 'acknowledged' ? view(ph, requested.id) : false));
    assert.equal(acknowledged.partnerReceipt?.outcome, 'accepted');
    assert.ok(acknowledged.acknowledgedAt);

    const inbound = await inboundAt(requested.requestId);
    assert.equal(inbound.state, 'acknowledged');
    assert.equal(inbound.certificateId, cert.thId);
    assert.equal((await th.store.certificates.get(cert.thId))?.verificationStatus, 'under-verification');
    const open = (await api(th, 'GET', '/api/v1/verifications?direction=inbound&state=acknowledged', { token: 'issuer' })).json<{ items: VerificationView[] }>();
    assert.ok(open.items.some((v) => v.id === inbound.id));

    const res = await answer(inbound.id, { outcome: 'confirmed', items: [{ itemNumber: 2, confirmed: true, finding: 'Thai paddy' }] });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json<VerificationView>().state, 'answered');
    assert.equal((await th.store.certificates.get(cert.thId))?.verificationStatus, 'confirmed');

    const done = await answered(ph, requested.id);
    assert.equal(done.outcome, 'confirmed');
    assert.equal(done.findings, 'checked the mill records');
    assert.ok(done.acknowledgedAt);
    assert.equal((await ph.store.certificates.get(cert.phId))?.verificationStatus, 'confirmed');
    const phEvents = (await ph.store.audit.forSubject(cert.phId)).map((e) => e.action);
    assert.ok(phEvents.includes('verification.requested') && phEvents.includes('verification.answered'), phEvents.join());
    const thEvents = (await th.store.audit.forSubject(cert.thId)).map((e) => e.action);
    assert.ok(thEvents.includes('verification.received') && thEvents.includes('verification.answered'), thEvents.join());
  });

  it('refuses a second answer with 409 verification.already-answered and sends nothing more', async () => {
    const cert = await issued();
    const requested = await request(cert.phId);
    const inbound = await inboundAt(requested.requestId);
    assert.equal((await answer(inbound.id, { outcome: 'confirmed' })).status, 200);
    const messagesBefore = await th.store.messages.count('out');
    const again = await answer(inbound.id, { outcome: 'not-confirmed' });
    assert.equal(again.status, 409);
    assert.equal(again.json().code, 'verification.already-answered');
    // Two concurrent answers: exactly one wins.
    const cert2 = await issued();
    const inbound2 = await inboundAt((await request(cert2.phId)).requestId);
    const racing = await Promise.all([answer(inbound2.id, { outcome: 'confirmed' }), answer(inbound2.id, { outcome: 'not-confirmed' })]);
    assert.deepEqual(racing.map((r) => r.status).sort(), [200, 409]);
    assert.equal(await th.store.messages.count('out'), messagesBefore + 2, 'the second certificate and one response: nothing for the refused answers');
  });

  it('refuses answers on the requesting side, unknown ids and incoherent outcomes', async () => {
    const cert = await issued();
    const requested = await request(cert.phId);
    const onRequester = await api(ph, 'POST', `/api/v1/verifications/${requested.id}/answer`, { token: 'issuer', body: { outcome: 'confirmed', findings: '' } });
    assert.equal(onRequester.json().code, 'verification.not-inbound');
    assert.equal((await answer(randomUUID(), { outcome: 'confirmed' })).json().code, 'verification.not-found');
    const inbound = await inboundAt(requested.requestId);
    const partial = await answer(inbound.id, { outcome: 'partially-confirmed', items: [{ itemNumber: 1, confirmed: true }] });
    assert.equal(partial.status, 422);
    assert.equal(partial.json().code, 'verification.items-required');
    assert.equal((await answer(inbound.id, { outcome: 'not-confirmed', items: [{ itemNumber: 9, confirmed: false }] })).json().code, 'verification.unknown-item');
    assert.equal((await th.store.verifications.get(inbound.id))?.state, 'acknowledged');
  });

  it('refuses a request for a certificate not received, an unknown item, and a second open request', async () => {
    const cert = await issued();
    const onIssuer = await api(th, 'POST', '/api/v1/verifications', { token: 'customs', body: { certificateId: cert.thId, reasons: [{ code: 'X' }] } });
    assert.equal(onIssuer.json().code, 'verification.certificate-not-received');
    const badItem = await api(ph, 'POST', '/api/v1/verifications', { token: 'customs', body: { certificateId: cert.phId, itemNumbers: [4], reasons: [{ code: 'X' }] } });
    assert.equal(badItem.json().code, 'verification.unknown-item');
    await request(cert.phId);
    const second = await api(ph, 'POST', '/api/v1/verifications', { token: 'customs', body: { certificateId: cert.phId, reasons: [{ code: 'X' }] } });
    assert.equal(second.status, 409);
    assert.equal(second.json().code, 'verification.already-requested');
    const wrongRole = await api(ph, 'POST', '/api/v1/verifications', { token: 'issuer', body: { certificateId: cert.phId, reasons: [{ code: 'X' }] } });
    assert.equal(wrongRole.status, 403);
  });

  it('flags every accepted claim for recovery of duties when origin is not confirmed', async () => {
    const cert = await issued();
    const accepted = claim(cert.phId, cert.number, 'accepted', [1]);
    const rejected = claim(cert.phId, cert.number, 'rejected', [1]);
    await ph.store.claims.insert(accepted);
    await ph.store.claims.insert(rejected);
    const requested = await request(cert.phId);
    const inbound = await inboundAt(requested.requestId);
    assert.equal((await answer(inbound.id, { outcome: 'not-confirmed' })).status, 200);
    await answered(ph, requested.id);
    assert.equal((await ph.store.certificates.get(cert.phId))?.verificationStatus, 'not-confirmed');
    assert.equal((await ph.store.claims.get(accepted.id))?.status, 'recovery-of-duties');
    assert.equal((await ph.store.claims.get(rejected.id))?.status, 'decided');
  });

  it('flags only the accepted claims that used an item left unconfirmed when origin is partially confirmed', async () => {
    const cert = await issued();
    const usedItem1 = claim(cert.phId, cert.number, 'accepted', [1]);
    const usedItem2 = claim(cert.phId, cert.number, 'accepted', [1, 2]);
    const usedItem3 = claim(cert.phId, cert.number, 'accepted', [3]);
    for (const c of [usedItem1, usedItem2, usedItem3]) await ph.store.claims.insert(c);
    // Items 2 and 3 in doubt; the answer confirms 1 and 3 and refuses 2.
    const requested = await request(cert.phId, { itemNumbers: [2, 3] });
    const inbound = await inboundAt(requested.requestId);
    const res = await answer(inbound.id, { outcome: 'partially-confirmed', items: [{ itemNumber: 1, confirmed: true }, { itemNumber: 2, confirmed: false, finding: 'Vietnamese paddy' }, { itemNumber: 3, confirmed: true }] });
    assert.equal(res.status, 200, res.body);
    const done = await answered(ph, requested.id);
    assert.equal(done.outcome, 'partially-confirmed');
    assert.equal((await ph.store.certificates.get(cert.phId))?.verificationStatus, 'partially-confirmed');
    assert.equal((await ph.store.claims.get(usedItem1.id))?.status, 'decided');
    assert.equal((await ph.store.claims.get(usedItem2.id))?.status, 'recovery-of-duties');
    assert.equal((await ph.store.claims.get(usedItem3.id))?.status, 'decided');
  });

  it('refuses a response for an unknown request, and a second response, with exchange codes in the receipt', async () => {
    const cert = await issued();
    const response = (requestId: string, outcome: 'confirmed' | 'not-confirmed'): PayloadOf<'verification.response'> => ({ certificateNumber: cert.number, issuingCountry: 'TH', requestId, outcome, findings: 'f', answeredAt: new Date(th.clock()).toISOString() });
    const unknown = await deliver(th, ph, 'verification.response', response(randomUUID(), 'confirmed'));
    assert.deepEqual(unknown, { outcome: 'rejected', codes: ['exchange.verification-unknown-request'] });

    const requested = await request(cert.phId);
    const inbound = await inboundAt(requested.requestId);
    assert.equal((await answer(inbound.id, { outcome: 'confirmed' })).status, 200);
    await answered(ph, requested.id);
    // The issuing side's software answers again, under a new message id: refused, nothing changes.
    const second = await deliver(th, ph, 'verification.response', response(requested.requestId, 'not-confirmed'));
    assert.deepEqual(second, { outcome: 'rejected', codes: ['exchange.verification-already-answered'] });
    assert.equal((await view(ph, requested.id)).outcome, 'confirmed');
    // Another partner cannot answer PH's request to TH.
    const stranger = await deliver(my, ph, 'verification.response', response(requested.requestId, 'not-confirmed'));
    assert.deepEqual(stranger.codes, ['exchange.verification-unknown-request']);
  });

  it('refuses a request for a certificate the issuer did not address to the requester, and a repeated requestId', async () => {
    const toMy = variant(autoParts, { number: `TH-VER-MY-${++serial}` });
    assert.equal((await api(th, 'POST', '/api/v1/certificates', { token: 'issuer', body: toMy })).status, 202);
    const payload = (number: string, requestId: string): PayloadOf<'verification.request'> => ({ certificateNumber: number, issuingCountry: 'TH', requestId, reasons: [{ code: 'X' }], replyBy: '2027-01-01', requestedAt: new Date(th.clock()).toISOString() });
    const forMy = await deliver(ph, th, 'verification.request', payload(toMy.header.number, randomUUID()));
    const nowhere = await deliver(ph, th, 'verification.request', payload('TH-NO-SUCH-NUMBER', randomUUID()));
    // The same code either way: PH learns nothing about certificates issued to others.
    assert.deepEqual(forMy, { outcome: 'rejected', codes: ['exchange.verification-certificate-unknown'] });
    assert.deepEqual(nowhere, forMy);

    const cert = await issued();
    const requestId = randomUUID();
    assert.equal((await deliver(ph, th, 'verification.request', payload(cert.number, requestId))).outcome, 'accepted');
    assert.deepEqual((await deliver(ph, th, 'verification.request', payload(cert.number, requestId))).codes, ['exchange.verification-duplicate-request']);
    assert.deepEqual((await deliver(ph, th, 'verification.request', { ...payload(cert.number, randomUUID()), itemNumbers: [7] })).codes, ['exchange.verification-unknown-item']);
  });

  it('shows the issuing side\'s refusal of a request, which then does not block a new one', async () => {
    // PH holds a certificate TH's gateway never issued (sent by hand with TH's key).
    const doc = variant(rice, { number: `TH-VER-UNKNOWN-${++serial}` });
    assert.equal((await deliver(th, ph, 'co.issued', { certificate: doc })).outcome, 'accepted');
    const phId = (await ph.store.certificates.findByNumber('TH', doc.header.number))!.id;
    const requested = await request(phId);
    const refused = await waitFor('the refusal', async () => ((await view(ph, requested.id)).partnerReceipt ? view(ph, requested.id) : false));
    assert.deepEqual(refused.partnerReceipt?.codes, ['exchange.verification-certificate-unknown']);
    assert.equal(refused.partnerReceipt?.outcome, 'rejected');
    assert.equal(refused.state, 'requested');
    // The refusal is final: the certificate is no longer under verification (claims are not held for review).
    assert.equal((await ph.store.certificates.get(phId))?.verificationStatus, null);
    // And the certificate's own delivery status is not touched by the refused request.
    assert.equal((await ph.store.certificates.get(phId))?.status, 'received');
    assert.equal((await request(phId)).state, 'requested');
  });

  it('derives overdue on both sides once the reply date has passed without an answer', async () => {
    const cert = await issued();
    const requested = await request(cert.phId);
    const inbound = await inboundAt(requested.requestId);
    const overdue = async (node: TestNode, direction: string) => (await api(node, 'GET', `/api/v1/verifications?direction=${direction}&overdue=true`, { token: 'customs' })).json<{ items: VerificationView[] }>().items.map((v) => v.id);
    assert.ok(!(await overdue(ph, 'outbound')).includes(requested.id));
    skewMs = 91 * 86_400_000;
    try {
      assert.ok((await overdue(ph, 'outbound')).includes(requested.id));
      assert.ok((await overdue(th, 'inbound')).includes(inbound.id));
      assert.equal((await view(ph, requested.id)).overdue, true);
      // Answered late: no longer overdue.
      assert.equal((await answer(inbound.id, { outcome: 'confirmed' })).status, 200);
      assert.equal((await view(th, inbound.id)).overdue, false);
      assert.ok(!(await overdue(th, 'inbound')).includes(inbound.id));
      assert.equal((await answered(ph, requested.id)).overdue, false);
    } finally {
      skewMs = 0;
    }
  });
});
