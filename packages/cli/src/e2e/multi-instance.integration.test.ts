/**
 * Several instances, end to end on PostgreSQL: three processes of China's gateway (one
 * configuration, one fresh schema, three ports, as behind a load balancer) push to Korea's gateway
 * (its own schema) through a proxy that counts every message sent. Every certificate submitted at
 * any instance is delivered exactly once, the instances share the work, a SIGKILLed instance's
 * leased deliveries are taken over by the others once the lease expires, and the audit log the
 * three sealers wrote verifies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findProfile } from '@originlink/dataset';
import { openStore, type OutboxEntry, type Store } from '@originlink/store';
import { postgresTestTarget, postgresUrlWithSchema, testSchemas } from '@originlink/store/testing';
import type { Deliveries } from './api-views.js';
import { auditVerify } from './crash-scenario.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { checkHistory, formatProblems, type Acknowledged } from './history-checker.js';
import { readReceiverHistory, readSenderHistory } from './history-snapshot.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';
import { call } from './http-call.js';
import { address, publishedKeys } from './partner-wire.js';
import { driveSubmissions } from './submission-driver.js';
import { waitFor } from './wait-for.js';

const postgres = await postgresTestTarget();
const leaseMs = 6000;

/** Deliveries that got a receipt, from one instance's /metrics. */
async function receiptsDelivered(g: TestGateway): Promise<number> {
  const text = (await call(g.url, '/metrics')).raw.toString('utf8');
  return Number(/^originlink_delivery_attempts_total\{[^}]*result="receipt"[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
}

describe('three instances of one gateway on one PostgreSQL database', { skip: postgres.skip ?? false, timeout: 300_000 }, () => {
  const schemas = postgres.url ? testSchemas(postgres.url, 'originlink_e2e_multi') : undefined;
  let net: TestNetwork;
  let proxy: HoldingProxy;
  let cn: TestGateway[];
  let kr: TestGateway;
  let cnStore: Store;
  const acknowledged: Acknowledged[] = [];

  before(async () => {
    const url = postgres.url ?? '';
    const databases: Record<string, string> = { CN: postgresUrlWithSchema(url, schemas?.name() ?? ''), KR: postgresUrlWithSchema(url, schemas?.name() ?? '') };
    net = await startNetwork({
      countries: ['CN', 'KR'],
      database: (country) => databases[country] ?? '',
      // 8 in flight per instance (three instances, one 2-core machine); a lease longer than one
      // attempt and short enough for a takeover within seconds; sealing often, so the three sealers meet.
      config: { delivery: { initialBackoff: '100ms', maxBackoff: '500ms', concurrency: 8, requestTimeout: '5s', lease: `${leaseMs}ms` }, audit: { sealInterval: '200ms' } },
    });
    kr = net.gateway('KR');
    const first = net.gateway('CN');
    proxy = await startHoldingProxy(kr.url);
    // China pins Korea behind the proxy (stored in the shared database), Korea pins China.
    const preview = await first.api<{ keys: { thumbprint: string }[] }>('admin', '/api/v1/partners/preview', { url: proxy.url });
    await first.api('admin', '/api/v1/partners', { url: proxy.url, thumbprints: preview.keys.map((k) => k.thumbprint) });
    const back = await kr.api<{ keys: { thumbprint: string }[] }>('admin', '/api/v1/partners/preview', { url: first.url });
    await kr.api('admin', '/api/v1/partners', { url: first.url, thumbprints: back.keys.map((k) => k.thumbprint) });
    // Scaled out after the partner is configured: a running instance learns of a partner added
    // elsewhere within its partner cache's lifetime (2 s), a starting one at once.
    cn = [first, ...(await Promise.all([net.addInstance('CN'), net.addInstance('CN')]))];
    cnStore = await openStore(cn[0]!.databaseUrl, { migrate: false });
  });
  after(async () => {
    await cnStore?.close();
    await net?.close();
    await proxy?.close();
    await schemas?.dropAll();
  });

  const allDelivered = (count: number): Promise<Deliveries['depth']> =>
    waitFor(`${count} deliveries`, async () => {
      const d = await cn[0]!.api<Deliveries>('admin', '/api/v1/deliveries?limit=1');
      return (d.depth['pending'] ?? 0) === 0 && (d.depth['delivered'] ?? 0) >= count ? d.depth : undefined;
    }, 60_000, 200);

  async function checkAgainstKorea(): Promise<void> {
    const sender = await readSenderHistory(cn[0]!.databaseUrl, address(cn[0]!));
    const receiver = await readReceiverHistory(kr.databaseUrl, address(kr), await publishedKeys(kr), address(cn[0]!), sender.outbox.map((e) => e.messageId));
    const problems = checkHistory({ acknowledged, sender, receiver, datasetVersions: [findProfile('chkfta-certificate')?.datasetVersion ?? ''] });
    assert.equal(problems.length, 0, formatProblems(problems));
  }

  it('delivers every certificate submitted across the instances once, each sent by exactly one instance', async (t) => {
    const started = Date.now();
    const run = await driveSubmissions({ targets: cn, label: 'MULTI', total: 300, concurrency: 12 });
    assert.deepEqual(run.refused, []);
    acknowledged.push(...run.acknowledged);
    const submittedMs = Date.now() - started;
    const depth = await allDelivered(300);
    t.diagnostic(`300 submitted across three instances in ${(submittedMs / 1000).toFixed(1)} s, all delivered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual([depth['delivered'], depth['failed'] ?? 0, depth['rejected'] ?? 0], [300, 0, 0]);

    // Every send the proxy saw was an attempt its entry records: an instance sends an entry only
    // while it holds the lease, and records each attempt before the lease is released, so two
    // instances sending one entry would show as more sends than attempts.
    const attempts = new Map((await cnStore.outbox.list({}, 10_000)).map((e) => [e.messageId, e.attempts]));
    const posts = proxy.posts();
    const unrecorded = acknowledged.filter((a) => {
      const sent = posts.get(a.messageId) ?? 0;
      return sent < 1 || sent > (attempts.get(a.messageId) ?? 0) + 1;
    });
    assert.deepEqual(unrecorded.map((a) => `${a.number}: sent ${posts.get(a.messageId) ?? 0} times, ${attempts.get(a.messageId)} failed attempts recorded`), [], 'no message sent without being an attempt of the instance holding it');
    const resent = acknowledged.filter((a) => (posts.get(a.messageId) ?? 0) > 1).length;
    t.diagnostic(`${300 - resent} messages sent once, ${resent} sent again after a failed attempt (a timeout on a loaded machine)`);
    // ... and the three instances shared the work.
    const byInstance = await Promise.all(cn.map(receiptsDelivered));
    t.diagnostic(`receipts recorded per instance: ${byInstance.join(', ')}`);
    assert.equal(byInstance.reduce((s, n) => s + n, 0), 300);
    for (const [i, n] of byInstance.entries()) assert.ok(n > 0, `instance ${i + 1} delivered some`);
    await checkAgainstKorea();
  });

  it('takes over the leased deliveries of a SIGKILLed instance once its lease expires', async (t) => {
    const victim = cn[2]!;
    const pid = victim.pid;
    proxy.hold();
    const run = await driveSubmissions({ targets: [victim], label: 'TAKEOVER', total: 30, concurrency: 6 });
    assert.deepEqual(run.refused, []);
    acknowledged.push(...run.acknowledged);
    // Korea has stored what the victim sent; the victim waits for receipts the proxy holds back.
    const leased = await waitFor('deliveries in flight at the victim', async () => {
      const pending = await cnStore.outbox.list({ state: 'pending' }, 1000);
      const mine = pending.filter((e) => e.leaseOwner?.endsWith(`:${pid}`) && proxy.posts().has(e.messageId));
      return mine.length > 0 ? mine : undefined;
    }, 20_000);
    await victim.kill();
    const killedAt = Date.now();
    proxy.release();
    t.diagnostic(`SIGKILLed instance 3 (pid ${pid}) holding ${leased.length} leased deliveries`);

    await allDelivered(330);
    for (const e of leased) {
      const now: OutboxEntry | undefined = await cnStore.outbox.get(e.seq);
      assert.equal(now?.state, 'delivered', `entry ${e.seq}`);
      // Not before the victim's lease ran out: nobody else touched it while it was leased.
      assert.ok((now?.updatedAt ?? 0) >= (e.leaseUntil ?? Infinity), `entry ${e.seq} delivered at ${now?.updatedAt}, lease until ${e.leaseUntil}`);
      assert.ok((proxy.posts().get(e.messageId) ?? 0) >= 2, 'sent again by a surviving instance');
    }
    t.diagnostic(`taken over ${((Math.max(...leased.map((e) => e.leaseUntil ?? 0)) - killedAt) / 1000).toFixed(1)} s after the kill at the latest (lease ${leaseMs} ms)`);
    await checkAgainstKorea();
  });

  it('seals the audit log on one instance at a time: every row sealed once, the chain verifies', async () => {
    const report = await waitFor('every audit row sealed', async () => {
      const r = await auditVerify(cn[0]!.databaseUrl);
      return r.code !== 0 || r.unsealed === 0 ? r : undefined;
    }, 20_000, 300);
    assert.equal(report.code, 0, report.output);
    assert.ok(report.ok && report.sealed >= 330 * 3, report.output);
    for (const g of cn) assert.doesNotMatch(g.output(), /audit sealing failed/, `instance ${g.url}`);
    assert.equal((await auditVerify(kr.databaseUrl)).code, 0);
  });
});
