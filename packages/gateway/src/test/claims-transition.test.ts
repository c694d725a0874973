/**
 * Claims on certificates not received: the transition period (manual review before the profile's
 * cut-over date, rejection from it on), the automatic pull when the profile asks for one (the
 * certificate is pulled from the issuing gateway and the claim decided on it, with claim.pulled),
 * the agreement of a claim (named, or inferred from the partner's only agreement), and
 * declarations of origin (RCEP, type 862), matched as certificates are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findProfile, type Profile } from '@originlink/dataset';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';
import { claimOk, codes, declaration, deliver, postClaim, used, type ClaimBody } from './claims-fixtures.js';
import type { ClaimView } from '../workflows/claims/claim-view.js';

/** ChKFTA with its lifecycle changed (a cut-over still ahead, say). */
function chkfta(lifecycle: Partial<Profile['lifecycle']>): Profile {
  const base = findProfile('chkfta-certificate');
  assert.ok(base);
  return { ...structuredClone(base), lifecycle: { ...base.lifecycle, ...lifecycle } };
}

const kimchiClaim = (number: string, over: Partial<ClaimBody> = {}): ClaimBody => ({
  certificateNumber: number, issuingCountry: 'CN', declarationReference: declaration(), declarationDate: '2026-11-20', importer: { name: 'Hansang Food Service' },
  items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity: 500, unitCode: 'KGM' }], ...over,
});

describe('claims during a transition period (cut-over 2027-01-01, no automatic pull)', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let kimchi: SampleDocument;

  before(async () => {
    const profile = chkfta({ transition: { cutOverDate: '2027-01-01' }, pull: { verificationCode: false, autoPullOnClaim: false } });
    net = await createNetwork([{ country: 'CN', profiles: [profile] }, { country: 'KR', profiles: [profile] }]);
    [cn, kr] = [net.node('CN'), net.node('KR')];
    // CN listens (it could answer a pull) but does not deliver: its certificates stay at CN.
    await cn.listen();
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  it('sends a claim on a certificate not received to manual review before the cut-over, without pulling it', async () => {
    const doc = variant(kimchi, { number: 'TRANS-0001' });
    assert.equal((await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc })).status, 202);
    const claim = await claimOk(kr, kimchiClaim(doc.header.number, { declarationDate: '2026-12-31' }));
    assert.deepEqual([claim.decision, claim.status, codes(claim), claim.reasons[0]?.effect], ['manual-review', 'review', ['claim.certificate-not-received'], 'review']);
    assert.deepEqual([claim.reasons[0]?.params['beforeCutOver'], claim.reasons[0]?.params['cutOverDate'], claim.reasons[0]?.params['pullError']], [true, '2027-01-01', undefined]);
    assert.match(claim.reasons[0]?.message ?? '', /paper certificate/);
    assert.equal(await kr.store.certificates.findByNumber('CN', doc.header.number), undefined, 'not pulled: the profile does not ask for it');
  });

  it('rejects it from the cut-over date on', async () => {
    const claim = await claimOk(kr, kimchiClaim('TRANS-0002', { declarationDate: '2027-01-01' }));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.effect, claim.reasons[0]?.params['beforeCutOver']], ['rejected', ['claim.certificate-not-received'], 'reject', false]);
  });

  it('lets an officer accept the paper certificate during the transition', async () => {
    const claim = await claimOk(kr, kimchiClaim('TRANS-0003', { declarationDate: '2026-12-01' }));
    const res = await api(kr, 'POST', `/api/v1/claims/${claim.id}/decision`, { token: 'customs', body: { decision: 'accepted', note: 'paper certificate TRANS-0003 presented and checked' } });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual([res.json<ClaimView>().decision, res.json<ClaimView>().status, res.json<ClaimView>().noticeMessageId], ['accepted', 'decided', null]);
  });

  it('infers the agreement from the partner\'s only agreement, and refuses one not configured with the issuing country', async () => {
    const res = await postClaim(kr, kimchiClaim('TRANS-0004', { agreement: 'RCEP' }));
    assert.equal(res.status, 422, res.body);
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'claim.agreement-unknown');
    const named = await claimOk(kr, kimchiClaim('TRANS-0004', { agreement: 'CHKFTA', declarationDate: '2026-12-01' }));
    assert.equal(named.reasons[0]?.params['agreement'], 'CHKFTA');
  });
});

