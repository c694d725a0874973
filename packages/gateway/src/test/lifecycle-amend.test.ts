/**
 * Amendment: where both partners' profiles allow it (a ChKFTA profile changed to
 * `amendment: allowed`, as no built-in profile allows amendments), CN amends a certificate to the
 * next version and KR makes it current, both keeping every version; the national API's refusals
 * (version, number, state); KR's answers to versions that are not amendments. Under the built-in
 * replacement-only profile both sides refuse amendments.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { amendable, amendmentOf, change, fresh, node, pushAs, receiptCodes, replacementOf, settled, submit } from './lifecycle-fixtures.js';
import { api, countRows, variant } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';

interface View { id: string; version: number; messageId: string; lifecycle: string }
interface Versions { version: number; versions: { version: number; messageId: string; documentDigest: string; document: { remarks?: string } }[] }

describe('lifecycle: amendment where the agreement allows it', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;

  before(async () => {
    net = await createNetwork([node('CN', amendable), node('KR', amendable)]);
    cn = net.node('CN');
    kr = net.node('KR');
    await kr.start();
    await cn.start();
  });
  after(() => net.close());

  it('amends a certificate end to end: the new version is current on both sides and every version is kept', async () => {
    const s = await submit(cn, 'AMEND');
    const res = await change(cn, s.id, 'amend', amendmentOf(s.doc, 2));
    assert.equal(res.status, 202, res.body);
    const view = res.json<View>();
    assert.deepEqual([view.id, view.version, view.lifecycle], [s.id, 2, 'active']);
    assert.notEqual(view.messageId, s.messageId);
    const entry = await settled(cn, view.messageId, 'delivered');
    assert.equal(entry.orderKey, s.id);
    assert.equal((await cn.store.messages.getOutbound(view.messageId))?.kind, 'co.issued');
    assert.deepEqual(await receiptCodes(cn, view.messageId), { outcome: 'accepted', codes: [], severities: [] });
    const here = await cn.store.certificates.get(s.id);
    assert.deepEqual([here?.version, here?.messageId, here?.status], [2, view.messageId, 'delivered']);

    const there = await kr.store.certificates.findByNumber('CN', s.doc.header.number);
    assert.equal(there?.version, 2);
    assert.match(there.document, /Amendment 2/);
    assert.ok((await kr.store.audit.forSubject(there.id)).some((e) => e.action === 'certificate.amended'));
    for (const [n, id, token] of [[cn, s.id, 'issuer'], [kr, there.id, 'customs']] as const) {
      const versions = (await api(n, 'GET', `/api/v1/certificates/${id}/versions`, { token })).json<Versions>();
      assert.equal(versions.version, 2);
      assert.deepEqual(versions.versions.map((v) => [v.version, v.messageId, v.document.remarks ?? null]), [[1, s.messageId, null], [2, view.messageId, 'Amendment 2: consignee\'s address corrected.']]);
    }

    // And once more: version 3 follows version 2.
    const third = await change(cn, s.id, 'amend', amendmentOf(s.doc, 3));
    assert.equal(third.status, 202, third.body);
    await settled(cn, third.json<View>().messageId, 'delivered');
    assert.equal((await kr.store.certificates.get(there.id))?.version, 3);
  });

  it('answers the same version again with 200, and refuses a version that is not the next one or another number (422)', async () => {
    const s = await submit(cn, 'AMEND-CHECKS');
    const first = await change(cn, s.id, 'amend', amendmentOf(s.doc, 2));
    assert.equal(first.status, 202, first.body);
    await settled(cn, first.json<View>().messageId, 'delivered');
    const before_ = countRows(cn);
    const again = await change(cn, s.id, 'amend', amendmentOf(s.doc, 2));
    assert.deepEqual([again.status, again.json<View>().version], [200, 2]);
    const skip = await change(cn, s.id, 'amend', amendmentOf(s.doc, 4));
    assert.deepEqual([skip.status, skip.json().code], [422, 'certificate.amendment-version']);
    const same = await change(cn, s.id, 'amend', { ...amendmentOf(s.doc, 2), remarks: 'different' });
    assert.deepEqual([same.status, same.json().code], [422, 'certificate.amendment-version']);
    const renumbered = await change(cn, s.id, 'amend', amendmentOf(variant(s.doc, { number: fresh('AMEND-OTHER') }), 3));
    assert.deepEqual([renumbered.status, renumbered.json().code], [422, 'certificate.amendment-number-mismatch']);
    assert.deepEqual(countRows(cn), before_);
  });

  it('refuses to amend a cancelled certificate (409 certificate.already-cancelled) or a replaced one (409 certificate.already-replaced)', async () => {
    const cancelled = await submit(cn, 'AMEND-CANCELLED', { wait: false });
    assert.equal((await change(cn, cancelled.id, 'cancel', { reasonCode: 'ERR' })).status, 202);
    const a = await change(cn, cancelled.id, 'amend', amendmentOf(cancelled.doc, 2));
    assert.deepEqual([a.status, a.json().code], [409, 'certificate.already-cancelled']);
    const replaced = await submit(cn, 'AMEND-REPLACED', { wait: false });
    assert.equal((await change(cn, replaced.id, 'replace', replacementOf(replaced.doc, fresh('AMEND-REPLACED-NEW')))).status, 202);
    const b = await change(cn, replaced.id, 'amend', amendmentOf(replaced.doc, 2));
    assert.deepEqual([b.status, b.json().code], [409, 'certificate.already-replaced']);
  });

  it('the importing side refuses a changed document under a version it holds (exchange.certificate-exists), takes an earlier version again as a repeat, and refuses to amend a cancelled certificate', async () => {
    const s = await submit(cn, 'AMEND-KR');
    await settled(cn, (await change(cn, s.id, 'amend', amendmentOf(s.doc, 2))).json<View>().messageId, 'delivered');
    const changed = await pushAs(cn, kr, 'co.issued', { certificate: { ...amendmentOf(s.doc, 2), remarks: 'changed without a new version' } });
    assert.deepEqual([changed.outcome, changed.issues.map((i) => i.code)], ['rejected', ['exchange.certificate-exists']]);
    const lower = await pushAs(cn, kr, 'co.issued', { certificate: { ...s.doc, remarks: 'changed version 1' } });
    assert.deepEqual([lower.outcome, lower.issues.map((i) => i.code)], ['rejected', ['exchange.certificate-exists']]);
    assert.equal((await pushAs(cn, kr, 'co.issued', { certificate: s.doc })).outcome, 'accepted', 'version 1 again, as first received');
    assert.equal((await kr.store.certificates.findByNumber('CN', s.doc.header.number))?.version, 2);

    await settled(cn, (await change(cn, s.id, 'cancel', { reasonCode: 'ERR' })).json<View>().messageId, 'delivered');
    const late = await pushAs(cn, kr, 'co.issued', { certificate: amendmentOf(s.doc, 3) });
    assert.deepEqual([late.outcome, late.issues.map((i) => i.code)], ['rejected', ['exchange.already-cancelled']]);
  });
});

describe('lifecycle: amendment under a replacement-only profile', () => {
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

  it('refuses an amendment at the national API: 422 certificate.amendment-not-allowed, nothing stored', async () => {
    const s = await submit(cn, 'AMEND-NO');
    const before_ = countRows(cn);
    const res = await change(cn, s.id, 'amend', amendmentOf(s.doc, 2));
    assert.deepEqual([res.status, res.json().code], [422, 'certificate.amendment-not-allowed']);
    assert.deepEqual(countRows(cn), before_);
  });

  it('the importing side refuses a higher version its profile does not allow: exchange.amendment-not-allowed, version 1 kept', async () => {
    const s = await submit(cn, 'AMEND-NO-KR');
    const receipt = await pushAs(cn, kr, 'co.issued', { certificate: amendmentOf(s.doc, 2) });
    assert.deepEqual([receipt.outcome, receipt.issues.map((i) => [i.code, i.path])], ['rejected', [['exchange.amendment-not-allowed', '/payload/certificate/header/version']]]);
    const there = await kr.store.certificates.findByNumber('CN', s.doc.header.number);
    assert.equal(there?.version, 1);
    assert.equal((await kr.store.certificates.versions(there.id)).length, 1);
  });
});
