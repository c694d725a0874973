/**
 * End to end, the receiving side's checks (Korea's gateway process, China pinned as its partner):
 * messages that are tampered with, signed with a key Korea never pinned, from an unknown sender,
 * for another receiver, or older than inbound.maxMessageAge are refused with a signed receipt
 * naming the protocol code, logged in the rejection log, and not stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GatewayAddress, PinnedKey, SignedMessage, Signer } from '@originlink/protocol';
import type { Rejections } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { allCertificates } from './national-queries.js';
import { address, encodeMessage, gatewaySigner, issuedMessage, openReceipt, postMessage, publishedKeys, rogueSigner } from './partner-wire.js';
import { readStore } from './stopped-store.js';

const hour = 3_600_000;

describe('refusals at the partner API of a gateway process', { timeout: 120_000 }, () => {
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;
  let cnSigner: Signer;
  let krKeys: PinnedKey[];
  let counter = 0;
  const refused: { id: string; code: string }[] = [];
  const accepted: string[] = [];

  before(async () => {
    // A one-hour replay window (the default is 8 days), so "too old" is the configuration's doing.
    net = await startNetwork({ countries: ['CN', 'KR'], config: { delivery: { retryHorizon: '30m' }, inbound: { maxMessageAge: '1h', dedupRetention: '2h' } } });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
    cnSigner = await gatewaySigner(cn);
    krKeys = await publishedKeys(kr);
  });
  after(() => net?.close());

  const message = async (options: { signer?: Signer; from?: GatewayAddress; to?: GatewayAddress; now?: number } = {}): Promise<SignedMessage> =>
    issuedMessage({ signer: options.signer ?? cnSigner, from: options.from ?? address(cn), to: options.to ?? address(kr), certificate: await testCertificate('REF', ++counter), ...(options.now ? { now: options.now } : {}) });

  /** Posts the bytes and checks Korea's signed answer: refused with `code`, addressed to the claimed sender. */
  async function expectRefused(bytes: Buffer, code: string): Promise<void> {
    const sent = JSON.parse(bytes.toString('utf8')) as SignedMessage;
    const res = await postMessage(kr, bytes);
    assert.equal(res.status, 200, res.raw.toString());
    const receipt = openReceipt(res.raw, krKeys, address(kr), sent.envelope.sender);
    assert.equal(receipt.payload.messageId, sent.envelope.id);
    assert.equal(receipt.payload.outcome, 'rejected');
    assert.deepEqual(receipt.payload.issues.map((i) => i.code), [code]);
    refused.push({ id: sent.envelope.id, code });
  }

  /** The message re-encoded after `change` altered it, without signing again. */
  const tampered = (m: SignedMessage, change: (wire: { envelope: Record<string, unknown>; payload: { certificate: { goodsItems: { description: string }[] } } }) => void): Buffer => {
    const wire = JSON.parse(encodeMessage(m).toString('utf8')) as Parameters<typeof change>[0];
    change(wire);
    return Buffer.from(JSON.stringify(wire), 'utf8');
  };

  let genuine: SignedMessage;

  it('refuses a message whose payload was altered after signing (protocol.digest-mismatch)', async () => {
    genuine = await message();
    await expectRefused(tampered(genuine, (w) => { w.payload.certificate.goodsItems[0]!.description = 'Something else entirely'; }), 'protocol.digest-mismatch');
  });

  it('refuses a message whose signed envelope was altered (protocol.bad-signature)', async () => {
    // One second earlier: a different, still plausible creation time.
    await expectRefused(tampered(await message(), (w) => { w.envelope['createdAt'] = new Date(Date.parse(String(w.envelope['createdAt'])) - 1000).toISOString(); }), 'protocol.bad-signature');
  });

  it('refuses a message signed with a key the receiver never pinned (protocol.unknown-key)', async () => {
    await expectRefused(encodeMessage(await message({ signer: rogueSigner() })), 'protocol.unknown-key');
  });

  it('refuses a message signed with another key under the pinned key id (protocol.bad-signature)', async () => {
    await expectRefused(encodeMessage(await message({ signer: rogueSigner(cnSigner.kid, cnSigner.alg) })), 'protocol.bad-signature');
  });

  it('refuses a message from a gateway that is not a partner (protocol.unknown-sender)', async () => {
    await expectRefused(encodeMessage(await message({ signer: rogueSigner(), from: { country: 'JP', gateway: 'jp-gw-1' } })), 'protocol.unknown-sender');
  });

  it('refuses a message addressed to another gateway (protocol.wrong-receiver)', async () => {
    await expectRefused(encodeMessage(await message({ to: { country: 'KR', gateway: 'kr-gw-2' } })), 'protocol.wrong-receiver');
    await expectRefused(encodeMessage(await message({ to: { country: 'ID', gateway: address(kr).gateway } })), 'protocol.wrong-receiver');
  });

  it('refuses a replayed message older than inbound.maxMessageAge (protocol.too-old)', async () => {
    await expectRefused(encodeMessage(await message({ now: Date.now() - 2 * hour })), 'protocol.too-old');
  });

  it('answers bytes that are not a message with a 400 problem and no receipt', async () => {
    const res = await postMessage(kr, Buffer.from('{"envelope": "no"}'));
    assert.equal(res.status, 400);
    assert.equal((res.json as { code?: string }).code, 'message.unreadable');
  });

  it('lists every refusal in the rejection log with its code and claimed message id', async () => {
    const log = await kr.api<Rejections>('admin', '/api/v1/rejections?limit=100');
    for (const r of refused) {
      assert.ok(log.items.some((i) => i.claimedMessageId === r.id && i.code === r.code), `rejection log entry ${r.code} for ${r.id}`);
    }
    assert.ok(log.items.some((i) => i.code === 'protocol.malformed' && i.claimedMessageId === null));
    assert.deepEqual(await allCertificates(kr, 'inbound'), [], 'Korea received no certificate');
  });

  it('still accepts the genuine messages afterwards: a refusal leaves no dedup key behind', async () => {
    // The untampered original of the first refusal (same message id), and a 30-minute-old message inside the window.
    for (const m of [genuine, await message({ now: Date.now() - hour / 2 })]) {
      const res = await postMessage(kr, encodeMessage(m));
      const receipt = openReceipt(res.raw, krKeys, address(kr), address(cn));
      assert.equal(receipt.payload.outcome, 'accepted', JSON.stringify(receipt.payload.issues));
      accepted.push(m.envelope.id);
    }
    assert.equal((await allCertificates(kr, 'inbound')).length, 2);
  });

  it('holds no trace of the refused messages in the receiver\'s database beyond the rejection log', async () => {
    assert.equal(await kr.stop(), 0, kr.output());
    await readStore(kr.databasePath, async (store) => {
      assert.equal(await store.messages.count('in'), accepted.length);
      assert.equal(await store.rejections.count(), refused.length + 1);
      for (const r of refused.filter((x) => !accepted.includes(x.id))) {
        for (const sender of [`CN/${cn.gatewayId}`, 'JP/jp-gw-1']) {
          const [country, gateway] = sender.split('/') as [string, string];
          assert.equal(await store.dedup.find(country, gateway, r.id), undefined, `no dedup key for refused ${r.id}`);
          assert.equal(await store.receipts.getIssued(country, gateway, r.id), undefined, `no stored receipt for refused ${r.id}`);
          assert.equal(await store.messages.get('in', country, gateway, r.id), undefined, `no stored message ${r.id}`);
        }
      }
    });
  });
});
