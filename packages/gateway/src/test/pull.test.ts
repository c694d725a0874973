/**
 * The Pull model between gateways on loopback: PH pulls ATIGA certificates TH issued (TH listens
 * but does not push: its dispatcher is not started), MY is a third partner. Found, already here, not
 * found (unknown, or addressed to another country: the same answer), cancelled, the verification
 * code (a ChKFTA profile changed to require one), refused requests (unsigned, tampered, unknown key,
 * wrong kind), the per-partner rate limit, and answers PH must not trust (from a fake partner).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { findProfile, type Profile } from '@originlink/dataset';
import { createMessage, createSigner, decodeMessage, encodeMessage, generateSigningKey, type PayloadOf, type SignedMessage } from '@originlink/protocol';
import { api, countRows, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, pin, type TestNetwork, type TestNode } from './test-network.js';

interface PullResult { found: boolean; stored?: boolean; certificateId?: string; messageId?: string | null; reason?: string; code?: string }

describe('pull model', () => {
  let net: TestNetwork;
  let th: TestNode;
  let ph: TestNode;
  let my: TestNode;
  let rice: SampleDocument;
  let autoParts: SampleDocument;
  let serial = 0;

  before(async () => {
    net = await createNetwork([
      { country: 'TH', profiles: ['atiga-form-d'] },
      { country: 'PH', profiles: ['atiga-form-d'] },
      { country: 'MY', profiles: ['atiga-form-d'] },
    ]);
    [th, ph, my] = [net.node('TH'), net.node('PH'), net.node('MY')];
    await th.listen();
    rice = await sample('atiga-d-th-ph-rice-three-items.json');
    autoParts = await sample('atiga-d-th-my-auto-parts-12-items.json');
  });
  after(() => net.close());

  /** Submits at TH (queued, never pushed: TH's dispatcher is not running). */
  async function issue(doc: SampleDocument = variant(rice, { number: `TH-PULL-${String(++serial).padStart(4, '0')}` })): Promise<{ number: string; id: string }> {
    const res = await api(th, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 202, res.body);
    return { number: doc.header.number, id: res.json<{ id: string }>().id };
  }
  const pull = async (number: string, extra: Record<string, unknown> = {}, node: TestNode = ph, issuingCountry = 'TH') => {
    const res = await api(node, 'POST', '/api/v1/pulls', { token: 'customs', body: { certificateNumber: number, issuingCountry, ...extra } });
    return { status: res.status, body: res.json<PullResult>(), headers: res.headers };
  };
  /** A pull.request built by hand, as `from` would send it to TH. */
  const request = (from: TestNode, number: string, signer = from.signer) =>
    createMessage({ kind: 'pull.request', sender: from.self, receiver: th.self, agreement: 'ATIGA', datasetVersion: '1.1.0', payload: { certificateNumber: number, issuingCountry: 'TH' }, now: th.clock() }, signer);
  const postPull = async (body: Uint8Array | string) => {
    const res = await th.gateway.app.inject({ method: 'POST', url: '/partner/v1/pull', payload: Buffer.from(body), headers: { 'content-type': 'application/json' } });
    return { status: res.statusCode, body: res.body, headers: res.headers };
  };

  it('pulls a certificate that was not pushed, and stores it with source pull and the signed answer as evidence', async () => {
    const cert = await issue();
    const res = await pull(cert.number);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.found, true);
    assert.equal(res.body.stored, true);
    const row = await ph.store.certificates.get(res.body.certificateId!);
    assert.equal(row?.source, 'pull');
    assert.equal(row?.direction, 'inbound');
    assert.equal(row?.number, cert.number);
    assert.equal(row?.messageId, res.body.messageId);

    const messages = await ph.store.messages.listForCertificate(row.id);
    const response = messages.find((m) => m.direction === 'in' && m.kind === 'pull.response');
    const sent = messages.find((m) => m.direction === 'out' && m.kind === 'pull.request');
    assert.ok(response && sent);
    assert.equal(response.refersTo, sent.id);
    // The stored bytes still verify with TH's key: evidence, not a copy of the data.
    const decoded = decodeMessage(response.raw, { self: ph.self, keysOf: (s) => ph.gateway.context.partners.keysOf(s), allowedAlgorithms: ['EdDSA'], now: ph.clock(), maxAgeMs: 60_000, maxFutureSkewMs: 60_000, supportedDatasetVersions: ['1.1.0'], expectKind: 'pull.response' });
    assert.ok(decoded.ok);
    assert.ok((await ph.store.audit.forSubject(row.id)).some((e) => e.action === 'certificate.pulled'));
    // The exporting side keeps the request and its answer, and audits it on the certificate.
    const thMessages = await th.store.messages.listForCertificate(cert.id);
    assert.ok(thMessages.some((m) => m.kind === 'pull.request' && m.id === sent.id));
    assert.ok(thMessages.some((m) => m.kind === 'pull.response' && m.id === response.id));
    assert.ok((await th.store.audit.forSubject(cert.id)).some((e) => e.action === 'pull.answered'));
  });

  it('returns a certificate already here without asking the partner', async () => {
    const cert = await issue();
    const first = await pull(cert.number);
    assert.equal(first.status, 201);
    const thBefore = countRows(th);
    const again = await pull(cert.number);
    assert.equal(again.status, 200);
    assert.deepEqual({ found: again.body.found, stored: again.body.stored, certificateId: again.body.certificateId }, { found: true, stored: false, certificateId: first.body.certificateId });
    assert.equal(countRows(th).messages, thBefore.messages);
  });

  it('answers the same reason for an unknown number and for a certificate addressed to another country', async () => {
    const toMy = await issue(variant(autoParts, { number: `TH-PULL-MY-${++serial}` }));
    const before_ = countRows(ph);
    const unknown = await pull('TH-NO-SUCH-NUMBER');
    const elsewhere = await pull(toMy.number);
    assert.equal(unknown.status, 200);
    assert.deepEqual([unknown.body.found, unknown.body.reason], [false, 'exchange.pull-not-found']);
    assert.deepEqual([elsewhere.body.found, elsewhere.body.reason], [false, 'exchange.pull-not-found']);
    assert.equal(countRows(ph).certificates, before_.certificates);
    // MY, the addressee, gets it.
    assert.equal((await pull(toMy.number, {}, my)).status, 201);
  });

  it('does not hand out a cancelled certificate', async () => {
    const cert = await issue();
    await th.store.certificates.setLifecycle(cert.id, { lifecycle: 'cancelled', cancelReason: 'test' }, th.clock());
    const res = await pull(cert.number);
    assert.deepEqual([res.status, res.body.found, res.body.reason], [200, false, 'exchange.pull-cancelled']);
  });

  it('refuses unsigned, tampered, unknown-key and wrong-kind requests without answering them', async () => {
    const cert = await issue();
    const before_ = countRows(th);
    const m = request(ph, cert.number);
    const tampered = JSON.parse(encodeMessage(m).toString('utf8')) as SignedMessage<PayloadOf<'pull.request'>>;
    tampered.payload.certificateNumber = `${cert.number}-X`;
    const unsigned = { envelope: m.envelope, payload: m.payload };
    const strangerKey = request(ph, cert.number, createSigner(generateSigningKey('EdDSA')));
    const wrongKind = createMessage({ kind: 'co.cancelled', sender: ph.self, receiver: th.self, agreement: 'ATIGA', datasetVersion: '1.1.0', payload: { certificateNumber: cert.number, issuingCountry: 'TH', reasonCode: 'X', cancelledAt: new Date(th.clock()).toISOString() }, now: th.clock() }, ph.signer);
    const answers = {
      tampered: await postPull(JSON.stringify(tampered)),
      unsigned: await postPull(JSON.stringify(unsigned)),
      strangerKey: await postPull(encodeMessage(strangerKey)),
      wrongKind: await postPull(encodeMessage(wrongKind)),
    };
    const summary = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, [a.status, (JSON.parse(a.body) as { code: string; protocolCode?: string }).code, (JSON.parse(a.body) as { protocolCode?: string }).protocolCode]]));
    assert.deepEqual(summary, {
      tampered: [401, 'pull.request-not-verified', 'protocol.digest-mismatch'],
      unsigned: [400, 'message.unreadable', 'protocol.malformed'],
      strangerKey: [401, 'pull.request-not-verified', 'protocol.unknown-key'],
      wrongKind: [400, 'message.unreadable', 'protocol.unexpected-kind'],
    });
    const counts = countRows(th);
    assert.equal(counts.messages, before_.messages);
    assert.equal(counts.rejections, before_.rejections + 4);
    // The genuine request still works.
    const genuine = await postPull(encodeMessage(m));
    assert.equal(genuine.status, 200);
    assert.equal((JSON.parse(genuine.body) as SignedMessage<PayloadOf<'pull.response'>>).payload.found, true);
    // Replayed: answered, but not with the certificate again.
    const replay = JSON.parse((await postPull(encodeMessage(m))).body) as SignedMessage<PayloadOf<'pull.response'>>;
    assert.deepEqual(replay.payload, { found: false, reason: 'exchange.pull-duplicate-request' });
  });

  it('limits each partner to bursts of 20 pulls, with Retry-After, without affecting other partners', async () => {
    const cert = await issue(variant(autoParts, { number: `TH-PULL-RATE-${++serial}` }));
    const answers = await Promise.all(Array.from({ length: 40 }, () => postPull(encodeMessage(request(my, cert.number)))));
    const limited = answers.filter((a) => a.status === 429);
    const answered = answers.filter((a) => a.status === 200).length;
    assert.equal(answered + limited.length, 40, 'every request is answered or limited');
    // MY's bucket holds at most 20 (less when the tests before drew on it) and refills 5 a second:
    // a burst of 40 gets no more than 20 answers plus the refill while it lasts.
    assert.ok(limited.length >= 15, `only ${limited.length} of 40 limited`);
    assert.ok(answered >= 1 && answered <= 25, `${answered} of 40 answered`);
    assert.equal((JSON.parse(limited[0]!.body) as { code: string }).code, 'partner.rate-limited');
    assert.ok(Number(limited[0]!.headers['retry-after']) >= 1);
    assert.equal((await postPull(encodeMessage(request(ph, 'TH-ANY')))).status, 200);
  });

  describe('answers PH must not trust (a fake TH gateway)', () => {
    let fake: Server;
    let answer: (req: SignedMessage<PayloadOf<'pull.request'>>) => { status: number; body: string | Buffer; headers?: Record<string, string> };
    before(async () => {
      fake = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const a = answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SignedMessage<PayloadOf<'pull.request'>>);
          res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(a.body);
        });
      });
      await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
      await pin(ph, th, ['ATIGA'], `http://127.0.0.1:${(fake.address() as AddressInfo).port}`);
    });
    after(async () => {
      await pin(ph, th, ['ATIGA']);
      await new Promise((r) => fake.close(r));
    });

    const respond = (req: SignedMessage<PayloadOf<'pull.request'>>, payload: PayloadOf<'pull.response'>, options: { signer?: TestNode; refersTo?: string } = {}) => {
      const signer = options.signer ?? th;
      return encodeMessage(createMessage({ kind: 'pull.response', sender: signer.self, receiver: ph.self, agreement: 'ATIGA', datasetVersion: '1.1.0', payload, refersTo: options.refersTo ?? req.envelope.id, now: ph.clock() }, signer.signer));
    };

    it('refuses an answer to another request, signed by another partner, or for another certificate, and stores nothing', async () => {
      const doc = variant(rice, { number: `TH-PULL-FAKE-${++serial}` });
      const before_ = countRows(ph);
      answer = (req) => ({ status: 200, body: respond(req, { found: true, certificate: doc as unknown as Record<string, unknown> }, { refersTo: '00000000-0000-4000-8000-000000000000' }) });
      const otherRequest = await pull(doc.header.number);
      answer = (req) => ({ status: 200, body: respond(req, { found: true, certificate: doc as unknown as Record<string, unknown> }, { signer: my }) });
      const otherSigner = await pull(doc.header.number);
      answer = (req) => ({ status: 200, body: respond(req, { found: true, certificate: doc as unknown as Record<string, unknown> }) });
      const otherNumber = await pull(`${doc.header.number}-OTHER`);
      const invalid = variant(rice, { number: doc.header.number, hsCode: 'not-a-code' });
      answer = (req) => ({ status: 200, body: respond(req, { found: true, certificate: invalid as unknown as Record<string, unknown> }) });
      const invalidDoc = await pull(doc.header.number);
      assert.deepEqual(
        [otherRequest, otherSigner, otherNumber, invalidDoc].map((r) => [r.status, r.body.code]),
        [[502, 'pull.response-invalid'], [502, 'pull.response-invalid'], [502, 'pull.certificate-invalid'], [502, 'pull.certificate-invalid']],
      );
      assert.equal(countRows(ph).certificates, before_.certificates);
      assert.equal(countRows(ph).messages, before_.messages);
    });

    it('passes the partner\'s rate limit on as a 429 with its Retry-After', async () => {
      answer = () => ({ status: 429, body: JSON.stringify({ code: 'partner.rate-limited' }), headers: { 'retry-after': '7' } });
      const res = await pull('TH-ANY-NUMBER');
      assert.equal(res.status, 429);
      assert.equal(res.body.code, 'partner.rate-limited');
      assert.equal(res.headers['retry-after'], '7');
    });
  });
});

