/**
 * End to end, graceful drain: the sending gateway gets SIGTERM while issuing systems are still
 * submitting. Every submission it acknowledged (2xx) must survive: stored, and delivered once the
 * gateway is started again on the same database. Nothing acknowledged is lost.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { allCertificates, settled } from './national-queries.js';
import { waitFor } from './wait-for.js';

describe('graceful drain of a gateway process', { timeout: 120_000 }, () => {
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;

  before(async () => {
    net = await startNetwork({ countries: ['CN', 'KR'], config: { delivery: { initialBackoff: '100ms', maxBackoff: '500ms' } } });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(() => net?.close());

  it('stores and later delivers every submission it acknowledged before SIGTERM', async (t) => {
    const total = 150;
    const workers = 16;
    const acked: Submission[] = [];
    const failed: string[] = [];
    let next = 0;
    let stopping: Promise<number | null> | undefined;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const n = ++next;
        try {
          const res = await cn.apiCall('issuer', '/api/v1/certificates', { body: await testCertificate('DRAIN', n), timeoutMs: 20_000 });
          if (res.status === 202) acked.push(res.json as Submission);
          else failed.push(`HTTP ${res.status}`);
        } catch (err) {
          failed.push((err as NodeJS.ErrnoException).code ?? (err as Error).message);
        }
        // SIGTERM once a fair number are through, with the other workers' requests in flight.
        if (acked.length === 30 && !stopping) stopping = cn.stop();
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    assert.ok(stopping, 'SIGTERM was sent');
    assert.equal(await stopping, 0, `the gateway drained and exited cleanly\n${cn.output().slice(-3000)}`);
    t.diagnostic(`${acked.length} acknowledged, ${failed.length} refused during or after the drain (${[...new Set(failed)].join(', ')})`);
    assert.ok(acked.length >= 30);
    assert.ok(failed.length > 0, 'some submissions came after the gateway stopped accepting');

    await cn.start();
    for (const s of acked) {
      const view = await settled(cn, s.id, 30_000);
      assert.equal(view.certificate.status, 'delivered', s.number);
    }
    // The sender holds nothing undelivered: every certificate it stored goes out, acknowledged or
    // not (a request cut off by the drain may have been stored without its answer reaching the client).
    const outbound = await waitFor('every stored certificate to be delivered', async () => {
      const all = await allCertificates(cn, 'outbound');
      return all.every((c) => c.status === 'delivered') ? all : undefined;
    });
    // Korea holds every acknowledged certificate once, and nothing that was not submitted.
    const inbound = await allCertificates(kr, 'inbound');
    const numbers = inbound.map((c) => c.number);
    assert.equal(new Set(numbers).size, numbers.length, 'no certificate received twice');
    for (const s of acked) assert.ok(numbers.includes(s.number), `${s.number} acknowledged but not delivered`);
    const submittedNumbers = new Set(Array.from({ length: total }, (_, i) => `DRAIN-${i + 1}`));
    for (const n of numbers) assert.ok(submittedNumbers.has(n.replace(/^E2E-[0-9A-F]+-/, '')), n);
    assert.deepEqual(numbers.sort(), outbound.map((c) => c.number).sort());
  });
});
