/**
 * The exporter registry and the registered-exporter lookup: TH's issuing authority maintains its
 * registry, PH's customs asks TH over loopback and gets TH's signed statement verified with TH's
 * pinned key; statements that were tampered with or answer another question are refused (through a
 * proxy standing in for TH), and the partner endpoint is rate-limited.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { publicJwk, verifyStatement } from '@originlink/protocol';
import { api } from './test-fixtures.js';
import { createNetwork, pin, type TestNetwork, type TestNode } from './test-network.js';

interface Answer { statement: Record<string, unknown>; kid: string; token: string }

describe('exporter registry and lookup', () => {
  let net: TestNetwork;
  let th: TestNode;
  let ph: TestNode;

  before(async () => {
    net = await createNetwork([{ country: 'TH', profiles: ['atiga-form-d'] }, { country: 'PH', profiles: ['atiga-form-d'] }]);
    [th, ph] = [net.node('TH'), net.node('PH')];
    await th.listen();
    assert.equal((await put('THAE-0001', { name: 'Siam Rice Co.', authorisationType: 'approved', validFrom: '2025-01-01', status: 'active' })).status, 200);
    assert.equal((await put('THREX-0002', { name: 'Bangkok Parts Ltd', authorisationType: 'registered', validFrom: '2025-01-01', validUntil: '2026-06-30', status: 'active' })).status, 200);
    assert.equal((await put('THAE-0003', { name: 'Chiang Mai Teak', authorisationType: 'approved', validFrom: '2025-01-01', status: 'suspended' })).status, 200);
  });
  after(() => net.close());

  const put = async (id: string, body: Record<string, unknown>, role: 'issuer' | 'customs' = 'issuer') => {
    const res = await th.gateway.app.inject({ method: 'PUT', url: `/api/v1/exporters/${id}`, headers: { authorization: `Bearer ${th.tokens[role]}` }, payload: body });
    return { status: res.statusCode, code: (JSON.parse(res.body) as { code?: string }).code };
  };
  const lookup = async (id: string, date?: string) => {
    const res = await api(ph, 'GET', `/api/v1/exporters/TH/${id}${date ? `?date=${date}` : ''}`, { token: 'customs' });
    return { status: res.status, body: res.json<Answer & { code?: string }>() };
  };

  it('keeps the registry through the national API, for the issuer only', async () => {
    const list = await api(th, 'GET', '/api/v1/exporters', { token: 'issuer' });
    assert.deepEqual(list.json<{ items: { id: string; country: string }[] }>().items.map((e) => [e.id, e.country]).sort(), [['THAE-0001', 'TH'], ['THAE-0003', 'TH'], ['THREX-0002', 'TH']]);
    assert.equal((await put('THAE-0009', { name: 'X', authorisationType: 'approved', validFrom: '2025-01-01', status: 'active' }, 'customs')).status, 403);
    const backwards = await put('THAE-0009', { name: 'X', authorisationType: 'approved', validFrom: '2025-01-01', validUntil: '2024-01-01', status: 'active' });
    assert.deepEqual(backwards, { status: 400, code: 'request.invalid' });
    assert.ok((await th.store.audit.forSubject('exporter:THAE-0001')).some((e) => e.action === 'exporter.updated'));
  });

  it('answers a registered exporter with a statement signed by the partner and verified here', async () => {
    const res = await lookup('THAE-0001', '2026-11-15');
    assert.equal(res.status, 200);
    assert.equal(res.body.kid, th.key.kid);
    const { answeredAt, ...statement } = res.body.statement;
    assert.equal(typeof answeredAt, 'string');
    assert.deepEqual(statement, { issuer: th.self, exporterId: 'THAE-0001', date: '2026-11-15', registered: true, name: 'Siam Rice Co.', authorisationType: 'approved', validFrom: '2025-01-01', status: 'active' });
    // The token is evidence a third party can check with TH's published key.
    const verified = verifyStatement(res.body.token, [{ kid: th.key.kid, alg: th.key.alg, jwk: publicJwk(th.key) }], { allowedAlgorithms: ['EdDSA'], at: ph.clock() });
    assert.ok(verified.ok);
  });

  it('answers registered: false for an unknown exporter, one outside its validity and a suspended one', async () => {
    const unknown = await lookup('THAE-9999', '2026-11-15');
    assert.equal(unknown.status, 200);
    assert.deepEqual(Object.keys(unknown.body.statement).sort(), ['answeredAt', 'date', 'exporterId', 'issuer', 'registered']);
    assert.equal(unknown.body.statement['registered'], false);
    const expired = await lookup('THREX-0002', '2026-11-15');
    assert.deepEqual([expired.body.statement['registered'], expired.body.statement['validUntil']], [false, '2026-06-30']);
    assert.equal((await lookup('THREX-0002', '2026-06-30')).body.statement['registered'], true);
    const suspended = await lookup('THAE-0003');
    assert.deepEqual([suspended.body.statement['registered'], suspended.body.statement['status'], suspended.body.statement['date']], [false, 'suspended', new Date(ph.clock()).toISOString().slice(0, 10)]);
  });

  it('answers the partner API with application/jose, and limits each client address', async () => {
    const one = await th.gateway.app.inject({ method: 'GET', url: '/partner/v1/exporters/THAE-0001?date=2026-11-15' });
    assert.equal(one.statusCode, 200);
    assert.match(String(one.headers['content-type']), /^application\/jose/);
    assert.match(one.body, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const many = await Promise.all(Array.from({ length: 40 }, () => th.gateway.app.inject({ method: 'GET', url: '/partner/v1/exporters/THAE-0001', remoteAddress: '192.0.2.7' })));
    const limited = many.filter((r) => r.statusCode === 429);
    assert.ok(limited.length >= 15, `only ${limited.length} of 40 limited`);
    assert.equal((JSON.parse(limited[0]!.body) as { code: string }).code, 'partner.rate-limited');
    assert.ok(Number(limited[0]!.headers['retry-after']) >= 1);
    // Another client is not affected.
    assert.equal((await th.gateway.app.inject({ method: 'GET', url: '/partner/v1/exporters/THAE-0001', remoteAddress: '192.0.2.8' })).statusCode, 200);
  });

  it('refuses a lookup of a country that is not a partner', async () => {
    const res = await api(ph, 'GET', '/api/v1/exporters/JP/JPAE-1', { token: 'customs' });
    assert.deepEqual([res.status, res.json().code], [404, 'partner.not-found']);
  });

  describe('statements PH must not trust (a proxy standing in for TH)', () => {
    let proxy: Server;
    let rewrite: (token: string) => string = (t) => t;
    let path: (p: string) => string = (p) => p;
    before(async () => {
      proxy = createServer((req, res) => {
        void (async () => {
          const upstream = await fetch(`${th.url}${path(req.url ?? '/')}`);
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' }).end(rewrite(await upstream.text()));
        })();
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      await pin(ph, th, ['ATIGA'], `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    });
    after(async () => {
      await pin(ph, th, ['ATIGA']);
      await new Promise((r) => proxy.close(r));
    });

    it('refuses a statement whose payload was changed', async () => {
      rewrite = (token) => {
        const [h, b, s] = token.split('.') as [string, string, string];
        const payload = JSON.parse(Buffer.from(b, 'base64url').toString('utf8')) as Record<string, unknown>;
        return `${h}.${Buffer.from(JSON.stringify({ ...payload, registered: true, status: 'active' })).toString('base64url')}.${s}`;
      };
      const res = await lookup('THAE-0003');
      assert.deepEqual([res.status, res.body.code], [502, 'exporter.statement-invalid']);
      rewrite = (t) => t;
    });

    it('refuses a genuine statement about another exporter or another date', async () => {
      path = (p) => p.replace('THAE-0003', 'THAE-0001');
      const otherExporter = await lookup('THAE-0003', '2026-11-15');
      assert.deepEqual([otherExporter.status, otherExporter.body.code], [502, 'exporter.statement-invalid']);
      path = (p) => p.replace('2026-11-15', '2026-11-14');
      const otherDate = await lookup('THAE-0001', '2026-11-15');
      assert.deepEqual([otherDate.status, otherDate.body.code], [502, 'exporter.statement-invalid']);
      path = (p) => p;
    });
  });
});
