/**
 * End to end, China and Korea as separate gateway processes (lifecycle-network.ts): a retroactive
 * verification requested by Korea's customs, acknowledged by China's signed receipt, answered "not
 * confirmed" (once: a second answer is refused), with its effects on Korea's claims; then one
 * certificate's story, issued, claimed, utilised, verified and cancelled, read on both sides; a
 * request left unanswered becomes overdue on both sides once the reply date has passed (both
 * gateways restarted with their clocks moved on); both audit logs verify afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GatewayProcess } from '../demo/gateway-process.js';
import { runCommand } from '../test/run-command.js';
import { testCertificate } from './e2e-certificates.js';
import type { TestGateway } from './e2e-network.js';
import { change, claimNew, codes, delivered, issue, kimchiClaim, outboxSettled, summaryOf, terms, timeline, type Issued } from './lifecycle-calls.js';
import { replyDays, startLifecycleNetwork, type LifecycleNetwork } from './lifecycle-network.js';
import type { ClaimView, LifecycleView, UtilisationView, VerificationView } from './lifecycle-views.js';
import { startShifted } from './shifted-gateway.js';
import { waitFor } from './wait-for.js';

const day = 86_400_000;

describe('retroactive verification and the shared timeline between two gateway processes', { timeout: 180_000 }, () => {
  let ln: LifecycleNetwork;
  let cn: TestGateway;
  let kr: TestGateway;
  let verified: Issued;
  let request: VerificationView;
  let unanswered: VerificationView;
  const shifted: GatewayProcess[] = [];

  before(async () => {
    ln = await startLifecycleNetwork();
    ({ cn, kr } = ln);
  });
  after(async () => {
    await Promise.all(shifted.map((p) => p.stop()));
    await ln?.close();
  });

  const verification = (g: TestGateway, id: string) => g.api<VerificationView>('customs', `/api/v1/verifications/${id}`);
  const list = async (g: TestGateway, query: string) => (await g.api<{ items: VerificationView[] }>('customs', `/api/v1/verifications?${query}`)).items;
  /** China's copy of a request Korea sent, once China lists it as open. */
  const openAtChina = (requestId: string) => waitFor(`request ${requestId} open at CN`, async () => (await list(cn, 'direction=inbound&state=acknowledged')).find((v) => v.requestId === requestId));
  const ask = async (certificateId: string, body: Record<string, unknown> = {}) => {
    const res = await kr.apiCall('customs', '/api/v1/verifications', { body: { certificateId, reasons: [{ code: 'ORIGIN-DOUBT', text: 'Cabbage grown outside China?' }], ...body } });
    assert.equal(res.status, 201, res.raw.toString());
    return res.json as VerificationView;
  };

  it('requests a verification, which China acknowledges, lists and answers not confirmed; Korea flags the accepted claim for recovery of duties', async () => {
    verified = await issue(cn, kr, await testCertificate('VERIFY', 1));
    const accepted = await claimNew(kr, kimchiClaim(verified.number, 5_000));
    assert.equal(accepted.decision, 'accepted');
    await waitFor('the utilisation notice at CN', async () => ((await cn.api<UtilisationView>('issuer', `/api/v1/certificates/${verified.issuerId}/utilisation`)).notices.length === 1 ? true : undefined));

    request = await ask(verified.importerId, { itemNumbers: [1] });
    assert.deepEqual([request.state, request.direction, request.itemNumbers, request.overdue], ['requested', 'outbound', [1], false]);
    assert.equal(request.replyBy, new Date(Date.now() + replyDays * day).toISOString().slice(0, 10));
    const acknowledged = await waitFor('China\'s receipt', async () => {
      const v = await verification(kr, request.id);
      return v.state === 'acknowledged' ? v : undefined;
    });
    assert.equal(acknowledged.partnerReceipt?.outcome, 'accepted');
    const during = await claimNew(kr, kimchiClaim(verified.number, 1_000));
    assert.deepEqual([during.decision, codes(during)], ['manual-review', ['claim.under-verification']]);
    const inbound = await openAtChina(request.requestId);
    assert.deepEqual([inbound.certificateId, inbound.replyBy, (await summaryOf(cn, verified.issuerId)).verificationStatus], [verified.issuerId, request.replyBy, 'under-verification']);

    const answer = await cn.apiCall('issuer', `/api/v1/verifications/${inbound.id}/answer`, { body: { outcome: 'not-confirmed', findings: 'The producer bought the cabbage abroad.' } });
    assert.equal(answer.status, 200, answer.raw.toString());
    const answered1 = answer.json as VerificationView;
    assert.deepEqual([answered1.state, answered1.outcome], ['answered', 'not-confirmed']);
    const twice = await cn.apiCall('issuer', `/api/v1/verifications/${inbound.id}/answer`, { body: { outcome: 'confirmed', findings: 'On second thoughts.' } });
    assert.deepEqual([twice.status, (twice.json as { code: string }).code], [409, 'verification.already-answered']);

    await delivered(cn, answered1.responseMessageId ?? '');
    const answered = await verification(kr, request.id);
    assert.deepEqual([answered.outcome, answered.findings, answered.overdue], ['not-confirmed', 'The producer bought the cabbage abroad.', false]);
    assert.equal((await summaryOf(kr, verified.importerId)).verificationStatus, 'not-confirmed');
    const recovery = (await kr.api<{ items: ClaimView[] }>('customs', '/api/v1/claims?status=recovery-of-duties')).items;
    assert.deepEqual(recovery.map((c) => c.id), [accepted.id]);
    const refused = await claimNew(kr, kimchiClaim(verified.number, 1_000));
    assert.deepEqual([refused.decision, codes(refused)], ['rejected', ['claim.origin-not-confirmed']]);
    // China learns of the refusal too (a denied utilisation notice).
    await delivered(kr, refused.noticeMessageId ?? '');
  });

  it('tells one story of the certificate on both sides: issued, claimed, utilised, verified and cancelled', async () => {
    const res = await change(cn, verified.issuerId, 'cancel', { reasonCode: 'ORIGIN-NOT-CONFIRMED', reason: 'Withdrawn after verification.' });
    assert.equal(res.status, 202, res.raw.toString());
    await delivered(cn, (res.json as LifecycleView).messageId);
    assert.equal((await summaryOf(kr, verified.importerId)).lifecycle, 'cancelled');

    const atChina = await timeline(cn, verified.issuerId);
    assert.deepEqual(terms(atChina), ['issued', 'sent', 'delivered', 'utilised', 'verification-requested', 'verified', 'sent', 'delivered', 'refused', 'cancelled', 'sent', 'delivered']);
    assert.deepEqual(atChina.filter((e) => e.event === 'sent').map((e) => e.details['kind']), ['co.issued', 'verification.response', 'co.cancelled']);
    assert.equal(atChina.find((e) => e.event === 'utilised')?.actor, `partner:KR/${kr.gatewayId}`);

    const atKorea = await timeline(kr, verified.importerId);
    assert.deepEqual(terms(atKorea), ['received', 'claimed', 'sent', 'delivered', 'verification-requested', 'sent', 'delivered', 'claimed', 'verified', 'claim-flagged', 'claimed', 'sent', 'delivered', 'cancelled']);
    assert.deepEqual(atKorea.filter((e) => e.event === 'sent').map((e) => e.details['kind']), ['co.utilisation', 'verification.request', 'co.utilisation']);
    assert.equal(atKorea.find((e) => e.event === 'verified')?.details['outcome'], 'not-confirmed');
  });

  it('marks a request left unanswered overdue on both sides once its reply date has passed', async () => {
    const cert = await issue(cn, kr, await testCertificate('OVERDUE', 1));
    unanswered = await ask(cert.importerId);
    await waitFor('China\'s receipt', async () => ((await verification(kr, unanswered.id)).state === 'acknowledged' ? true : undefined));
    await openAtChina(unanswered.requestId);
    assert.deepEqual(await list(kr, 'overdue=true'), []);

    await Promise.all([outboxSettled(cn), outboxSettled(kr)]);
    assert.deepEqual(await Promise.all([cn.stop(), kr.stop()]), [0, 0]);
    shifted.push(...(await Promise.all([cn, kr].map((g) => startShifted(g, (replyDays + 2) * day)))));
    const overdueAtKorea = await list(kr, 'overdue=true');
    assert.deepEqual(overdueAtKorea.map((v) => [v.id, v.state, v.overdue]), [[unanswered.id, 'acknowledged', true]]);
    const overdueAtChina = await list(cn, 'direction=inbound&overdue=true');
    assert.deepEqual(overdueAtChina.map((v) => [v.requestId, v.overdue]), [[unanswered.requestId, true]]);
    // The answered request is past its date too, but not overdue.
    assert.equal((await verification(kr, request.id)).overdue, false);
    assert.deepEqual(await Promise.all(shifted.map((p) => p.stop())), [0, 0]);
  });

  it('leaves audit logs that verify on both sides', async () => {
    for (const g of [cn, kr]) {
      const run = await runCommand(['audit', 'verify', '--config', g.configPath]);
      assert.equal(run.code, 0, `${g.country}: ${run.out}${run.err}`);
      assert.match(run.out, /^audit log verifies: \d+ sealed row/);
    }
  });
});
