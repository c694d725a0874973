/**
 * The admin retry resends a delivery as a new signed message (same payload, new id and creation
 * time) in the same outbox entry. A partner that rejected the old message remembers it (its
 * deduplication would answer the old rejection again) and one that finds it too old refuses it;
 * both take the new message. A cancellation resent after its certificate keeps its order, and only
 * the certificate's own message moves the certificate to the new message id.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Profile } from '@originlink/dataset';
import type { ReceiptPayload } from '@originlink/protocol';
import { openStore } from '@originlink/store';
import { pino } from 'pino';
import { createGateway } from '../create-gateway.js';
import { change, chkfta, node, receiptCodes, settled, submit } from './lifecycle-fixtures.js';
import { api, countRows } from './test-fixtures.js';
import { createNetwork, waitFor, type TestNode } from './test-network.js';

interface Delivery { id: number; messageId: string; state: string }

/** Closes `n` and starts its gateway again on the same database, key and address with other profiles (a configuration fix). */
async function restartWith(n: TestNode, profiles: readonly Profile[]) {
  await n.close();
  const store = await openStore(n.config.database);
  const gateway = await createGateway({ logger: pino({ level: 'silent' }), clock: n.clock, store }, { ...n.config, profiles });
  await gateway.app.listen({ host: '127.0.0.1', port: n.config.listen.port });
  await gateway.start();
  return { gateway, store, close: async () => { await gateway.app.close(); await gateway.stop(); await store.close(); } };
}

const retry = async (cn: TestNode, seq: number): Promise<Delivery> => {
  const res = await api(cn, 'POST', `/api/v1/deliveries/${seq}/retry`, { token: 'admin' });
  assert.equal(res.status, 200, res.body);
  return res.json<Delivery>();
};

describe('lifecycle: admin resend', () => {
  it('resends rejected deliveries as new messages once the partner fixed its configuration: the certificate, then its cancellation', async () => {
    // KR's ChKFTA profile wrongly asks for 8-digit HS codes: it rejects the 6-digit certificate.
    const net = await createNetwork([node('CN'), node('KR', { ...chkfta, hsDigits: [8] })]);
    let fixed: Awaited<ReturnType<typeof restartWith>> | undefined;
    try {
      const [cn, kr] = [net.node('CN'), net.node('KR')];
      await kr.start();
      await cn.start();
      const s = await submit(cn, 'RESEND', { wait: false });
      const issued = await settled(cn, s.messageId, 'rejected');
      const cancel = (await change(cn, s.id, 'cancel', { reasonCode: 'ERR' })).json<{ messageId: string }>();
      const cancelled = await settled(cn, cancel.messageId, 'rejected');
      assert.deepEqual((await receiptCodes(cn, cancel.messageId)).codes, ['exchange.cancelled-unknown']);

      fixed = await restartWith(kr, [chkfta]);
      // The same bytes again only get the remembered rejection back.
      const old = await cn.store.messages.getOutbound(s.messageId);
      const replay = await fixed.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: Buffer.from(old!.raw), headers: { 'content-type': 'application/json' } });
      assert.equal((JSON.parse(replay.body) as { payload: ReceiptPayload }).payload.outcome, 'rejected');

      const resent = await retry(cn, issued.seq);
      assert.equal(resent.id, issued.seq, 'the same outbox entry');
      assert.notEqual(resent.messageId, s.messageId);
      assert.equal(resent.state, 'pending');
      await waitFor('the resent certificate delivered', async () => (await cn.store.outbox.get(issued.seq))?.state === 'delivered');
      const here = await cn.store.certificates.get(s.id);
      assert.deepEqual([here?.messageId, here?.status], [resent.messageId, 'delivered']);
      assert.deepEqual(await receiptCodes(cn, resent.messageId), { outcome: 'accepted', codes: [], severities: [] });
      const message = await cn.store.messages.getOutbound(resent.messageId);
      assert.deepEqual([message?.kind, message?.certificateId, message?.createdAt !== old?.createdAt], ['co.issued', s.id, true]);
      const detail = (await api(cn, 'GET', `/api/v1/certificates/${s.id}`, { token: 'issuer' })).json<{ delivery: { state: string }; receipt: { outcome: string } }>();
      assert.deepEqual([detail.delivery.state, detail.receipt.outcome], ['delivered', 'accepted']);
      assert.ok(await fixed.store.certificates.findByNumber('CN', s.doc.header.number));

      const again = await retry(cn, cancelled.seq);
      await waitFor('the resent cancellation delivered', async () => (await cn.store.outbox.get(cancelled.seq))?.state === 'delivered');
      assert.equal((await fixed.store.certificates.findByNumber('CN', s.doc.header.number))?.lifecycle, 'cancelled');
      assert.equal((await cn.store.certificates.get(s.id))?.messageId, resent.messageId, 'a cancellation does not carry the certificate');
      const requeued = (await cn.store.audit.forSubject(s.id)).filter((e) => e.action === 'delivery.requeued').map((e) => JSON.parse(e.details) as { previousMessageId: string; messageId: string; kind: string });
      assert.deepEqual(requeued.map((r) => [r.kind, r.previousMessageId, r.messageId]), [['co.issued', s.messageId, resent.messageId], ['co.cancelled', cancel.messageId, again.messageId]]);
    } finally {
      await fixed?.close();
      await net.close();
    }
  });

  it('resends a failed delivery the partner would now refuse as too old, and the partner takes it', async () => {
    const net = await createNetwork([
      node('CN', chkfta, { overrides: { delivery: { retryHorizonMs: 300 } } }),
      node('KR', chkfta, { overrides: { inbound: { maxMessageAgeMs: 1_000 }, delivery: { retryHorizonMs: 500 } } }),
    ]);
    try {
      const [cn, kr] = [net.node('CN'), net.node('KR')];
      await cn.start();
      const s = await submit(cn, 'RESEND-OLD', { wait: false });
      const failed = await settled(cn, s.messageId, 'failed');
      await waitFor('the message to be older than KR accepts', () => cn.clock() - failed.createdAt > 1_500, 5_000, 50);
      await kr.start();
      // The old bytes are refused as too old: a plain requeue could never deliver them.
      const old = await cn.store.messages.getOutbound(s.messageId);
      const replay = await kr.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: Buffer.from(old!.raw), headers: { 'content-type': 'application/json' } });
      assert.match(replay.body, /protocol\.too-old/);
      const before_ = countRows(kr).certificates;

      const resent = await retry(cn, failed.seq);
      await waitFor('the resent certificate delivered', async () => (await cn.store.outbox.get(failed.seq))?.state === 'delivered');
      assert.equal(countRows(kr).certificates, before_ + 1);
      assert.equal((await cn.store.certificates.get(s.id))?.messageId, resent.messageId);
    } finally {
      await net.close();
    }
  });
});
