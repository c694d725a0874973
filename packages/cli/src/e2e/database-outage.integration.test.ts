/**
 * End to end, a PostgreSQL outage under traffic: China's gateway reaches its database through a
 * TCP proxy that the test cuts and restores while issuing systems keep submitting. While the
 * database is away the national API answers 503 service.unavailable and /readyz 503; it accepts
 * nothing it cannot store (every 2xx is later found stored and delivered); once the database is
 * back, the same process serves and delivers again, without a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findProfile } from '@originlink/dataset';
import { postgresTestTarget, postgresUrlWithSchema, startTcpProxy, testSchemas, type TcpProxy } from '@originlink/store/testing';
import type { Deliveries, Problem, Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { checkHistory, formatProblems, type Acknowledged } from './history-checker.js';
import { readReceiverHistory, readSenderHistory } from './history-snapshot.js';
import { address, publishedKeys } from './partner-wire.js';
import { waitFor } from './wait-for.js';

const postgres = await postgresTestTarget();
const outageMs = 5000;
/** Answers to requests started this long after the cut must already show the outage. */
const graceMs = 1000;

interface Answer {
  readonly n: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status: number;
  readonly code?: string;
  readonly submission?: Submission;
}

describe('a PostgreSQL outage under traffic', { skip: postgres.skip ?? false, timeout: 150_000 }, () => {
  const schemas = postgres.url ? testSchemas(postgres.url, 'originlink_e2e_dbdown') : undefined;
  let proxy: TcpProxy;
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;

  before(async () => {
    const url = new URL(postgres.url ?? 'postgres://127.0.0.1:5432/test');
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const cnDatabase = proxy.url(postgresUrlWithSchema(url.href, schemas?.name() ?? ''));
    // Korea stays on SQLite: only China's database goes away. A short lease, so deliveries whose
    // outcome could not be recorded during the outage are retried soon after.
    net = await startNetwork({ countries: ['CN', 'KR'], database: (c) => (c === 'CN' ? cnDatabase : undefined), config: { delivery: { initialBackoff: '100ms', maxBackoff: '500ms', requestTimeout: '3s', lease: '4s' } } });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(async () => {
    await net?.close();
    await proxy?.close();
    await schemas?.dropAll();
  });

  it('answers 503 service.unavailable while the database is away, stores every 2xx, and recovers without a restart', async (t) => {
    const pid = cn.pid;
    const answers: Answer[] = [];
    const readyz: { at: number; status: number }[] = [];
    let next = 0;
    let running = true;
    const submit = async (n: number): Promise<Answer> => {
      const startedAt = Date.now();
      const res = await cn.apiCall('issuer', '/api/v1/certificates', { body: await testCertificate('DBDOWN', n), headers: { 'idempotency-key': `DBDOWN-${n}` }, timeoutMs: 30_000 });
      const ok = res.status === 200 || res.status === 202;
      return { n, startedAt, endedAt: Date.now(), status: res.status, ...(ok ? { submission: res.json as Submission } : { code: (res.json as Problem | undefined)?.code ?? '(no problem body)' }) };
    };
    const traffic = Promise.all(Array.from({ length: 6 }, async () => {
      while (running) {
        const answer = await submit(++next);
        answers.push(answer);
        // A client backs off after a 503 (as Retry-After would say), so the outage is not a busy loop.
        await new Promise((r) => setTimeout(r, answer.submission ? 10 : 250));
      }
    }));
    const probe = async (): Promise<void> => void readyz.push({ at: Date.now(), status: (await cn.apiCall('admin', '/readyz', { timeoutMs: 30_000 })).status });

    await new Promise((r) => setTimeout(r, 2000));
    const cutAt = Date.now();
    await proxy.stop();
    while (Date.now() - cutAt < outageMs) {
      await probe();
      await new Promise((r) => setTimeout(r, 200));
    }
    const restoredAt = Date.now();
    await proxy.start();
    await waitFor('/readyz to answer 200 again', async () => {
      await probe();
      return readyz.at(-1)?.status === 200 ? true : undefined;
    }, 30_000, 200);
    const recoveredAt = Date.now();
    // Traffic goes on until submissions are accepted again.
    await waitFor('a submission accepted after the outage', () => Promise.resolve(answers.some((a) => a.startedAt > recoveredAt && a.submission) ? true : undefined), 30_000);
    running = false;
    await traffic;
    t.diagnostic(`${answers.length} submissions, ${answers.filter((a) => !a.submission).length} answered 503; database away ${restoredAt - cutAt} ms; /readyz 200 again ${recoveredAt - restoredAt} ms after it came back`);

    // Nothing but acceptance and 503 service.unavailable: no 500, no other refusal.
    const other = answers.filter((a) => !a.submission && !(a.status === 503 && a.code === 'service.unavailable'));
    assert.deepEqual(other.map((a) => `#${a.n} HTTP ${a.status} ${a.code}`), [], `unexpected answers\n${cn.output().slice(-3000)}`);
    // While the database was away (from a grace period after the cut), every answer was a 503.
    const during = answers.filter((a) => a.startedAt > cutAt + graceMs && a.endedAt < restoredAt);
    assert.ok(during.length >= 5, `${during.length} submissions during the outage`);
    assert.deepEqual(during.filter((a) => a.status !== 503).map((a) => `#${a.n} HTTP ${a.status}`), [], 'every submission during the outage answered 503');
    const readyDuring = readyz.filter((r) => r.at > cutAt + graceMs && r.at < restoredAt);
    assert.ok(readyDuring.length > 0 && readyDuring.every((r) => r.status === 503), `/readyz during the outage: ${readyDuring.map((r) => r.status).join(', ')}`);
    assert.equal(cn.pid, pid, 'the same process, never restarted');

    // The issuing systems retry what was refused (same Idempotency-Key): now accepted.
    const acknowledged: Acknowledged[] = answers.flatMap((a) => (a.submission ? [{ number: a.submission.number, id: a.submission.id, messageId: a.submission.messageId }] : []));
    const refused = answers.filter((x) => !x.submission);
    for (let i = 0; i < refused.length; i += 8) {
      for (const again of await Promise.all(refused.slice(i, i + 8).map((a) => submit(a.n)))) {
        assert.ok(again.submission, `#${again.n} accepted on retry (HTTP ${again.status} ${again.code})`);
        acknowledged.push({ number: again.submission.number, id: again.submission.id, messageId: again.submission.messageId });
      }
    }
    await waitFor('every delivery to settle', async () => {
      const d = await cn.api<Deliveries>('admin', '/api/v1/deliveries?limit=1');
      return (d.depth['pending'] ?? 0) === 0 ? true : undefined;
    }, 60_000, 200);
    const krKeys = await publishedKeys(kr);
    assert.equal(await kr.stop(), 0, kr.output());
    const sender = await readSenderHistory(cn.databaseUrl, address(cn));
    const receiver = await readReceiverHistory(kr.databaseUrl, address(kr), krKeys, address(cn), sender.outbox.map((e) => e.messageId));
    const problems = checkHistory({ acknowledged, sender, receiver, datasetVersions: [findProfile('chkfta-certificate')?.datasetVersion ?? ''] });
    assert.equal(problems.length, 0, formatProblems(problems));
    assert.equal(await cn.stop(), 0, `China drains cleanly after the outage\n${cn.output().slice(-3000)}`);
  });
});
