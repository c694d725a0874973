/**
 * End to end, a partner outage longer than several retry intervals: certificates and their
 * cancellations are queued at China's gateway while Korea's is down. When Korea comes back,
 * deliveries resume by themselves (nothing is requeued or restarted) and in order per
 * certificate: Korea receives each certificate before its cancellation, never the other way round.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CertificateSummary, Deliveries, Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { allCertificates } from './national-queries.js';
import { waitFor } from './wait-for.js';

interface Timeline {
  readonly events: readonly { readonly at: string; readonly event: string; readonly action: string }[];
}

describe('deliveries across a partner outage', { timeout: 120_000 }, () => {
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;

  before(async () => {
    // Retries every 100-400 ms: an outage of a few seconds spans many retry intervals.
    net = await startNetwork({ countries: ['CN', 'KR'], config: { delivery: { initialBackoff: '100ms', maxBackoff: '400ms' } } });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(() => net?.close());

  it('resumes by itself when the partner is back, delivering each certificate before its cancellation', async (t) => {
    assert.equal(await kr.stop(), 0, kr.output());
    const issued: Submission[] = [];
    const cancellations = new Map<string, string>();
    for (let n = 1; n <= 20; n++) {
      const s = await cn.api<Submission>('issuer', '/api/v1/certificates', await testCertificate('OUTAGE', n));
      issued.push(s);
      // Every other certificate is cancelled at once, while its issuance waits for Korea.
      if (n % 2 === 0) cancellations.set(s.id, (await cn.api<{ messageId: string }>('issuer', `/api/v1/certificates/${s.id}/cancel`, { reasonCode: 'ERR', reason: 'issued in error' })).messageId);
    }
    const outbox = async (): Promise<Deliveries['items']> => (await cn.api<Deliveries>('admin', '/api/v1/deliveries?limit=500')).items;
    const attemptsOf = (items: Deliveries['items'], messageId: string): number => items.find((d) => d.messageId === messageId)?.attempts ?? -1;
    // Several retry intervals pass: every issuance has failed at least three times...
    const during = await waitFor('three failed attempts per issuance', async () => {
      const items = await outbox();
      return issued.every((s) => attemptsOf(items, s.messageId) >= 3) ? items : undefined;
    }, 30_000);
    // ... while no cancellation was even tried: each waits behind its certificate.
    for (const messageId of cancellations.values()) assert.equal(attemptsOf(during, messageId), 0, `cancellation ${messageId} was not attempted before its certificate`);

    const downFor = Date.now();
    await kr.start();
    const settled = await waitFor('every delivery to settle', async () => {
      const d = await cn.api<Deliveries>('admin', '/api/v1/deliveries?limit=500');
      return (d.depth['pending'] ?? 0) === 0 ? d : undefined;
    }, 60_000);
    t.diagnostic(`all ${settled.items.length} deliveries settled ${Date.now() - downFor} ms after Korea came back`);
    assert.deepEqual([settled.depth['delivered'], settled.depth['rejected'] ?? 0, settled.depth['failed'] ?? 0], [issued.length + cancellations.size, 0, 0], 'every message accepted, none refused');

    const received = new Map<string, CertificateSummary>((await allCertificates(kr, 'inbound')).map((c) => [c.number, c]));
    for (const s of issued) {
      const there = received.get(s.number);
      assert.ok(there, `${s.number} reached Korea`);
      const timeline = await kr.api<Timeline>('customs', `/api/v1/certificates/${there.id}/timeline`);
      const events = timeline.events.map((e) => e.event);
      if (!cancellations.has(s.id)) {
        assert.deepEqual(events, ['received'], s.number);
        continue;
      }
      // The certificate was stored before the cancellation was applied to it.
      assert.deepEqual(events, ['received', 'cancelled'], `${s.number} at Korea: ${JSON.stringify(timeline.events)}`);
      assert.ok(timeline.events[0]!.at <= timeline.events[1]!.at);
      assert.equal((there as CertificateSummary & { lifecycle?: string }).lifecycle, 'cancelled');
    }
  });
});
