/**
 * The dispatcher between real gateways on loopback sockets: delivery with the partner's receipt
 * verified and kept, a partner that is down and then up (delivered once), an exhausted retry
 * horizon (failed) and the admin retry, a rejecting partner, per-certificate ordering, and no busy
 * polling while an entry waits behind an earlier one of its certificate.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createMessage, encodeMessage, sha256Digest } from '@originlink/protocol';
import type { Profile } from '@originlink/dataset';
import { findProfile } from '@originlink/dataset';
import type { Store } from '@originlink/store';
import { createPartnerClient, type PartnerClient } from '../workers/partner-client.js';
import { api, countRows, sample, variant } from './test-fixtures.js';
import { createNetwork, waitFor, type NodeSpec, type TestNetwork, type TestNode } from './test-network.js';

const chkfta = (country: string, extra: Partial<NodeSpec> = {}): NodeSpec => ({ country, profiles: ['chkfta-certificate'], ...extra });

describe('dispatcher', () => {
  let net: TestNetwork | undefined;
  afterEach(async () => {
    await net?.close();
    net = undefined;
  });

  const submit = async (cn: TestNode, number: string) => {
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: variant(await sample('chkfta-cn-kr-kimchi.json'), { number }) });
    assert.equal(res.status, 202, res.body);
    return res.json<{ id: string; messageId: string }>();
  };
  const entryOf = async (node: TestNode, messageId: string) => (await node.store.outbox.findByMessage(messageId))!;

  it('delivers a certificate and keeps the partner\'s verified receipt, byte for byte', async () => {
    net = await createNetwork([chkfta('CN'), chkfta('KR')]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    await kr.start();
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0001');
    await waitFor('delivery', async () => (await entryOf(cn, sent.messageId)).state === 'delivered');

    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'delivered');
    const received = await cn.store.receipts.getReceived(sent.messageId);
    const issued = await kr.store.receipts.getIssued('CN', 'cn-gw-1', sent.messageId);
    assert.equal(received?.outcome, 'accepted');
    assert.deepEqual(Buffer.from(received.raw), Buffer.from(issued!.raw));
    const message = await cn.store.messages.getOutbound(sent.messageId);
    assert.equal(received?.receivedDigest, sha256Digest(message!.raw));
    assert.equal((await kr.store.certificates.findByNumber('CN', 'DISPATCH-0001'))?.status, 'received');
    const events = (await cn.store.audit.forSubject(sent.id)).map((e) => e.action);
    assert.deepEqual(events, ['certificate.submitted', 'message.queued', 'delivery.accepted']);
  });

  it('retries with backoff while the partner is down, then delivers exactly once when it is up', async () => {
    net = await createNetwork([chkfta('CN'), chkfta('KR')]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0002');
    const retried = await waitFor('three failed attempts', async () => {
      const e = await entryOf(cn, sent.messageId);
      return e.attempts >= 3 ? e : undefined;
    });
    assert.equal(retried.state, 'pending');
    assert.match(retried.lastError ?? '', /ECONNREFUSED|connect/i);
    assert.ok(retried.nextAttemptAt > retried.updatedAt - 1, 'the next attempt is scheduled after the failure');
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'pending');

    await kr.start();
    await waitFor('delivery', async () => (await entryOf(cn, sent.messageId)).state === 'delivered');
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'delivered');
    const counts = countRows(kr);
    assert.equal(counts.certificates, 1);
    assert.equal(counts.messages, 1);
    assert.equal(countRows(cn).receipts, 1);
  });

  it('fails a delivery when the retry horizon is exhausted, and an admin retry delivers it', async () => {
    net = await createNetwork([chkfta('CN', { overrides: { delivery: { retryHorizonMs: 300 } } }), chkfta('KR')]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0003');
    const failed = await waitFor('failure', async () => {
      const e = await entryOf(cn, sent.messageId);
      return e.state === 'failed' ? e : undefined;
    });
    assert.ok(failed.attempts >= 1);
    assert.match(failed.lastError ?? '', /ECONNREFUSED|connect/i);
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'failed');
    assert.ok((await cn.store.audit.forSubject(sent.id)).some((e) => e.action === 'delivery.failed'));
    const listed = (await api(cn, 'GET', '/api/v1/deliveries?state=failed', { token: 'admin' })).json<{ items: { id: number }[]; depth: Record<string, number> }>();
    assert.deepEqual(listed.items.map((i) => i.id), [failed.seq]);
    assert.equal(listed.depth['failed'], 1);

    assert.equal((await api(cn, 'POST', `/api/v1/deliveries/${failed.seq}/retry`, { token: 'issuer' })).status, 403);
    await kr.start();
    // Two admins at once: one requeues it, the other is told it is no longer retryable.
    const [one, two] = await Promise.all([0, 1].map(() => api(cn, 'POST', `/api/v1/deliveries/${failed.seq}/retry`, { token: 'admin' })));
    const retry = one!.status === 200 ? one! : two!;
    assert.deepEqual([one!.status, two!.status].sort(), [200, 409], `${one!.body} ${two!.body}`);
    assert.equal(retry.json().state, 'pending');
    // The retry resends the certificate as a new message, in the same outbox entry.
    await waitFor('delivery after the admin retry', async () => (await cn.store.outbox.get(failed.seq))?.state === 'delivered');
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'delivered');
    assert.equal(countRows(kr).certificates, 1);
    const events = (await cn.store.audit.forSubject(sent.id)).map((e) => e.action);
    assert.deepEqual(events.slice(-3), ['delivery.failed', 'delivery.requeued', 'delivery.accepted']);

    const again = await api(cn, 'POST', `/api/v1/deliveries/${failed.seq}/retry`, { token: 'admin' });
    assert.equal(again.status, 409);
    assert.equal(again.json().code, 'delivery.not-retryable');
    const missing = await api(cn, 'POST', '/api/v1/deliveries/99999/retry', { token: 'admin' });
    assert.equal(missing.status, 404);
    assert.equal(missing.json().code, 'delivery.not-found');
  });

  it('records a partner\'s rejection: outbox and certificate rejected, the signed rejection kept', async () => {
    // KR accepts only 8-digit HS codes under its ChKFTA profile: the 6-digit certificate is rejected there.
    const strict: Profile = { ...findProfile('chkfta-certificate')!, hsDigits: [8] };
    net = await createNetwork([chkfta('CN'), chkfta('KR', { profiles: [strict] })]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    await kr.start();
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0004');
    const entry = await waitFor('rejection', async () => {
      const e = await entryOf(cn, sent.messageId);
      return e.state === 'rejected' ? e : undefined;
    });
    assert.match(entry.lastError ?? '', /profile\.hs-digits/);
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'rejected');
    const receipt = await cn.store.receipts.getReceived(sent.messageId);
    assert.equal(receipt?.outcome, 'rejected');
    const issues = JSON.parse(receipt.issues) as { code: string; path: string }[];
    assert.ok(issues.some((i) => i.code === 'profile.hs-digits' && i.path === '/payload/certificate/goodsItems/0/hsCode'), receipt.issues);
    assert.equal(countRows(kr).certificates, 0);
    const detail = (await api(cn, 'GET', `/api/v1/certificates/${sent.id}`, { token: 'issuer' })).json<{ receipt: { outcome: string; issues: { code: string }[] }; delivery: { state: string } }>();
    assert.equal(detail.delivery.state, 'rejected');
    assert.equal(detail.receipt.outcome, 'rejected');
  });

  /** Enqueues two messages of two certificates under one orderKey, directly in the sender's store. */
  async function enqueueSameOrderKey(cn: TestNode, kr: TestNode, numbers: readonly string[]): Promise<string[]> {
    const kimchi = await sample('chkfta-cn-kr-kimchi.json');
    const now = cn.clock();
    const ids: string[] = [];
    await cn.store.transaction(async (tx) => {
      for (const number of numbers) {
        const m = createMessage({ kind: 'co.issued', sender: cn.self, receiver: kr.self, agreement: 'CHKFTA', datasetVersion: '1.1.0', payload: { certificate: variant(kimchi, { number }) }, now }, cn.signer);
        const raw = encodeMessage(m);
        await tx.messages.insert({ id: m.envelope.id, direction: 'out', kind: 'co.issued', senderCountry: 'CN', senderGateway: cn.self.gateway, receiverCountry: 'KR', receiverGateway: kr.self.gateway, agreement: 'CHKFTA', refersTo: null, certificateId: null, raw, digest: sha256Digest(raw), createdAt: now, storedAt: now });
        await tx.outbox.enqueue({ messageId: m.envelope.id, partnerCountry: 'KR', partnerGateway: kr.self.gateway, orderKey: 'one-certificate', nextAttemptAt: now, createdAt: now, expiresAt: now + 60_000 });
        ids.push(m.envelope.id);
      }
    });
    return ids;
  }

  it('delivers two messages with the same orderKey in order, the second only after the first\'s receipt', async () => {
    const log: string[] = [];
    const real = createPartnerClient({ tls: undefined, allowInsecureHttp: false, connections: 4 });
    let first = true;
    const recording: PartnerClient = {
      async post(base, path, body, timeoutMs) {
        const id = (JSON.parse(Buffer.from(body).toString('utf8')) as { envelope: { id: string } }).envelope.id;
        log.push(`start ${id}`);
        // The first delivery is slow: without ordering, the second would start meanwhile.
        if (first) {
          first = false;
          await new Promise((r) => setTimeout(r, 150));
        }
        const res = await real.post(base, path, body, timeoutMs);
        log.push(`end ${id}`);
        return res;
      },
      close: () => real.close(),
    };
    net = await createNetwork([chkfta('CN', { deps: { partnerClient: recording } }), chkfta('KR')]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    await kr.start();
    const [a, b] = await enqueueSameOrderKey(cn, kr, ['ORDER-0001', 'ORDER-0002']);
    await cn.start();
    await waitFor('both deliveries', async () => (await cn.store.outbox.depth()).delivered === 2);
    assert.deepEqual(log, [`start ${a}`, `end ${a}`, `start ${b}`, `end ${b}`]);
    const stored = await Promise.all([a!, b!].map((id) => kr.store.messages.get('in', 'CN', cn.self.gateway, id)));
    assert.ok(stored[0]!.storedAt <= stored[1]!.storedAt);
  });

  it('does not poll the database busily while an entry waits behind an earlier one of its orderKey', async () => {
    let claims = 0;
    const counting = (store: Store): Store => new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        // Methods run on the store itself (it has private fields a proxy cannot reach).
        if (property !== 'outbox') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        return new Proxy(target.outbox, {
          get(outbox, p, r) {
            const value = Reflect.get(outbox, p, r) as unknown;
            if (p !== 'claimDue' || typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              claims++;
              return (value as (...a: unknown[]) => unknown).apply(outbox, args);
            };
          },
        });
      },
    });
    // KR is down and the first retry waits seconds: the second entry is due but blocked.
    net = await createNetwork([chkfta('CN', { wrapStore: counting, overrides: { delivery: { initialBackoffMs: 10_000, maxBackoffMs: 20_000 } } }), chkfta('KR')]);
    const [cn, kr] = [net.node('CN'), net.node('KR')];
    const [a] = await enqueueSameOrderKey(cn, kr, ['BLOCKED-0001', 'BLOCKED-0002']);
    await cn.start();
    await waitFor('the first attempt', async () => (await entryOf(cn, a!)).attempts === 1);
    const before = claims;
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(claims - before <= 3, `${claims - before} claims in 500 ms`);
  });

  /** A partner client that answers every post with this status and problem code. */
  const answering = (status: number, code: string): PartnerClient => ({
    post: () => Promise.resolve({ status, contentType: 'application/problem+json', body: Buffer.from(JSON.stringify({ type: `urn:originlink:error:${code}`, status, code, title: code, detail: code })) }),
    close: () => Promise.resolve(),
  });

  it('keeps retrying while the partner refuses the connection for a missing client certificate', async () => {
    net = await createNetwork([chkfta('CN', { deps: { partnerClient: answering(401, 'auth.client-certificate-required') } }), chkfta('KR')]);
    const cn = net.node('CN');
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0005');
    const entry = await waitFor('two attempts', async () => {
      const e = await entryOf(cn, sent.messageId);
      return e.attempts >= 2 ? e : undefined;
    });
    assert.equal(entry.state, 'pending');
    assert.equal(entry.lastError, 'HTTP 401 auth.client-certificate-required');
  });

  it('fails at once when the partner cannot read the message (HTTP 400 message.unreadable)', async () => {
    net = await createNetwork([chkfta('CN', { deps: { partnerClient: answering(400, 'message.unreadable') } }), chkfta('KR')]);
    const cn = net.node('CN');
    await cn.start();
    const sent = await submit(cn, 'DISPATCH-0006');
    const entry = await waitFor('failure', async () => {
      const e = await entryOf(cn, sent.messageId);
      return e.state === 'failed' ? e : undefined;
    });
    assert.equal(entry.lastError, 'HTTP 400 message.unreadable');
    assert.equal((await cn.store.certificates.get(sent.id))?.status, 'failed');
  });
});
