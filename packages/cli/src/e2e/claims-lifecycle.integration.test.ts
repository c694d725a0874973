/**
 * End to end, China and Korea as separate gateway processes (lifecycle-network.ts): preference
 * claims with partial utilisation and the utilisation notices back to the issuer, the transition
 * period, replacement, cancellation, amendment (allowed under the custom ChKFTA profile, refused
 * under RCEP), illegal transitions, a declaration of origin claimed, the registered-exporter lookup,
 * pulls and the automatic pull on a claim; lifecycle messages are kept as signed evidence, replays
 * get the original receipt, and both audit logs verify afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkReceipt, sha256Digest, verifyStatement } from '@originlink/protocol';
import { amendmentOf, declarationExporter, declarationOfOrigin, replacementOf } from '../demo/demo-documents.js';
import { runCommand } from '../test/run-command.js';
import { runTag, testCertificate } from './e2e-certificates.js';
import type { TestGateway } from './e2e-network.js';
import { call } from './http-call.js';
import { change, claimNew, codes, declarationRef, deliveryOf, delivered, issue, kimchiClaim, outboxSettled, postClaim, put, receivedAt, submit, summaryOf, terms, timeline, type Issued } from './lifecycle-calls.js';
import { cutOverDate, startLifecycleNetwork, type LifecycleNetwork } from './lifecycle-network.js';
import type { ClaimView, LifecycleView, PullResult, UtilisationView } from './lifecycle-views.js';
import { address, openReceipt, postMessage, publishedKeys } from './partner-wire.js';
import { readStore } from './stopped-store.js';
import { waitFor } from './wait-for.js';

describe('claims and the certificate lifecycle between two gateway processes', { timeout: 240_000 }, () => {
  let ln: LifecycleNetwork;
  let cn: TestGateway;
  let kr: TestGateway;
  let utilised: Issued;
  let cancelled: { cert: Issued; messageId: string };
  let replaced: Issued;

  before(async () => {
    // A long backoff: a push that failed while Korea was down is not retried before Korea pulls it.
    ln = await startLifecycleNetwork({ delivery: { initialBackoff: '40s', maxBackoff: '40s' } });
    ({ cn, kr } = ln);
  });
  after(() => ln?.close());

  const problemCode = (res: { json: unknown }) => (res.json as { code?: string }).code;

  it('accepts two claims that each use part of a certificate item and refuses a third that exceeds what remains', async () => {
    utilised = await issue(cn, kr, await testCertificate('UTIL', 1));
    const first = await claimNew(kr, kimchiClaim(utilised.number, 12_000));
    assert.deepEqual([first.decision, first.status, codes(first), first.items[0]?.quantity], ['accepted', 'decided', [], 12_000]);
    const second = await claimNew(kr, kimchiClaim(utilised.number, 8_000));
    assert.equal(second.decision, 'accepted', JSON.stringify(second.reasons));
    const third = await claimNew(kr, kimchiClaim(utilised.number, 5_000));
    assert.deepEqual([third.decision, codes(third)], ['rejected', ['claim.quantity-exceeded']]);
    assert.deepEqual(third.reasons[0]?.params, { itemNumber: 1, claimed: 5_000, unitCode: 'KGM', remaining: 1_000, total: 21_000 });

    // The same declaration again gets the first decision, and consumes nothing more.
    const again = await postClaim(kr, kimchiClaim(utilised.number, 12_000, { declarationReference: first.declarationReference }));
    assert.deepEqual([again.status, again.claim.id, again.claim.decision], [200, first.id, 'accepted']);
  });

  it('reports every decision back to the issuing side, which shows where and how much of its certificate was used', async () => {
    const view = await waitFor('three utilisation notices at CN', async () => {
      const v = await cn.api<UtilisationView>('issuer', `/api/v1/certificates/${utilised.issuerId}/utilisation`);
      return v.notices.length >= 3 ? v : undefined;
    });
    assert.deepEqual(view.used, [{ itemNumber: 1, quantity: 20_000, unitCode: 'KGM' }]);
    assert.deepEqual(view.notices.map((n) => [n.partnerCountry, n.decision, n.items.map((i) => `${i.itemNumber}:${i.quantity ?? '-'}:${i.decision}:${i.reasonCodes.join('+')}`).join()]).sort(), [
      ['KR', 'denied', '1:5000:denied:claim.quantity-exceeded'],
      ['KR', 'granted', '1:12000:granted:'],
      ['KR', 'granted', '1:8000:granted:'],
    ]);
    const events = await timeline(cn, utilised.issuerId);
    assert.deepEqual(terms(events).slice(0, 3), ['issued', 'sent', 'delivered']);
    assert.deepEqual(terms(events).slice(3).sort(), ['refused', 'utilised', 'utilised']);
    for (const e of events.slice(3)) assert.equal(e.actor, `partner:KR/${kr.gatewayId}`, 'learned from Korea\'s signed notices');

    // Each notice was a signed message Korea delivered and China acknowledged.
    const claims = (await kr.api<{ items: ClaimView[] }>('customs', `/api/v1/claims?certificateId=${utilised.importerId}`)).items;
    assert.equal(claims.length, 3);
    for (const c of claims) {
      assert.ok(c.noticeMessageId, `claim ${c.declarationReference} has its notice`);
      assert.equal((await delivered(kr, c.noticeMessageId)).state, 'delivered');
    }
  });

  it('sends a claim on a certificate never received to manual review before the transition cut-over, and rejects it from then on', async () => {
    const number = `E2E-${runTag}-NEVER-1`;
    const during = await claimNew(kr, kimchiClaim(number, 100, { declarationDate: '2026-12-15' }));
    assert.deepEqual([during.decision, during.status, codes(during), during.reasons[0]?.effect], ['manual-review', 'review', ['claim.certificate-not-received'], 'review']);
    assert.deepEqual([during.reasons[0]?.params['beforeCutOver'], during.reasons[0]?.params['cutOverDate']], [true, cutOverDate]);
    // The profile asks for an automatic pull first: China answered that it has no such certificate.
    assert.match(String(during.reasons[0]?.params['pullError']), /exchange\.pull-not-found/);
    const afterwards = await claimNew(kr, kimchiClaim(number, 100, { declarationDate: '2027-01-05' }));
    assert.deepEqual([afterwards.decision, codes(afterwards), afterwards.reasons[0]?.effect, afterwards.reasons[0]?.params['beforeCutOver']], ['rejected', ['claim.certificate-not-received'], 'reject', false]);
  });

  it('replaces a certificate: Korea links the old one to the new one and refuses claims on the old one, naming the replacement', async () => {
    replaced = await issue(cn, kr, await testCertificate('REPL', 1));
    const newNumber = `E2E-${runTag}-REPL-2`;
    const res = await change(cn, replaced.issuerId, 'replace', replacementOf(replaced.doc, newNumber));
    assert.equal(res.status, 202, res.raw.toString());
    const replacement = res.json as LifecycleView;
    assert.deepEqual([replacement.number, replacement.lifecycle, replacement.replacesId], [newNumber, 'active', replaced.issuerId]);
    await delivered(cn, replacement.messageId);

    const krNew = await receivedAt(kr, newNumber);
    const krOld = await summaryOf(kr, replaced.importerId);
    assert.deepEqual([krOld.lifecycle, krOld.replacedById, krNew.replacesId], ['replaced', krNew.id, krOld.id]);
    assert.deepEqual([(await summaryOf(cn, replaced.issuerId)).lifecycle, (await summaryOf(cn, replaced.issuerId)).replacedById], ['replaced', replacement.id]);

    const onOld = await claimNew(kr, kimchiClaim(replaced.number, 100));
    assert.deepEqual([onOld.decision, codes(onOld), onOld.reasons[0]?.params['replacementNumber']], ['rejected', ['claim.replaced'], newNumber]);
    assert.equal((await claimNew(kr, kimchiClaim(newNumber, 100))).decision, 'accepted');
    // The same replacement again is answered as done, and sends nothing.
    const again = await change(cn, replaced.issuerId, 'replace', replacementOf(replaced.doc, newNumber));
    assert.deepEqual([again.status, (again.json as LifecycleView).messageId], [200, replacement.messageId]);
  });

  it('cancels a certificate: Korea refuses claims on it and flags the claim it had accepted for post-clearance review', async () => {
    const cert = await issue(cn, kr, await testCertificate('CANC', 1));
    const accepted = await claimNew(kr, kimchiClaim(cert.number, 1_000));
    assert.equal(accepted.decision, 'accepted');
    const res = await change(cn, cert.issuerId, 'cancel', { reasonCode: 'ISSUED-IN-ERROR', reason: 'Wrong consignee.' });
    assert.equal(res.status, 202, res.raw.toString());
    const view = res.json as LifecycleView;
    assert.equal(view.lifecycle, 'cancelled');
    await delivered(cn, view.messageId);
    cancelled = { cert, messageId: view.messageId };

    const atKorea = await summaryOf(kr, cert.importerId);
    assert.deepEqual([atKorea.lifecycle, atKorea.cancelReason], ['cancelled', 'ISSUED-IN-ERROR: Wrong consignee.']);
    const refused = await claimNew(kr, kimchiClaim(cert.number, 1_000));
    assert.deepEqual([refused.decision, codes(refused)], ['rejected', ['claim.cancelled']]);
    const flagged = (await kr.api<{ items: ClaimView[] }>('customs', '/api/v1/claims?status=post-clearance-review')).items;
    assert.deepEqual(flagged.map((c) => [c.id, c.status]), [[accepted.id, 'post-clearance-review']]);
    // Then the refused claim (and the notice of its refusal, sent to China).
    const krTerms = terms(await timeline(kr, cert.importerId));
    assert.deepEqual(krTerms.slice(krTerms.indexOf('cancelled'), krTerms.indexOf('cancelled') + 4), ['cancelled', 'claim-flagged', 'claimed', 'sent']);
  });

  it('refuses illegal transitions with 409 and their codes, and queues nothing', async () => {
    const before = (await cn.api<{ items: unknown[] }>('admin', '/api/v1/deliveries?limit=500')).items.length;
    const { cert } = cancelled;
    const replaceCancelled = await change(cn, cert.issuerId, 'replace', replacementOf(cert.doc, `E2E-${runTag}-CANC-2`));
    assert.deepEqual([replaceCancelled.status, problemCode(replaceCancelled)], [409, 'certificate.already-cancelled']);
    const cancelTwice = await change(cn, cert.issuerId, 'cancel', { reasonCode: 'AGAIN' });
    assert.deepEqual([cancelTwice.status, problemCode(cancelTwice)], [409, 'certificate.already-cancelled']);
    const amendCancelled = await change(cn, cert.issuerId, 'amend', amendmentOf(cert.doc, 2));
    assert.deepEqual([amendCancelled.status, problemCode(amendCancelled)], [409, 'certificate.already-cancelled']);
    const cancelReplaced = await change(cn, replaced.issuerId, 'cancel', { reasonCode: 'ERR' });
    assert.deepEqual([cancelReplaced.status, problemCode(cancelReplaced)], [409, 'certificate.already-replaced']);
    const cancelReceived = await change(kr, cert.importerId, 'cancel', { reasonCode: 'ERR' });
    assert.deepEqual([cancelReceived.status, problemCode(cancelReceived)], [409, 'certificate.not-issued-here']);
    assert.equal((await cn.api<{ items: unknown[] }>('admin', '/api/v1/deliveries?limit=500')).items.length, before);
  });

  it('amends a certificate where the profile allows it: Korea keeps both versions and the latest is current', async () => {
    const cert = await issue(cn, kr, await testCertificate('AMEND', 1));
    const v2 = amendmentOf(cert.doc, 2);
    const res = await change(cn, cert.issuerId, 'amend', v2);
    assert.equal(res.status, 202, res.raw.toString());
    const view = res.json as LifecycleView;
    assert.deepEqual([view.number, view.version], [cert.number, 2]);
    await delivered(cn, view.messageId);

    const versions = await kr.api<{ version: number; versions: { version: number; document: { remarks?: string } }[] }>('customs', `/api/v1/certificates/${cert.importerId}/versions`);
    assert.deepEqual([versions.version, versions.versions.map((v) => v.version)], [2, [1, 2]]);
    assert.equal(versions.versions[1]?.document.remarks, v2['remarks']);
    assert.ok(terms(await timeline(kr, cert.importerId)).includes('amended'));
    const skipped = await change(cn, cert.issuerId, 'amend', amendmentOf(cert.doc, 4));
    assert.deepEqual([skipped.status, problemCode(skipped)], [422, 'certificate.amendment-version']);
  });

  it('exchanges a declaration of origin (RCEP, 862) like a certificate, matches a claim to it, and refuses its amendment (replacement only)', async () => {
    const declaration = await issue(cn, kr, await declarationOfOrigin(`E2E-${runTag}-DO-1`));
    assert.equal((await summaryOf(kr, declaration.importerId)).typeCode, '862');
    const sent = (await timeline(cn, declaration.issuerId)).find((e) => e.event === 'sent');
    assert.equal(sent?.details['kind'], 'declaration.issued');
    const c = await claimNew(kr, {
      certificateNumber: declaration.number, issuingCountry: 'CN', agreement: 'RCEP', declarationReference: declarationRef('DO'), declarationDate: '2026-11-20',
      importer: { name: 'Pyeongtaek Seafood Distribution' }, items: [{ line: 1, hsCode: '1604149000', quantity: 10_000, unitCode: 'KGM', invoiceNumber: 'SKT-KR-2606-02' }],
    });
    assert.deepEqual([c.decision, c.items[0]?.itemNumber], ['accepted', 1], JSON.stringify(c.reasons));
    const amend = await change(cn, declaration.issuerId, 'amend', amendmentOf(declaration.doc, 2));
    assert.deepEqual([amend.status, problemCode(amend)], [422, 'certificate.amendment-not-allowed']);
  });

  it('answers whether the declaration\'s exporter is registered with a statement Korea verifies with China\'s pinned key', async () => {
    const registered = await put(cn, 'issuer', `/api/v1/exporters/${declarationExporter}`, { name: 'Zhoushan Ocean Canning Co., Ltd.', authorisationType: 'registered', validFrom: '2026-01-01', status: 'active' });
    assert.equal(registered.status, 200, JSON.stringify(registered.json));
    type Lookup = { statement: Record<string, unknown>; kid: string; token: string };
    const known = await kr.api<Lookup>('customs', `/api/v1/exporters/CN/${declarationExporter}?date=2026-06-08`);
    assert.deepEqual([known.statement['registered'], known.statement['name'], known.statement['authorisationType'], known.statement['issuer']], [true, 'Zhoushan Ocean Canning Co., Ltd.', 'registered', { country: 'CN', gateway: cn.gatewayId }]);
    const before = await kr.api<Lookup>('customs', `/api/v1/exporters/CN/${declarationExporter}?date=2025-12-31`);
    assert.equal(before.statement['registered'], false, 'not valid before its registration');
    assert.equal((await kr.api<Lookup>('customs', '/api/v1/exporters/CN/CN-RE-0000000000?date=2026-06-08')).statement['registered'], false);

    // On the wire: a compact JWS that verifies with China's published key, and with no other.
    const wire = await call(cn.url, `/partner/v1/exporters/${declarationExporter}?date=2026-06-08`);
    assert.equal(wire.status, 200);
    const verified = verifyStatement(wire.raw.toString(), await publishedKeys(cn), { allowedAlgorithms: ['ES256', 'EdDSA'], at: Date.now() });
    assert.ok(verified.ok && verified.payload['registered'] === true, JSON.stringify(verified));
    assert.equal(verifyStatement(known.token, await publishedKeys(kr), { allowedAlgorithms: ['ES256', 'EdDSA'], at: Date.now() }).ok, false);
  });

  it('pulls certificates whose push failed while Korea was down, on request and automatically on a claim', async () => {
    await outboxSettled(cn);
    assert.equal(await kr.stop(), 0, kr.output());
    const [toPull, toClaim, toCancel] = [await submit(cn, await testCertificate('PULL', 1)), await submit(cn, await testCertificate('PULL', 2)), await submit(cn, await testCertificate('PULL', 3))];
    const cancel = await change(cn, toCancel.id, 'cancel', { reasonCode: 'WITHDRAWN' });
    assert.equal(cancel.status, 202, cancel.raw.toString());
    // Each push was tried once and failed; the next try is at least 20 s away.
    await waitFor('a failed first attempt per push', async () => {
      const entries = await Promise.all([toPull, toClaim, toCancel].map((s) => deliveryOf(cn, s.messageId)));
      return entries.every((e) => e?.state === 'pending' && e.attempts >= 1) ? true : undefined;
    });
    await kr.start();

    const pulled = await kr.apiCall('customs', '/api/v1/pulls', { body: { certificateNumber: toPull.number, issuingCountry: 'CN' } });
    assert.equal(pulled.status, 201, pulled.raw.toString());
    const result = pulled.json as PullResult;
    assert.deepEqual([result.found, result.stored, typeof result.messageId], [true, true, 'string']);
    const row = await summaryOf(kr, result.certificateId ?? '');
    assert.deepEqual([row.number, row.source, row.direction], [toPull.number, 'pull', 'inbound']);
    const again = await kr.apiCall('customs', '/api/v1/pulls', { body: { certificateNumber: toPull.number, issuingCountry: 'CN' } });
    assert.deepEqual([again.status, (again.json as PullResult).stored, (again.json as PullResult).certificateId], [200, false, result.certificateId]);
    const unknown = await kr.api<PullResult>('customs', '/api/v1/pulls', { certificateNumber: `E2E-${runTag}-NEVER-2`, issuingCountry: 'CN' });
    assert.deepEqual([unknown.found, unknown.reason], [false, 'exchange.pull-not-found']);
    const withdrawn = await kr.api<PullResult>('customs', '/api/v1/pulls', { certificateNumber: toCancel.number, issuingCountry: 'CN' });
    assert.deepEqual([withdrawn.found, withdrawn.reason], [false, 'exchange.pull-cancelled']);
    assert.ok((await timeline(cn, toPull.id)).some((e) => e.event === 'sent' && e.action === 'pull.answered'), 'China\'s timeline shows the certificate sent in answer to the pull');

    const claimed = await claimNew(kr, kimchiClaim(toClaim.number, 500));
    assert.deepEqual([claimed.decision, codes(claimed)], ['accepted', ['claim.pulled']]);
    assert.equal((await summaryOf(kr, claimed.certificateId ?? '')).source, 'pull');
    for (const s of [toPull, toClaim]) assert.equal((await deliveryOf(cn, s.messageId))?.state, 'pending', `${s.number}: the pull came before China's next try`);
  });

  it('keeps lifecycle messages as signed evidence: Korea\'s receipt for the cancellation verifies, and a replay gets it byte for byte', async () => {
    const krKeys = await publishedKeys(kr);
    await outboxSettled(kr);
    assert.equal(await cn.stop(), 0, cn.output());
    const evidence = await readStore(cn.databasePath, async (store) => {
      const sent = await store.messages.getOutbound(cancelled.messageId);
      const receipt = await store.receipts.getReceived(cancelled.messageId);
      assert.ok(sent && receipt, 'China kept the co.cancelled it sent and Korea\'s receipt');
      assert.equal(sent.kind, 'co.cancelled');
      return { sent: sent.raw, receipt: receipt.raw };
    });
    const receipt = openReceipt(evidence.receipt, krKeys, address(kr), address(cn));
    const checked = checkReceipt(receipt, { messageId: cancelled.messageId, sentDigest: sha256Digest(evidence.sent), partner: address(kr) });
    assert.ok(checked.ok && checked.payload.outcome === 'accepted', JSON.stringify(checked));
    const replay = await postMessage(kr, Buffer.from(evidence.sent));
    assert.equal(replay.status, 200);
    assert.ok(replay.raw.equals(Buffer.from(evidence.receipt)), 'the replay gets the original receipt');
    assert.equal((await summaryOf(kr, cancelled.cert.importerId)).lifecycle, 'cancelled');
  });

  it('leaves audit logs that verify on both sides, and the used quantities in Korea\'s database', async () => {
    assert.equal(await kr.stop(), 0, kr.output());
    await readStore(kr.databasePath, async (store) => {
      const items = await store.certificates.items(utilised.importerId);
      assert.deepEqual(items.map((i) => [i.itemNumber, i.usedMicro]), [[1, 20_000_000_000], [2, 0]]);
    });
    for (const g of [cn, kr]) {
      const run = await runCommand(['audit', 'verify', '--config', g.configPath]);
      assert.equal(run.code, 0, `${g.country}: ${run.out}${run.err}`);
      assert.match(run.out, /^audit log verifies: \d+ sealed row/);
    }
  });
});
