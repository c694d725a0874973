/**
 * The partner API (POST /partner/v1/messages) with messages built by hand with the protocol
 * package: the signed receipt and its digest, duplicates, every refusal code, what is stored for
 * each (nothing but a rejection-log row before verification; message, receipt and dedup key after),
 * and the bound on the rejection log. KR receives; CN is its pinned partner under ChKFTA only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMessage, decodeMessage, encodeMessage, generateSigningKey, createSigner, checkReceipt, publicJwk, sha256Digest, type PayloadOf, type ReceiptPayload, type SignedMessage, type Signer, type GatewayAddress, type MessageKind } from '@originlink/protocol';
import type { Repositories, Store } from '@originlink/store';
import { countRows, sample, variant, type SampleDocument, type TableCounts } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';

describe('partner API', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let kimchi: SampleDocument;
  let serial = 0;

  before(async () => {
    net = await createNetwork([
      { country: 'CN', profiles: ['chkfta-certificate'] },
      { country: 'KR', profiles: ['chkfta-certificate', 'rcep-certificate'] },
    ]);
    cn = net.node('CN');
    kr = net.node('KR');
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  const fresh = () => variant(kimchi, { number: `PARTNER-${String(++serial).padStart(4, '0')}` });

  interface MessageOptions { signer?: Signer; sender?: GatewayAddress; receiver?: GatewayAddress; agreement?: string; datasetVersion?: string; now?: number }
  function message<K extends MessageKind>(kind: K, payload: PayloadOf<K>, options: MessageOptions = {}): SignedMessage<PayloadOf<K>> {
    return createMessage({
      kind,
      sender: options.sender ?? cn.self,
      receiver: options.receiver ?? kr.self,
      agreement: options.agreement ?? 'CHKFTA',
      datasetVersion: options.datasetVersion ?? '1.1.0',
      payload,
      now: options.now ?? kr.clock(),
    }, options.signer ?? cn.signer);
  }
  const issued = (doc: unknown, options: MessageOptions = {}) => message('co.issued', { certificate: doc as Record<string, unknown> }, options);

  const post = async (body: Uint8Array | string) => {
    const res = await kr.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: Buffer.from(body), headers: { 'content-type': 'application/json' } });
    return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, body: res.body };
  };

  /** Decodes KR's answer as CN would: a receipt signed with KR's key, about `sent`'s bytes. */
  function receiptOf(answer: { status: number; raw: Buffer; body: string }, sent: Uint8Array, sentId: string, as: GatewayAddress = cn.self): ReceiptPayload {
    assert.equal(answer.status, 200, answer.body);
    const decoded = decodeMessage(answer.raw, {
      self: as,
      keysOf: (s) => (s.country === 'KR' && s.gateway === kr.self.gateway ? [{ kid: kr.key.kid, alg: kr.key.alg, jwk: publicJwk(kr.key) }] : undefined),
      allowedAlgorithms: ['ES256', 'EdDSA'],
      now: kr.clock(),
      maxAgeMs: 60_000,
      maxFutureSkewMs: 60_000,
      supportedDatasetVersions: ['1.0.0', '1.1.0', '9.9.9'],
      expectKind: 'receipt',
    });
    assert.ok(decoded.ok, decoded.ok ? '' : `${decoded.code}: ${decoded.detail}`);
    const checked = checkReceipt(decoded.message, { messageId: sentId, sentDigest: sha256Digest(sent), partner: kr.self });
    assert.ok(checked.ok, checked.ok ? '' : checked.detail);
    return checked.payload;
  }
  const codes = (r: ReceiptPayload) => r.issues.map((i) => i.code);

  it('accepts a valid certificate and answers a signed receipt carrying the digest of the exact bytes received', async () => {
    const doc = fresh();
    const m = issued(doc);
    // Pretty-printed: the digest must be of these bytes, not of a re-encoding.
    const raw = Buffer.from(JSON.stringify(JSON.parse(encodeMessage(m).toString('utf8')), null, 2), 'utf8');
    const before_ = countRows(kr);
    const receipt = receiptOf(await post(raw), raw, m.envelope.id);
    assert.equal(receipt.outcome, 'accepted');
    assert.deepEqual(receipt.issues, []);
    assert.equal(receipt.receivedDigest, sha256Digest(raw));
    assert.notEqual(receipt.receivedDigest, sha256Digest(encodeMessage(m)));

    const cert = await kr.store.certificates.findByNumber('CN', doc.header.number);
    assert.equal(cert?.direction, 'inbound');
    assert.equal(cert?.status, 'received');
    assert.equal(cert?.messageId, m.envelope.id);
    const stored = await kr.store.messages.get('in', 'CN', cn.self.gateway, m.envelope.id);
    assert.deepEqual(Buffer.from(stored!.raw), raw);
    assert.equal(stored?.certificateId, cert?.id);
    assert.ok(await kr.store.dedup.find('CN', cn.self.gateway, m.envelope.id));
    const counts = countRows(kr);
    for (const t of ['certificates', 'messages', 'receipts', 'dedup_keys'] as const) assert.equal(counts[t], before_[t] + 1, t);
    assert.equal(counts.rejections, before_.rejections);
  });

  it('answers the same message again with the byte-identical receipt and stores nothing more', async () => {
    const m = issued(fresh());
    const raw = encodeMessage(m);
    const first = await post(raw);
    assert.equal(receiptOf(first, raw, m.envelope.id).outcome, 'accepted');
    const afterFirst = countRows(kr);
    const second = await post(raw);
    assert.equal(second.status, 200);
    assert.deepEqual(second.raw, first.raw);
    assert.deepEqual(countRows(kr), afterFirst);
  });

  it('answers 10 concurrent copies of one message with one receipt and stores it once', async () => {
    const m = issued(fresh());
    const raw = encodeMessage(m);
    const before_ = countRows(kr);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(raw)));
    assert.ok(answers.every((a) => a.status === 200), answers.map((a) => a.body).join('\n'));
    assert.equal(new Set(answers.map((a) => a.raw.toString('base64'))).size, 1);
    assert.equal(receiptOf(answers[0]!, raw, m.envelope.id).outcome, 'accepted');
    const counts = countRows(kr);
    for (const t of ['certificates', 'messages', 'receipts', 'dedup_keys'] as const) assert.equal(counts[t], before_[t] + 1, t);
  });

  it('accepts the same certificate under a new message id without storing a second copy', async () => {
    const doc = fresh();
    const first = issued(doc);
    assert.equal(receiptOf(await post(encodeMessage(first)), encodeMessage(first), first.envelope.id).outcome, 'accepted');
    const again = issued(structuredClone(doc));
    const before_ = countRows(kr);
    assert.equal(receiptOf(await post(encodeMessage(again)), encodeMessage(again), again.envelope.id).outcome, 'accepted');
    const counts = countRows(kr);
    assert.equal(counts.certificates, before_.certificates);
    assert.equal(counts.messages, before_.messages + 1);
  });

  it('accepts 5 concurrent messages carrying the same new certificate and stores it once', async () => {
    const doc = fresh();
    const messages = Array.from({ length: 5 }, () => issued(structuredClone(doc)));
    const before_ = countRows(kr);
    const answers = await Promise.all(messages.map((m) => post(encodeMessage(m))));
    answers.forEach((a, i) => assert.equal(receiptOf(a, encodeMessage(messages[i]!), messages[i]!.envelope.id).outcome, 'accepted'));
    const counts = countRows(kr);
    assert.equal(counts.certificates, before_.certificates + 1);
    assert.equal(counts.messages, before_.messages + 5);
    const cert = await kr.store.certificates.findByNumber('CN', doc.header.number);
    for (const m of messages) assert.equal((await kr.store.messages.get('in', 'CN', cn.self.gateway, m.envelope.id))?.certificateId, cert?.id);
  });

  it('rejects a different certificate under a number already received with exchange.certificate-exists', async () => {
    const doc = fresh();
    const first = issued(doc);
    await post(encodeMessage(first));
    const changed = issued(variant(doc, { number: doc.header.number, exporterName: 'Changed Exporter Ltd.' }));
    const receipt = receiptOf(await post(encodeMessage(changed)), encodeMessage(changed), changed.envelope.id);
    assert.equal(receipt.outcome, 'rejected');
    assert.deepEqual(codes(receipt), ['exchange.certificate-exists']);
  });

  describe('refusals before verification store nothing but one rejection-log row', () => {
    const outsider = createSigner(generateSigningKey('EdDSA'));
    const cases: { name: string; code: string; build: () => Uint8Array; as?: GatewayAddress }[] = [
      {
        name: 'a payload altered after signing',
        code: 'protocol.digest-mismatch',
        build: () => {
          const wire = JSON.parse(encodeMessage(issued(fresh())).toString('utf8')) as { payload: { certificate: SampleDocument } };
          wire.payload.certificate.exporter.name = 'Forged Exporter Ltd.';
          return Buffer.from(JSON.stringify(wire));
        },
      },
      { name: 'a message signed by a key that is not pinned (other kid)', code: 'protocol.unknown-key', build: () => encodeMessage(issued(fresh(), { signer: outsider })) },
      {
        name: 'a message signed by another key under the pinned kid',
        code: 'protocol.bad-signature',
        build: () => encodeMessage(issued(fresh(), { signer: createSigner(generateSigningKey('EdDSA', cn.key.kid)) })),
      },
      { name: 'a message from a gateway that is not a partner', code: 'protocol.unknown-sender', as: { country: 'TH', gateway: 'th-gw-1' }, build: () => encodeMessage(issued(fresh(), { sender: { country: 'TH', gateway: 'th-gw-1' }, signer: outsider })) },
      { name: 'a message from another gateway of the partner country', code: 'protocol.unknown-sender', as: { country: 'CN', gateway: 'cn-gw-2' }, build: () => encodeMessage(issued(fresh(), { sender: { country: 'CN', gateway: 'cn-gw-2' } })) },
      { name: 'a message addressed to another gateway', code: 'protocol.wrong-receiver', build: () => encodeMessage(issued(fresh(), { receiver: { country: 'KR', gateway: 'kr-gw-2' } })) },
      { name: 'a message older than inbound.maxMessageAge (a replay)', code: 'protocol.too-old', build: () => encodeMessage(issued(fresh(), { now: kr.clock() - kr.config.inbound.maxMessageAgeMs - 60_000 })) },
      { name: 'a message from further ahead than the allowed clock skew', code: 'protocol.from-future', build: () => encodeMessage(issued(fresh(), { now: kr.clock() + kr.config.inbound.maxFutureSkewMs + 60_000 })) },
      { name: 'a message in an unsupported dataset version', code: 'protocol.unsupported-version', build: () => encodeMessage(issued(fresh(), { datasetVersion: '9.9.9' })) },
    ];
    for (const c of cases) {
      it(`refuses ${c.name} with ${c.code}`, async () => {
        const raw = c.build();
        const id = (JSON.parse(Buffer.from(raw).toString('utf8')) as { envelope: { id: string } }).envelope.id;
        const before_ = countRows(kr);
        const receipt = receiptOf(await post(raw), raw, id, c.as);
        assert.equal(receipt.outcome, 'rejected');
        assert.deepEqual(codes(receipt), [c.code]);
        const counts = countRows(kr);
        assert.deepEqual({ ...counts, rejections: 0 }, { ...before_, rejections: 0 });
        assert.equal(counts.rejections, before_.rejections + 1);
        const [logged] = await kr.store.rejections.recent(1);
        assert.equal(logged?.code, c.code);
        assert.equal(logged?.claimedMessageId, id);
        assert.equal(logged?.size, raw.byteLength);
      });
    }

    it('refuses an agreement not configured with that partner with protocol.agreement-not-in-force, and takes the same message once the partner is pinned for it', async () => {
      // RCEP is configured on KR, but CN is pinned under ChKFTA only.
      const rcep = await sample('rcep-co-kr-id-polymers-cr-dmi.json');
      Object.assign(rcep.header, { issuingCountry: 'CN', importingCountry: 'KR', number: 'PARTNER-RCEP-1' });
      const m = issued(rcep, { agreement: 'RCEP' });
      const raw = encodeMessage(m);
      const before_ = countRows(kr);
      const refused = receiptOf(await post(raw), raw, m.envelope.id);
      assert.equal(refused.outcome, 'rejected');
      assert.deepEqual(codes(refused), ['protocol.agreement-not-in-force']);
      const counts = countRows(kr);
      assert.deepEqual({ ...counts, rejections: 0 }, { ...before_, rejections: 0 });
      assert.equal(counts.rejections, before_.rejections + 1);

      // The operator adds RCEP for CN: the sender's retry of the same bytes is now accepted.
      const row = (await kr.store.partners.get('CN'))!;
      await kr.store.partners.upsert({ ...row, agreements: ['CHKFTA', 'RCEP'] });
      await kr.gateway.context.partners.refresh(true);
      try {
        const accepted = receiptOf(await post(raw), raw, m.envelope.id);
        assert.equal(accepted.outcome, 'accepted', JSON.stringify(accepted.issues));
        assert.equal((await kr.store.certificates.findByNumber('CN', 'PARTNER-RCEP-1'))?.agreement, 'RCEP');
      } finally {
        await kr.store.partners.upsert(row);
        await kr.gateway.context.partners.refresh(true);
      }
    });

    it('refuses an agreement this gateway has no profile for with protocol.agreement-not-in-force', async () => {
      const m = issued(fresh(), { agreement: 'ATIGA' });
      const raw = encodeMessage(m);
      const before_ = countRows(kr);
      assert.deepEqual(codes(receiptOf(await post(raw), raw, m.envelope.id)), ['protocol.agreement-not-in-force']);
      assert.equal(countRows(kr).messages, before_.messages);
    });

    it('answers a body that is not JSON with a 400 message.unreadable problem', async () => {
      const before_ = countRows(kr);
      const res = await post('this is not json');
      assert.equal(res.status, 400, res.body);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const body = JSON.parse(res.body) as { code: string; protocolCode: string };
      assert.equal(body.code, 'message.unreadable');
      assert.equal(body.protocolCode, 'protocol.malformed');
      const counts = countRows(kr);
      assert.deepEqual({ ...counts, rejections: 0 }, { ...before_, rejections: 0 });
      assert.equal(counts.rejections, before_.rejections + 1);
    });

    it('answers JSON that is not an envelope with a 400 message.unreadable problem', async () => {
      const res = await post(JSON.stringify({ hello: 'world' }));
      assert.equal(res.status, 400, res.body);
      assert.equal((JSON.parse(res.body) as { code: string }).code, 'message.unreadable');
    });
  });

  describe('verified messages refused for a business reason are stored with the signed rejection', () => {
    const assertStoredRejection = async (m: SignedMessage, expected: readonly string[]) => {
      const raw = encodeMessage(m);
      const before_: TableCounts = countRows(kr);
      const answer = await post(raw);
      const receipt = receiptOf(answer, raw, m.envelope.id);
      assert.equal(receipt.outcome, 'rejected');
      const counts = countRows(kr);
      assert.equal(counts.certificates, before_.certificates);
      assert.equal(counts.messages, before_.messages + 1);
      assert.equal(counts.receipts, before_.receipts + 1);
      assert.equal(counts.dedup_keys, before_.dedup_keys + 1);
      assert.equal(counts.rejections, before_.rejections);
      const stored = await kr.store.messages.get('in', 'CN', cn.self.gateway, m.envelope.id);
      assert.equal(stored?.certificateId, null);
      // The duplicate gets the same rejection.
      assert.deepEqual((await post(raw)).raw, answer.raw);
      for (const code of expected) assert.ok(codes(receipt).includes(code), `${code} in ${codes(receipt).join(', ')}`);
      return receipt;
    };

    it('rejects an invalid certificate with the dataset codes at pointers under /payload/certificate', async () => {
      const doc = fresh();
      Reflect.deleteProperty(doc.exporter, 'name');
      doc.goodsItems[1]!.hsCode = '999999';
      const receipt = await assertStoredRejection(issued(doc), ['structure.required', 'codelist.hs-subheading']);
      const found = receipt.issues.map((i) => `${i.code} ${i.path}`);
      assert.ok(found.includes('structure.required /payload/certificate/exporter/name'), found.join('\n'));
      assert.ok(found.includes('codelist.hs-subheading /payload/certificate/goodsItems/1/hsCode'), found.join('\n'));
      assert.ok(receipt.issues.every((i) => i.path.startsWith('/payload/certificate/')));
    });

    it('rejects a certificate whose issuer is not the sender with exchange.issuer-mismatch', async () => {
      const doc = await sample('chkfta-kr-cn-cosmetics-air-within-grace.json');
      const receipt = await assertStoredRejection(issued(doc), ['exchange.issuer-mismatch', 'exchange.not-for-receiver']);
      assert.ok(receipt.issues.some((i) => i.code === 'exchange.issuer-mismatch' && i.path === '/payload/certificate/header/issuingCountry'));
    });

    it('rejects a kind this gateway does not handle with protocol.kind-not-supported', async () => {
      // A pull request belongs on /partner/v1/pull, not among pushed messages.
      const m = message('pull.request', { certificateNumber: 'PARTNER-0001', issuingCountry: 'CN' });
      await assertStoredRejection(m, ['protocol.kind-not-supported']);
    });
  });

  it('keeps the rejection log bounded by inbound.rejectionLogSize, newest kept', async () => {
    const small = await createNetwork([
      { country: 'CN', profiles: ['chkfta-certificate'] },
      { country: 'KR', profiles: ['chkfta-certificate'], overrides: { inbound: { rejectionLogSize: 5 } } },
    ]);
    try {
      const receiver = small.node('KR');
      let last = '';
      for (let i = 0; i < 12; i++) {
        const m = createMessage({ kind: 'co.issued', sender: small.node('CN').self, receiver: { country: 'KR', gateway: 'kr-gw-9' }, agreement: 'CHKFTA', datasetVersion: '1.1.0', payload: { certificate: {} }, now: receiver.clock() }, small.node('CN').signer);
        last = m.envelope.id;
        const res = await receiver.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: encodeMessage(m), headers: { 'content-type': 'application/json' } });
        assert.equal(res.statusCode, 200);
      }
      assert.equal(countRows(receiver).rejections, 5);
      assert.equal((await receiver.store.rejections.recent(1))[0]?.claimedMessageId, last);
    } finally {
      await small.close();
    }
  });

  it('commits many concurrent messages in fewer transactions than messages, a conflicting unit failing alone', async () => {
    let transactions = 0;
    const counting = (store: Store): Store => new Proxy(store, {
      get(target, property) {
        if (property === 'transaction') {
          return <T>(fn: (tx: Repositories) => Promise<T>) => {
            transactions++;
            return target.transaction(fn);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const group = await createNetwork([
      { country: 'CN', profiles: ['chkfta-certificate'] },
      { country: 'KR', profiles: ['chkfta-certificate'], wrapStore: counting },
    ]);
    try {
      const [sender, receiver] = [group.node('CN'), group.node('KR')];
      // 30 certificates, and 3 more messages repeating the first one: their inserts conflict in the group.
      const docs = Array.from({ length: 30 }, (_, i) => variant(kimchi, { number: `GROUP-${String(i).padStart(3, '0')}` }));
      const messages = [...docs, docs[0]!, docs[0]!, docs[0]!].map((doc) => createMessage({ kind: 'co.issued', sender: sender.self, receiver: receiver.self, agreement: 'CHKFTA', datasetVersion: '1.1.0', payload: { certificate: doc }, now: receiver.clock() }, sender.signer));
      transactions = 0;
      // Requests that arrive together (in one turn of the event loop) share a commit.
      const answers = await Promise.all(messages.map((m) => receiver.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: encodeMessage(m), headers: { 'content-type': 'application/json' } })));
      const outcomes = answers.map((a) => (a.statusCode === 200 ? (JSON.parse(a.body) as { payload: ReceiptPayload }).payload.outcome : `HTTP ${a.statusCode}`));
      assert.deepEqual(outcomes, Array<string>(33).fill('accepted'));
      const counts = countRows(receiver);
      assert.equal(counts.certificates, 30);
      assert.equal(counts.messages, 33);
      assert.ok(transactions <= 10, `${transactions} transactions for 33 messages`);
      const metrics = await receiver.gateway.context.metrics.registry.getSingleMetricAsString('originlink_commit_group_size');
      const groups = Number(/^originlink_commit_group_size_count (\d+)$/m.exec(metrics)?.[1]);
      const units = Number(/^originlink_commit_group_size_sum (\d+)$/m.exec(metrics)?.[1]);
      assert.ok(units >= 33 && groups < units, `${units} units in ${groups} groups`);
    } finally {
      await group.close();
    }
  });
});
