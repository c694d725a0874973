/**
 * End to end, failures between two gateway processes: the receiver is down for several retry
 * intervals and comes back on the same database; the sender is killed (SIGKILL) with deliveries
 * under way and restarts. Either way each certificate reaches the receiver exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Deliveries, Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { allCertificates, certificateView, settled } from './national-queries.js';
import { readStore } from './stopped-store.js';
import { waitFor } from './wait-for.js';

describe('delivery across gateway outages', { timeout: 150_000 }, () => {
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;
  const submitted: Submission[] = [];

  before(async () => {
    // Short backoff so several retries happen within seconds; a short lease so a killed sender's claims expire quickly.
    net = await startNetwork({ countries: ['CN', 'KR'], config: { delivery: { initialBackoff: '100ms', maxBackoff: '400ms', lease: '2s' } } });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(() => net?.close());

  async function submit(label: string, count: number): Promise<Submission[]> {
    const out = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const res = await cn.apiCall('issuer', '/api/v1/certificates', { body: await testCertificate(label, i + 1) });
        assert.equal(res.status, 202, res.raw.toString());
        return res.json as Submission;
      }),
    );
    submitted.push(...out);
    return out;
  }

  /** Korea holds each submitted certificate exactly once, and nothing else. */
  async function assertReceivedOnce(expected: readonly Submission[]): Promise<void> {
    const inbound = await allCertificates(kr, 'inbound');
    const numbers = inbound.map((c) => c.number).sort();
    assert.deepEqual(numbers, expected.map((s) => s.number).sort(), 'each certificate received once');
    assert.equal(new Set(inbound.map((c) => c.messageId)).size, inbound.length, 'message ids unique');
    assert.deepEqual(inbound.map((c) => c.messageId).sort(), expected.map((s) => s.messageId).sort());
  }

  it('retries while the receiver is down and delivers each certificate exactly once when it is back', async () => {
    assert.equal(await kr.stop(), 0, kr.output());
    const batch = await submit('DOWN', 5);

    // Several attempts each (backoff 100-400 ms), all failing to connect.
    const pending = await waitFor('three failed attempts per delivery', async () => {
      const d = await cn.api<Deliveries>('admin', '/api/v1/deliveries?state=pending');
      const ours = d.items.filter((x) => batch.some((s) => s.messageId === x.messageId));
      return ours.length === batch.length && ours.every((x) => x.attempts >= 3) ? ours : undefined;
    }, 20_000);
    for (const d of pending) assert.ok(d.lastError, `delivery ${d.id} records why it failed`);
    for (const s of batch) assert.equal((await certificateView(cn, s.id)).certificate.status, 'pending', 'still pending while the receiver is down');

    await kr.start();
    for (const s of batch) {
      const view = await settled(cn, s.id);
      assert.equal(view.certificate.status, 'delivered');
      assert.equal(view.receipt?.outcome, 'accepted');
      assert.ok((view.delivery?.attempts ?? 0) >= 4, `attempts ${view.delivery?.attempts}`);
    }
    await assertReceivedOnce(submitted);
  });

  it('redelivers after the sender is killed mid-delivery, and the receiver keeps each certificate once', async (t) => {
    const batch = await submit('KILL', 40);
    await cn.kill();
    const atKill = (await allCertificates(kr, 'inbound')).length - (submitted.length - batch.length);
    await cn.start();
    for (const s of batch) assert.equal((await settled(cn, s.id)).certificate.status, 'delivered');
    await assertReceivedOnce(submitted);
    // How far the deliveries had got is up to the scheduler; the outcome must not depend on it.
    t.diagnostic(`${atKill} of ${batch.length} had arrived when the sender was killed`);
  });

  it('leaves exactly one stored message per certificate in the receiver\'s database', async () => {
    assert.equal(await kr.stop(), 0, kr.output());
    await readStore(kr.databasePath, async (store) => {
      assert.equal(await store.messages.count('in'), submitted.length);
      for (const s of submitted) assert.ok(await store.messages.get('in', 'CN', cn.gatewayId, s.messageId), s.number);
    });
  });
});