describe('claims that pull the certificate (ChKFTA and RCEP: autoPullOnClaim)', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let kimchi: SampleDocument;

  before(async () => {
    net = await createNetwork([{ country: 'CN', profiles: ['chkfta-certificate', 'rcep-certificate'] }, { country: 'KR', profiles: ['chkfta-certificate', 'rcep-certificate'] }]);
    [cn, kr] = [net.node('CN'), net.node('KR')];
    await cn.listen();
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  it('pulls a certificate not received, notes claim.pulled and decides the claim on the pulled data', async () => {
    const doc = variant(kimchi, { number: 'PULL-0001' });
    assert.equal((await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc })).status, 202);
    const claim = await claimOk(kr, kimchiClaim(doc.header.number, { agreement: 'CHKFTA' }));
    assert.deepEqual([claim.decision, codes(claim), claim.reasons[0]?.effect], ['accepted', ['claim.pulled'], 'info']);
    const row = await kr.store.certificates.findByNumber('CN', doc.header.number);
    assert.equal(row?.source, 'pull');
    assert.equal(claim.certificateId, row.id);
    assert.deepEqual(await used(kr, row.id), { 1: 500_000_000, 2: 0 });
  });

  it('keeps the pull\'s failure in the reason when the issuing side does not have the certificate', async () => {
    const claim = await claimOk(kr, kimchiClaim('PULL-NEVER-ISSUED', { agreement: 'CHKFTA' }));
    assert.deepEqual([claim.decision, codes(claim)], ['rejected', ['claim.certificate-not-received']]);
    assert.equal(typeof claim.reasons[0]?.params['pullError'], 'string');
    assert.match(claim.reasons[0]?.message ?? '', /the pull failed/);
  });

  it('answers 422 claim.agreement-unknown when the issuing country is a partner under several agreements and the claim names none', async () => {
    const res = await postClaim(kr, kimchiClaim('PULL-0002'));
    assert.equal(res.status, 422, res.body);
    const problem = JSON.parse(res.body) as { code: string; detail: string };
    assert.equal(problem.code, 'claim.agreement-unknown');
    assert.match(problem.detail, /CHKFTA/);
    assert.match(problem.detail, /RCEP/);
  });
});

describe('claims on declarations of origin (RCEP, type 862)', () => {
  let net: TestNetwork;
  let th: TestNode;
  let kr: TestNode;
  let tuna: SampleDocument;

  before(async () => {
    net = await createNetwork([{ country: 'TH', profiles: ['rcep-declaration'] }, { country: 'KR', profiles: ['rcep-declaration'] }]);
    [th, kr] = [net.node('TH'), net.node('KR')];
    await kr.start();
    await th.start();
    tuna = await sample('rcep-do-th-kr-tuna-registered-producer.json');
  });
  after(() => net.close());

  const claim = (number: string, over: Partial<ClaimBody> = {}): ClaimBody => ({
    certificateNumber: number, issuingCountry: 'TH', declarationReference: declaration(), declarationDate: '2026-11-20', importer: { id: '125-81-12345' },
    items: [{ line: 1, hsCode: '1604149000', quantity: 30600, unitCode: 'KGM', invoiceNumber: 'SKT-KR-2606-02' }], ...over,
  });

  it('matches a claim to a declaration of origin as to a certificate, and consumes its quantity', async () => {
    const doc = variant(tuna, { number: 'DO-0001' });
    const row = await deliver(th, kr, doc);
    assert.equal(row.typeCode, '862');
    const first = await claimOk(kr, claim(doc.header.number));
    assert.deepEqual([first.decision, first.items[0]?.itemNumber, first.items[0]?.matchedBy], ['accepted', 1, 'hsCode']);
    const second = await claimOk(kr, claim(doc.header.number, { items: [{ line: 1, hsCode: '160414', quantity: 1, unitCode: 'KGM' }] }));
    assert.deepEqual([second.decision, codes(second)], ['rejected', ['claim.quantity-exceeded']]);
    assert.deepEqual(await used(kr, row.id), { 1: 30_600_000_000 });
  });

  it('rejects a claim on a declaration of origin whose importer identifier differs', async () => {
    const doc = variant(tuna, { number: 'DO-0002' });
    await deliver(th, kr, doc);
    const c = await claimOk(kr, claim(doc.header.number, { importer: { id: '999-99-99999' } }));
    assert.deepEqual([c.decision, codes(c)], ['rejected', ['claim.importer-mismatch']]);
  });

  it('infers RCEP for a declaration not received (the partner\'s only agreement)', async () => {
    const c = await claimOk(kr, claim('DO-NEVER-MADE'));
    assert.deepEqual([c.decision, codes(c), c.reasons[0]?.params['agreement']], ['rejected', ['claim.certificate-not-received'], 'RCEP']);
  });
});