describe('pull with a verification code (ChKFTA profile changed to require one)', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let kimchi: SampleDocument;

  before(async () => {
    const base = findProfile('chkfta-certificate')!;
    const profile: Profile = { ...base, lifecycle: { ...base.lifecycle, pull: { verificationCode: true, autoPullOnClaim: false } } };
    net = await createNetwork([{ country: 'CN', profiles: [profile] }, { country: 'KR', profiles: [profile] }]);
    [cn, kr] = [net.node('CN'), net.node('KR')];
    await cn.listen();
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  it('hands out the certificate only for the code printed on it', async () => {
    const doc = variant(kimchi, { number: 'K2642VC0001' });
    doc.header['verificationCode'] = 'VC-7Q2X9';
    assert.equal((await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc })).status, 202);
    const pull = async (extra: Record<string, unknown>) => (await api(kr, 'POST', '/api/v1/pulls', { token: 'customs', body: { certificateNumber: 'K2642VC0001', issuingCountry: 'CN', ...extra } })).json<PullResult>();
    const missing = await pull({});
    assert.deepEqual([missing.found, missing.reason], [false, 'exchange.pull-verification-code-required']);
    assert.equal((await pull({ verificationCode: 'VC-7Q2X8' })).reason, 'exchange.pull-verification-code-mismatch');
    assert.equal((await pull({ verificationCode: 'VC-7Q2X' })).reason, 'exchange.pull-verification-code-mismatch');
    const found = await pull({ verificationCode: 'VC-7Q2X9' });
    assert.equal(found.found, true);
    assert.equal(found.stored, true);
  });
});
