/**
 * The certificate timeline: the mapping of audit actions to the shared vocabulary (every action the
 * gateway writes, the fold of a received message into the event it caused, kinds of delivered
 * messages, unknown actions), and one certificate's story told on both sides over a real network:
 * issued, sent, delivered, received, claimed, utilised (learned from the notice), verification
 * requested and answered, replaced and cancelled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditRow } from '@originlink/store';
import { buildTimeline, timelineDescription, timelineEventNames, type TimelineEvent } from '../workflows/timeline.js';
import { claimOk, declaration } from './claims-fixtures.js';
import { change, chkfta, fresh, node, replacementOf, settled, submit } from './lifecycle-fixtures.js';
import { api } from './test-fixtures.js';
import { createNetwork, waitFor, type TestNetwork, type TestNode } from './test-network.js';

let seq = 0;
const row = (action: string, details: unknown, at = 1_000, actor = 'system'): AuditRow => ({ seq: ++seq, sealId: null, at, actor, action, subject: 'c', details: typeof details === 'string' ? details : JSON.stringify(details) });

describe('timeline: mapping audit actions to the vocabulary', () => {
  it('maps every action the gateway writes about a certificate to its term', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['certificate.submitted', {}, 'issued'], ['certificate.received', {}, 'received'], ['certificate.received-again', {}, 'received'],
      ['certificate.pulled', {}, 'received'], ['message.queued', { kind: 'co.issued' }, 'sent'], ['pull.answered', {}, 'sent'],
      ['delivery.accepted', {}, 'delivered'], ['delivery.rejected', {}, 'delivery-rejected'], ['message.rejected', {}, 'delivery-rejected'],
      ['delivery.failed', {}, 'delivery-failed'], ['delivery.requeued', {}, 'delivery-resent'], ['claim.decided', { decision: 'accepted' }, 'claimed'],
      ['claim.flagged', {}, 'claim-flagged'], ['certificate.utilised', {}, 'utilised'], ['certificate.refused', {}, 'refused'],
      ['verification.requested', {}, 'verification-requested'], ['verification.received', { requestId: 'r' }, 'verification-requested'],
      ['verification.received', { outcome: 'confirmed' }, 'verified'], ['verification.answered', { outcome: 'confirmed' }, 'verified'],
      ['certificate.replaced', {}, 'replaced'], ['certificate.amended', {}, 'amended'], ['certificate.cancelled', {}, 'cancelled'],
      ['something.new', {}, 'other'],
    ];
    for (const [action, details, expected] of cases) {
      const [event] = buildTimeline([row(action, details)]);
      assert.deepEqual([event?.event, event?.action, event?.details], [expected, action, details], action);
    }
  });

  it('folds the record of a received message into the event its handler recorded in the same transaction', () => {
    const events = buildTimeline([
      row('certificate.received', { number: 'N-1' }, 1_000, 'partner:CN/cn-gw-1'),
      row('message.received', { messageId: 'm1', kind: 'co.issued' }, 1_000, 'partner:CN/cn-gw-1'),
      row('message.received', { messageId: 'm2', kind: 'co.cancelled' }, 2_000, 'partner:CN/cn-gw-1'),
    ]);
    assert.deepEqual(events.map((e) => [e.event, e.details]), [
      ['received', { number: 'N-1', message: { messageId: 'm1', kind: 'co.issued' } }],
      // No handler row at that instant: the message's kind says what happened.
      ['cancelled', { messageId: 'm2', kind: 'co.cancelled' }],
    ]);
  });

  it('folds a received message into what it was about, not into the claims flagged on the way', () => {
    const actor = 'partner:CN/cn-gw-1';
    const events = buildTimeline([
      row('certificate.cancelled', { reasonCode: 'ERR' }, 3_000, actor),
      row('claim.flagged', { claimId: 'k1' }, 3_000, actor),
      row('message.received', { messageId: 'm4', kind: 'co.cancelled' }, 3_000, actor),
    ]);
    assert.deepEqual(events.map((e) => [e.event, e.details['message'] ?? null]), [['cancelled', { messageId: 'm4', kind: 'co.cancelled' }], ['claim-flagged', null]]);
  });

  it('names the kind of a delivered message from the certificate\'s messages, and keeps unreadable details as text', () => {
    const events: TimelineEvent[] = buildTimeline([row('delivery.accepted', { messageId: 'm3' }), row('certificate.cancelled', 'not json')], new Map([['m3', 'co.cancelled']]));
    assert.deepEqual(events.map((e) => [e.event, e.details]), [['delivered', { messageId: 'm3', kind: 'co.cancelled' }], ['cancelled', { text: 'not json' }]]);
  });

  it('documents every term of the vocabulary in the route\'s description', () => {
    for (const term of timelineEventNames) assert.ok(timelineDescription.includes(`\`${term}\``), term);
  });
});

describe('timeline: one certificate on both sides', () => {
  const noticing = { ...chkfta, lifecycle: { ...chkfta.lifecycle, utilisationNotice: true } };
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;

  before(async () => {
    net = await createNetwork([node('CN', noticing), node('KR', noticing)]);
    cn = net.node('CN');
    kr = net.node('KR');
    await kr.start();
    await cn.start();
  });
  after(() => net.close());

  const timeline = async (n: TestNode, id: string) => {
    const res = await api(n, 'GET', `/api/v1/certificates/${id}/timeline`, { token: n === cn ? 'issuer' : 'customs' });
    assert.equal(res.status, 200, res.body);
    return res.json<{ events: TimelineEvent[] }>().events;
  };
  const terms = (events: readonly TimelineEvent[]) => events.map((e) => e.event);

  it('tells what happened to a certificate at the other customs on the exporting side, and the same story on the importing side', async () => {
    const s = await submit(cn, 'TIMELINE');
    const krId = (await kr.store.certificates.findByNumber('CN', s.doc.header.number))!.id;
    await claimOk(kr, { certificateNumber: s.doc.header.number, issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20', importer: {}, items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity: 1000, unitCode: 'KGM' }] });
    const deliveredAt = async (n: TestNode, id: string, count: number) => waitFor(`${count} deliveries recorded`, async () => (await n.store.audit.forSubject(id)).filter((e) => e.action === 'delivery.accepted').length === count);
    await waitFor('the utilisation notice at CN', async () => (await cn.store.audit.forSubject(s.id)).some((e) => e.action === 'certificate.utilised'));
    await deliveredAt(kr, krId, 1);
    const requested = await api(kr, 'POST', '/api/v1/verifications', { token: 'customs', body: { certificateId: krId, reasons: [{ code: 'ORIGIN-DOUBT' }] } });
    assert.equal(requested.status, 201, requested.body);
    const inbound = await waitFor('the verification request at CN', async () => (await api(cn, 'GET', '/api/v1/verifications?direction=inbound', { token: 'issuer' })).json<{ items: { id: string }[] }>().items[0]);
    await deliveredAt(kr, krId, 2);
    const answered = await api(cn, 'POST', `/api/v1/verifications/${inbound.id}/answer`, { token: 'issuer', body: { outcome: 'confirmed', findings: 'mill records checked' } });
    assert.equal(answered.status, 200, answered.body);
    await waitFor('the answer at KR', async () => (await kr.store.audit.forSubject(krId)).some((e) => e.action === 'verification.answered'));
    // KR stores the answer before it signs the receipt, so CN records the delivery a moment later.
    await deliveredAt(cn, s.id, 2);
    const replacement = (await change(cn, s.id, 'replace', replacementOf(s.doc, fresh('TIMELINE-NEW')))).json<{ id: string; number: string; messageId: string }>();
    await settled(cn, replacement.messageId, 'delivered');
    const cancel = (await change(cn, replacement.id, 'cancel', { reasonCode: 'ERR' })).json<{ messageId: string }>();
    await settled(cn, cancel.messageId, 'delivered');
    const krNew = (await kr.store.certificates.findByNumber('CN', replacement.number))!.id;

    const cnOld = await timeline(cn, s.id);
    assert.deepEqual(terms(cnOld), ['issued', 'sent', 'delivered', 'utilised', 'verification-requested', 'verified', 'sent', 'delivered', 'replaced']);
    assert.deepEqual(cnOld.filter((e) => e.event === 'delivered').map((e) => e.details['kind']), ['co.issued', 'verification.response']);
    assert.equal(cnOld.find((e) => e.event === 'utilised')?.actor, 'partner:KR/kr-gw-1', 'learned from KR\'s utilisation notice');
    assert.equal(cnOld.at(-1)?.details['replacedBy'], replacement.id);

    const krOld = await timeline(kr, krId);
    assert.deepEqual(terms(krOld), ['received', 'claimed', 'sent', 'delivered', 'verification-requested', 'sent', 'delivered', 'verified', 'replaced']);
    assert.deepEqual((krOld[0]?.details['message'] as { kind: string }).kind, 'co.issued');
    assert.deepEqual(krOld.filter((e) => e.event === 'sent').map((e) => e.details['kind']), ['co.utilisation', 'verification.request']);
    assert.equal(krOld.at(-1)?.details['replacedBy'], krNew);

    const cnNew = await timeline(cn, replacement.id);
    assert.deepEqual(terms(cnNew), ['issued', 'sent', 'delivered', 'cancelled', 'sent', 'delivered']);
    assert.equal(cnNew[0]?.details['replaces'], s.id);
    assert.deepEqual(cnNew.filter((e) => e.event === 'sent').map((e) => e.details['kind']), ['co.replaced', 'co.cancelled']);
    assert.deepEqual(terms(await timeline(kr, krNew)), ['received', 'cancelled']);
  });

  it('publishes the vocabulary in the OpenAPI description of the route', async () => {
    const spec = (await api(cn, 'GET', '/docs/json')).json<{ paths: Record<string, { get?: { description?: string } }> }>();
    const description = spec.paths['/api/v1/certificates/{id}/timeline']?.get?.description ?? '';
    for (const term of timelineEventNames) assert.ok(description.includes(`\`${term}\``), term);
  });
});
