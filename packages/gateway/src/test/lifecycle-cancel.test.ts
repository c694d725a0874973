/**
 * Cancellation between two gateways: CN withdraws a certificate it delivered to KR, which marks it
 * cancelled, refuses claims on it and flags the claims it had accepted for post-clearance review;
 * illegal cancellations at the national API (twice, concurrently, of a replaced certificate) and
 * at the partner API (unknown, already cancelled, wrong issuer); a cancellation queued right behind
 * the issuance while the partner is down is delivered after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ClaimView } from '../workflows/claims/claim-view.js';
import { claimOk, codes, declaration, type ClaimBody } from './claims-fixtures.js';
import { change, fresh, kimchi, node, pushAs, receiptCodes, replacementOf, settled, submit, type Submitted } from './lifecycle-fixtures.js';
import { api, countRows, variant } from './test-fixtures.js';
import { createNetwork, waitFor, type TestNetwork, type TestNode } from './test-network.js';

interface View { id: string; number: string; lifecycle: string; messageId: string; cancelledAt: string | null; cancelReason: string | null }

const claim = (s: Submitted, quantity: number): ClaimBody => ({
  certificateNumber: s.doc.header.number, issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {},
  items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity, unitCode: 'KGM' }],
});

describe('lifecycle: cancellation', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;

  before(async () => {
    net = await createNetwork([node('CN'), node('KR')]);
    cn = net.node('CN');
    kr = net.node('KR');
    await kr.start();
    await cn.start();
  });
  after(() => net.close());

  it('cancels a delivered certificate end to end: cancelled on both sides, accepted claims flagged for post-clearance review and listed, new claims refused', async () => {
    const s = await submit(cn, 'CANCEL');
    const accepted = [await claimOk(kr, claim(s, 1000)), await claimOk(kr, claim(s, 2000))];
    const rejected = await claimOk(kr, claim(s, 999_999));
    assert.deepEqual([...accepted, rejected].map((c) => c.decision), ['accepted', 'accepted', 'rejected']);

    const res = await change(cn, s.id, 'cancel', { reasonCode: 'FRAUD', reason: 'Forged invoice' });
    assert.equal(res.status, 202, res.body);
    const view = res.json<View>();
    assert.deepEqual([view.lifecycle, view.cancelReason, typeof view.cancelledAt], ['cancelled', 'FRAUD: Forged invoice', 'string']);
    const entry = await settled(cn, view.messageId, 'delivered');
    assert.equal(entry.orderKey, s.id);
    assert.deepEqual(await receiptCodes(cn, view.messageId), { outcome: 'accepted', codes: [], severities: [] });
    assert.equal((await cn.store.messages.getOutbound(view.messageId))?.kind, 'co.cancelled');

    const there = await kr.store.certificates.findByNumber('CN', s.doc.header.number);
    assert.deepEqual([there?.lifecycle, there?.cancelReason, typeof there?.cancelledAt], ['cancelled', 'FRAUD: Forged invoice', 'number']);
    const statuses = await Promise.all([...accepted, rejected].map(async (c) => (await kr.store.claims.get(c.id))?.status));
    assert.deepEqual(statuses, ['post-clearance-review', 'post-clearance-review', 'decided']);
    const listed = (await api(kr, 'GET', '/api/v1/claims?status=post-clearance-review', { token: 'customs' })).json<{ items: ClaimView[] }>();
    assert.deepEqual(listed.items.filter((c) => c.certificateNumber === s.doc.header.number).map((c) => c.id).sort(), accepted.map((c) => c.id).sort());

    const audit = await kr.store.audit.forSubject(there!.id);
    const flags = audit.filter((e) => e.action === 'claim.flagged').map((e) => JSON.parse(e.details) as { claimId: string; status: string });
    assert.deepEqual(flags.map((f) => [f.claimId, f.status]).sort(), accepted.map((c) => [c.id, 'post-clearance-review']).sort());
    const cancelled = JSON.parse(audit.find((e) => e.action === 'certificate.cancelled')!.details) as { flaggedClaims: string[]; reasonCode: string };
    assert.deepEqual([cancelled.reasonCode, cancelled.flaggedClaims.sort()], ['FRAUD', accepted.map((c) => c.id).sort()]);

    const late = await claimOk(kr, claim(s, 10));
    assert.deepEqual([late.decision, codes(late)], ['rejected', ['claim.cancelled']]);
  });

  it('refuses to cancel twice (409 certificate.already-cancelled) and to cancel a replaced certificate (409 certificate.already-replaced), queueing nothing', async () => {
    const s = await submit(cn, 'CANCEL-TWICE');
    const first = await change(cn, s.id, 'cancel', { reasonCode: 'ERR' });
    assert.equal(first.status, 202, first.body);
    await settled(cn, first.json<View>().messageId, 'delivered');
    const before_ = countRows(cn);
    const again = await change(cn, s.id, 'cancel', { reasonCode: 'ERR' });
    assert.deepEqual([again.status, again.json().code], [409, 'certificate.already-cancelled']);
    assert.deepEqual(countRows(cn), before_);

    const replaced = await submit(cn, 'CANCEL-REPLACED');
    assert.equal((await change(cn, replaced.id, 'replace', replacementOf(replaced.doc, fresh('CANCEL-REPLACED-NEW')))).status, 202);
    const res = await change(cn, replaced.id, 'cancel', { reasonCode: 'ERR' });
    assert.deepEqual([res.status, res.json().code], [409, 'certificate.already-replaced']);
  });

  it('cancels once when two cancellations race: one 202, the other 409, one co.cancelled queued', async () => {
    const s = await submit(cn, 'CANCEL-RACE');
    const results = await Promise.all([0, 1].map((i) => change(cn, s.id, 'cancel', { reasonCode: `R${i}` })));
    assert.deepEqual(results.map((r) => r.status).sort(), [202, 409], results.map((r) => r.body).join(' '));
    const queued = (await cn.store.messages.listForCertificate(s.id)).filter((m) => m.kind === 'co.cancelled');
    assert.equal(queued.length, 1);
  });

  it('refuses a request without a reason code (400) and a cancellation by customs (403)', async () => {
    const s = await submit(cn, 'CANCEL-BAD', { wait: false });
    const bad = await change(cn, s.id, 'cancel', { reason: 'no code' });
    assert.deepEqual([bad.status, bad.json().code], [400, 'request.invalid']);
    assert.equal((await change(cn, s.id, 'cancel', { reasonCode: 'ERR' }, 'customs')).status, 403);
  });

  it('orders the cancellation of a replacement behind the whole chain: its orderKey is the original certificate', async () => {
    const s = await submit(cn, 'CANCEL-CHAIN');
    const replacement = (await change(cn, s.id, 'replace', replacementOf(s.doc, fresh('CANCEL-CHAIN-NEW')))).json<View>();
    const cancelled = await change(cn, replacement.id, 'cancel', { reasonCode: 'ERR' });
    assert.equal(cancelled.status, 202, cancelled.body);
    assert.equal((await settled(cn, cancelled.json<View>().messageId, 'delivered')).orderKey, s.id);
    assert.equal((await kr.store.certificates.findByNumber('CN', replacement.number))?.lifecycle, 'cancelled');
  });

  it('the importing side refuses a cancellation of a certificate it never received, of one already cancelled, and from the wrong issuer', async () => {
    const cancelledAt = new Date(kr.clock()).toISOString();
    const unknown = await pushAs(cn, kr, 'co.cancelled', { certificateNumber: 'NEVER-SENT-0002', issuingCountry: 'CN', reasonCode: 'ERR', cancelledAt });
    assert.deepEqual([unknown.outcome, unknown.issues.map((i) => [i.code, i.path])], ['rejected', [['exchange.cancelled-unknown', '/payload/certificateNumber']]]);

    const s = await submit(cn, 'CANCEL-KR');
    const ref = { certificateNumber: s.doc.header.number, issuingCountry: 'CN' };
    const foreign = await pushAs(cn, kr, 'co.cancelled', { ...ref, issuingCountry: 'KR', reasonCode: 'ERR', cancelledAt });
    assert.deepEqual([foreign.outcome, foreign.issues.map((i) => i.code)], ['rejected', ['exchange.issuer-mismatch']]);
    assert.equal((await pushAs(cn, kr, 'co.cancelled', { ...ref, reasonCode: 'ERR', cancelledAt })).outcome, 'accepted');
    const twice = await pushAs(cn, kr, 'co.cancelled', { ...ref, reasonCode: 'ERR', cancelledAt });
    assert.deepEqual([twice.outcome, twice.issues.map((i) => i.code)], ['rejected', ['exchange.already-cancelled']]);
    // The refusal is on the certificate's record too.
    const there = await kr.store.certificates.findByNumber('CN', s.doc.header.number);
    assert.ok((await kr.store.audit.forSubject(there!.id)).some((e) => e.action === 'message.rejected'));
  });
});

describe('lifecycle: ordering', () => {
  it('delivers a cancellation queued right after the issuance after it, even when the partner was down at first', async () => {
    const net = await createNetwork([node('CN'), node('KR')]);
    try {
      const [cn, kr] = [net.node('CN'), net.node('KR')];
      await cn.start();
      const doc = variant(await kimchi(), { number: fresh('ORDER') });
      const s = await submit(cn, 'ORDER', { wait: false, doc });
      const cancel = await change(cn, s.id, 'cancel', { reasonCode: 'ERR' });
      assert.equal(cancel.status, 202, cancel.body);
      await waitFor('a failed attempt at the issuance', async () => ((await cn.store.outbox.findByMessage(s.messageId))?.attempts ?? 0) >= 2);
      const waiting = await cn.store.outbox.findByMessage(cancel.json<View>().messageId);
      assert.deepEqual([waiting?.state, waiting?.attempts], ['pending', 0], 'the cancellation waits behind the issuance');

      await kr.start();
      const issued = await settled(cn, s.messageId, 'delivered');
      const cancelled = await settled(cn, cancel.json<View>().messageId, 'delivered');
      assert.ok(issued.seq < cancelled.seq && issued.updatedAt <= cancelled.updatedAt);
      const there = await kr.store.certificates.findByNumber('CN', doc.header.number);
      assert.equal(there?.lifecycle, 'cancelled');
      assert.deepEqual((await kr.store.audit.forSubject(there.id)).map((e) => e.action), ['certificate.received', 'message.received', 'certificate.cancelled', 'message.received']);
    } finally {
      await net.close();
    }
  });
});
