/**
 * Replacement between two gateways: CN replaces a certificate it delivered to KR (new certificate
 * stored on both sides, the old one replaced and linked both ways, co.replaced delivered behind the
 * chain's original certificate with an accepted receipt), the same replacement again, every refusal
 * at the national API with its code, and KR's answers to replacements it cannot link or must refuse.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, countRows, variant } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';
import { change, fresh, kimchi, node, pushAs, receiptCodes, replacementOf, settled, submit } from './lifecycle-fixtures.js';

interface View { id: string; number: string; lifecycle: string; replacesId: string | null; replacedById: string | null; messageId: string; status: string; version: number }

describe('lifecycle: replacement', () => {
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

  it('replaces a delivered certificate end to end: both sides store the new one and link it to the old one, now replaced', async () => {
    const old = await submit(cn, 'REPL');
    const doc = replacementOf(old.doc, fresh('REPL-NEW'));
    const res = await change(cn, old.id, 'replace', doc);
    assert.equal(res.status, 202, res.body);
    const view = res.json<View>();
    assert.deepEqual([view.number, view.lifecycle, view.replacesId, view.version], [doc.header.number, 'active', old.id, 1]);

    const oldHere = await cn.store.certificates.get(old.id);
    assert.deepEqual([oldHere?.lifecycle, oldHere?.replacedById], ['replaced', view.id]);
    const entry = await settled(cn, view.messageId, 'delivered');
    assert.equal(entry.orderKey, old.id, 'co.replaced is ordered behind the replaced certificate');
    assert.equal((await cn.store.messages.getOutbound(view.messageId))?.kind, 'co.replaced');
    assert.deepEqual(await receiptCodes(cn, view.messageId), { outcome: 'accepted', codes: [], severities: [] });
    assert.equal((await cn.store.certificates.get(view.id))?.status, 'delivered');

    const krOld = await kr.store.certificates.findByNumber('CN', old.doc.header.number);
    const krNew = await kr.store.certificates.findByNumber('CN', doc.header.number);
    assert.ok(krOld && krNew);
    assert.deepEqual([krOld.lifecycle, krOld.replacedById], ['replaced', krNew.id]);
    assert.deepEqual([krNew.lifecycle, krNew.replacesId, krNew.source, krNew.status], ['active', krOld.id, 'push', 'received']);

    const actions = async (n: TestNode, id: string) => (await n.store.audit.forSubject(id)).map((e) => e.action);
    assert.deepEqual(await actions(cn, old.id), ['certificate.submitted', 'message.queued', 'delivery.accepted', 'certificate.replaced']);
    assert.deepEqual(await actions(cn, view.id), ['certificate.submitted', 'message.queued', 'delivery.accepted']);
    assert.deepEqual(await actions(kr, krOld.id), ['certificate.received', 'message.received', 'certificate.replaced']);
    assert.deepEqual(await actions(kr, krNew.id), ['certificate.received', 'message.received']);

    // Both sides show the links in the certificate's detail.
    const detail = (await api(kr, 'GET', `/api/v1/certificates/${krOld.id}`, { token: 'customs' })).json<{ certificate: View }>();
    assert.deepEqual([detail.certificate.lifecycle, detail.certificate.replacedById], ['replaced', krNew.id]);
  });

  it('answers the same replacement again with 200 and queues nothing more', async () => {
    const old = await submit(cn, 'REPL-AGAIN');
    const doc = replacementOf(old.doc, fresh('REPL-AGAIN-NEW'));
    const first = await change(cn, old.id, 'replace', doc);
    assert.equal(first.status, 202, first.body);
    await settled(cn, first.json<View>().messageId, 'delivered');
    const before_ = countRows(cn);
    const again = await change(cn, old.id, 'replace', doc);
    assert.equal(again.status, 200, again.body);
    assert.equal(again.json<View>().id, first.json<View>().id);
    assert.deepEqual(countRows(cn), before_);
  });

  it('refuses a replacement that does not name the replaced certificate: 422 certificate.replaced-number-mismatch, nothing stored', async () => {
    const old = await submit(cn, 'REPL-MISMATCH');
    const before_ = countRows(cn);
    const wrong = await change(cn, old.id, 'replace', replacementOf(old.doc, fresh('REPL-MISMATCH-NEW'), 'SOMETHING-ELSE'));
    assert.deepEqual([wrong.status, wrong.json().code], [422, 'certificate.replaced-number-mismatch']);
    const missing = variant(old.doc, { number: fresh('REPL-MISMATCH-NEW') });
    assert.deepEqual([(await change(cn, old.id, 'replace', missing)).json().code], ['certificate.replaced-number-mismatch']);
    assert.deepEqual(countRows(cn), before_);
    assert.equal((await cn.store.certificates.get(old.id))?.lifecycle, 'active');
  });

  it('validates the replacement exactly like a submission: 422 certificate.invalid with the issues', async () => {
    const old = await submit(cn, 'REPL-INVALID');
    const doc = replacementOf(old.doc, fresh('REPL-INVALID-NEW'));
    doc.goodsItems[0]!.hsCode = '2005';
    const res = await change(cn, old.id, 'replace', doc);
    assert.deepEqual([res.status, res.json().code], [422, 'certificate.invalid']);
    assert.ok(res.json<{ issues: { path: string }[] }>().issues.some((i) => i.path === '/goodsItems/0/hsCode'), res.body);
  });

  it('refuses a replacement whose number is taken: 409 certificate.exists', async () => {
    const old = await submit(cn, 'REPL-TAKEN');
    const other = await submit(cn, 'REPL-TAKEN-OTHER', { wait: false });
    const res = await change(cn, old.id, 'replace', replacementOf(old.doc, other.doc.header.number));
    assert.deepEqual([res.status, res.json().code], [409, 'certificate.exists']);
  });

  it('refuses to replace a certificate already replaced by another document, or cancelled: 409 with the state\'s code', async () => {
    const old = await submit(cn, 'REPL-TWICE');
    assert.equal((await change(cn, old.id, 'replace', replacementOf(old.doc, fresh('REPL-TWICE-A')))).status, 202);
    const second = await change(cn, old.id, 'replace', replacementOf(old.doc, fresh('REPL-TWICE-B')));
    assert.deepEqual([second.status, second.json().code], [409, 'certificate.already-replaced']);

    const cancelled = await submit(cn, 'REPL-CANCELLED');
    assert.equal((await change(cn, cancelled.id, 'cancel', { reasonCode: 'ERR' })).status, 202);
    const res = await change(cn, cancelled.id, 'replace', replacementOf(cancelled.doc, fresh('REPL-CANCELLED-NEW')));
    assert.deepEqual([res.status, res.json().code], [409, 'certificate.already-cancelled']);
  });

  it('refuses to replace a certificate received from a partner (409 certificate.not-issued-here), an unknown one (404), and to customs (403)', async () => {
    const old = await submit(cn, 'REPL-FOREIGN');
    const there = await kr.store.certificates.findByNumber('CN', old.doc.header.number);
    const res = await change(kr, there!.id, 'replace', replacementOf(old.doc, fresh('REPL-FOREIGN-NEW')));
    assert.deepEqual([res.status, res.json().code], [409, 'certificate.not-issued-here']);
    const unknown = await change(cn, '00000000-0000-4000-8000-000000000000', 'replace', replacementOf(old.doc, fresh('X')));
    assert.deepEqual([unknown.status, unknown.json().code], [404, 'certificate.not-found']);
    assert.equal((await change(cn, old.id, 'replace', replacementOf(old.doc, fresh('X')), 'customs')).status, 403);
  });

  it('the importing side stores a replacement of a certificate it never received, with a warning in the accepted receipt', async () => {
    const doc = replacementOf(variant(await kimchi(), { number: fresh('REPL-ORPHAN') }), fresh('REPL-ORPHAN-NEW'), 'NEVER-SENT-0001');
    const receipt = await pushAs(cn, kr, 'co.replaced', { certificate: doc, replaced: { certificateNumber: 'NEVER-SENT-0001', issuingCountry: 'CN' }, reason: 'lost' });
    assert.equal(receipt.outcome, 'accepted');
    assert.deepEqual(receipt.issues.map((i) => [i.code, i.severity, i.path]), [['exchange.replaced-unknown', 'warning', '/payload/replaced/certificateNumber']]);
    const stored = await kr.store.certificates.findByNumber('CN', doc.header.number);
    assert.deepEqual([stored?.lifecycle, stored?.replacesId], ['active', null]);
  });

  it('the importing side refuses a replacement whose document names another certificate than the message, and one from the wrong issuer', async () => {
    const old = await submit(cn, 'REPL-LIAR');
    const doc = replacementOf(old.doc, fresh('REPL-LIAR-NEW'), 'SOMETHING-ELSE');
    const receipt = await pushAs(cn, kr, 'co.replaced', { certificate: doc, replaced: { certificateNumber: old.doc.header.number, issuingCountry: 'CN' } });
    assert.deepEqual([receipt.outcome, receipt.issues.map((i) => i.code)], ['rejected', ['exchange.replacement-mismatch']]);
    const foreign = await pushAs(cn, kr, 'co.replaced', { certificate: replacementOf(old.doc, fresh('REPL-LIAR-NEW')), replaced: { certificateNumber: old.doc.header.number, issuingCountry: 'KR' } });
    assert.deepEqual([foreign.outcome, foreign.issues.map((i) => i.code)], ['rejected', ['exchange.issuer-mismatch']]);
    assert.equal((await kr.store.certificates.findByNumber('CN', old.doc.header.number))?.lifecycle, 'active');
  });

  it('the importing side refuses to replace a certificate cancelled there, or already replaced by another one, and accepts the same replacement again', async () => {
    const old = await submit(cn, 'REPL-KR');
    const doc = replacementOf(old.doc, fresh('REPL-KR-A'));
    const ref = { certificateNumber: old.doc.header.number, issuingCountry: 'CN' };
    assert.equal((await pushAs(cn, kr, 'co.replaced', { certificate: doc, replaced: ref })).outcome, 'accepted');
    // The same replacement under a new message id (a resend): accepted, nothing new stored.
    const before_ = (await kr.store.certificates.search({ issuingCountry: 'CN' }, 200)).items.length;
    assert.deepEqual((await pushAs(cn, kr, 'co.replaced', { certificate: doc, replaced: ref })).outcome, 'accepted');
    assert.equal((await kr.store.certificates.search({ issuingCountry: 'CN' }, 200)).items.length, before_);
    const other = await pushAs(cn, kr, 'co.replaced', { certificate: replacementOf(old.doc, fresh('REPL-KR-B')), replaced: ref });
    assert.deepEqual([other.outcome, other.issues.map((i) => i.code)], ['rejected', ['exchange.already-replaced']]);

    const cancelled = await submit(cn, 'REPL-KR-CANCELLED');
    await settled(cn, (await change(cn, cancelled.id, 'cancel', { reasonCode: 'ERR' })).json<View>().messageId, 'delivered');
    const late = await pushAs(cn, kr, 'co.replaced', { certificate: replacementOf(cancelled.doc, fresh('REPL-KR-LATE')), replaced: { certificateNumber: cancelled.doc.header.number, issuingCountry: 'CN' } });
    assert.deepEqual([late.outcome, late.issues.map((i) => i.code)], ['rejected', ['exchange.already-cancelled']]);
  });
});
