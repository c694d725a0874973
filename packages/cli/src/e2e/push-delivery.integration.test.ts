/**
 * End to end, two gateway processes over HTTP on loopback (China -> Korea, ChKFTA), each with its
 * own SQLite file: a submitted certificate is delivered and acknowledged with a signed receipt the
 * sender keeps as evidence; a replay gets the original receipt; an invalid certificate goes nowhere.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkReceipt, sha256Digest } from '@originlink/protocol';
import { brokenSample } from '../demo/demo-samples.js';
import type { CertificateView, Deliveries, Problem, Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { allCertificates, settled } from './national-queries.js';
import { address, encodeMessage, gatewaySigner, issuedMessage, openReceipt, postMessage, publishedKeys } from './partner-wire.js';
import { readStore } from './stopped-store.js';

describe('push delivery between two gateway processes', { timeout: 120_000 }, () => {
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;
  let delivered: Submission;
  let brokenNumber: string;
  /** What China stored for the delivered certificate: the bytes it sent and Korea's receipt. */
  let evidence: { sent: Uint8Array; receipt: Uint8Array };
  const acceptedAtKorea: string[] = [];

  before(async () => {
    net = await startNetwork({ countries: ['CN', 'KR'] });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(() => net?.close());

  it('delivers a submitted certificate, which the partner stores once and acknowledges with an accepted receipt', async () => {
    const doc = await testCertificate('DLV', 1);
    const res = await cn.apiCall('issuer', '/api/v1/certificates', { body: doc });
    assert.equal(res.status, 202, res.raw.toString());
    delivered = res.json as Submission;
    assert.equal(delivered.status, 'pending');

    const view = await settled(cn, delivered.id);
    assert.equal(view.certificate.status, 'delivered');
    assert.equal(view.delivery?.state, 'delivered');
    assert.equal(view.receipt?.outcome, 'accepted');
    assert.deepEqual(view.receipt?.issues, []);

    const received = await allCertificates(kr, 'inbound', doc.header.number);
    assert.equal(received.length, 1);
    assert.equal(received[0]?.messageId, delivered.messageId);
    assert.equal(received[0]?.status, 'received');
    const atKorea = await kr.api<CertificateView & { document: unknown }>('customs', `/api/v1/certificates/${received[0]?.id}`);
    const atChina = await cn.api<CertificateView & { document: unknown }>('issuer', `/api/v1/certificates/${delivered.id}`);
    assert.deepEqual(atKorea.document, atChina.document);
    // Korea's record of the receipt it issued is the one China holds.
    assert.equal(atKorea.receipt?.receiptId, view.receipt?.receiptId);
    acceptedAtKorea.push(delivered.messageId);
  });

  it('refuses an invalid certificate at the national API with every issue listed, and stores and sends nothing', async () => {
    const broken = brokenSample({ file: 'e2e', document: await testCertificate('BAD', 1) }).document;
    brokenNumber = broken.header.number;
    const before = await cn.api<Deliveries>('admin', '/api/v1/deliveries');

    const res = await cn.apiCall('issuer', '/api/v1/certificates', { body: broken });
    assert.equal(res.status, 422);
    const problem = res.json as Problem;
    assert.equal(problem.code, 'certificate.invalid');
    const issues = (problem.issues ?? []).filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`).sort();
    assert.deepEqual(issues, ['codelist.hs-subheading /goodsItems/0/hsCode', 'structure.required /exporter/name']);

    assert.deepEqual(await allCertificates(cn, 'outbound', brokenNumber), []);
    const afterwards = await cn.api<Deliveries>('admin', '/api/v1/deliveries');
    assert.deepEqual(afterwards.depth, before.depth);
    assert.deepEqual(afterwards.items.map((d) => d.messageId), before.items.map((d) => d.messageId));
    // Give a (wrongly) queued message the time to arrive before concluding Korea got nothing.
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await allCertificates(kr, 'inbound', brokenNumber), []);
  });

  it('keeps the partner\'s receipt as evidence: it verifies with the partner\'s published key and acknowledges the exact bytes sent', async () => {
    const krKeys = await publishedKeys(kr);
    const cnKeys = await publishedKeys(cn);
    assert.equal(await cn.stop(), 0, cn.output());
    evidence = await readStore(cn.databasePath, async (store) => {
      const sent = await store.messages.getOutbound(delivered.messageId);
      const receipt = await store.receipts.getReceived(delivered.messageId);
      assert.ok(sent && receipt, 'China stored the message it sent and the receipt it got');
      assert.equal(await store.messages.count('out'), 1, 'the invalid certificate produced no message');
      assert.equal(await store.certificates.findByNumber('CN', brokenNumber), undefined);
      return { sent: sent.raw, receipt: receipt.raw };
    });

    const receipt = openReceipt(evidence.receipt, krKeys, address(kr), address(cn));
    const checked = checkReceipt(receipt, { messageId: delivered.messageId, sentDigest: sha256Digest(evidence.sent), partner: address(kr) });
    assert.ok(checked.ok, checked.ok ? '' : checked.detail);
    assert.equal(checked.payload.outcome, 'accepted');
    // The check is not vacuous: China's own key does not verify Korea's receipt.
    assert.throws(() => openReceipt(evidence.receipt, cnKeys, address(kr), address(cn)), /protocol\.(unknown-key|bad-signature)/);
  });

  it('answers a replay of the exact bytes delivered with the original receipt, byte for byte, and stores nothing new', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await postMessage(kr, Buffer.from(evidence.sent));
      assert.equal(res.status, 200);
      assert.ok(res.raw.equals(Buffer.from(evidence.receipt)), `replay ${i + 1}: the receipt differs from the original`);
    }
    assert.equal((await allCertificates(kr, 'inbound', delivered.number)).length, 1);
  });

  it('stores a message sent twice at the same time once, and answers both copies with the same receipt', async () => {
    const doc = await testCertificate('TWICE', 1);
    const message = issuedMessage({ signer: await gatewaySigner(cn), from: address(cn), to: address(kr), certificate: doc });
    const bytes = encodeMessage(message);
    const [first, second] = await Promise.all([postMessage(kr, bytes), postMessage(kr, bytes)]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.ok(first.raw.equals(second.raw), 'both copies get the same receipt bytes');
    const receipt = openReceipt(first.raw, await publishedKeys(kr), address(kr), address(cn));
    assert.equal(receipt.payload.outcome, 'accepted');
    assert.equal(receipt.payload.receivedDigest, sha256Digest(bytes));
    assert.equal((await allCertificates(kr, 'inbound', doc.header.number)).length, 1);
    acceptedAtKorea.push(message.envelope.id);
  });

  it('holds exactly the accepted messages in the receiver\'s database, each with its dedup key', async () => {
    assert.equal(await kr.stop(), 0, kr.output());
    await readStore(kr.databasePath, async (store) => {
      assert.equal(await store.messages.count('in'), acceptedAtKorea.length);
      for (const id of acceptedAtKorea) {
        assert.ok(await store.dedup.find('CN', cn.gatewayId, id), `dedup key for ${id}`);
        assert.ok(await store.receipts.getIssued('CN', cn.gatewayId, id), `issued receipt for ${id}`);
      }
      assert.equal(await store.certificates.findByNumber('CN', brokenNumber), undefined);
    });
  });
});
