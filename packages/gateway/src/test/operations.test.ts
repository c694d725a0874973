/**
 * Operations endpoints: liveness, readiness (503 with the store closed or while draining),
 * Prometheus metrics after a delivery, the partner metadata (parsed as a partner would, its keys
 * verifying this gateway's receipts), the OpenAPI 3.1 document of both APIs, and the admin routes
 * that preview and pin partners (with confirmed key thumbprints) and list refused messages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeMessage, jwkThumbprint, parseMetadata, publicJwk } from '@originlink/protocol';
import { api, countRows, sample, variant } from './test-fixtures.js';
import { createNetwork, freePort, waitFor, type TestNetwork, type TestNode } from './test-network.js';

describe('operations', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  let messageId = '';

  before(async () => {
    net = await createNetwork([{ country: 'CN', profiles: ['chkfta-certificate'] }, { country: 'KR', profiles: ['chkfta-certificate'] }, { country: 'ID', profiles: ['rcep-certificate'] }]);
    [cn, kr] = [net.node('CN'), net.node('KR')];
    await kr.start();
    await cn.start();
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: variant(await sample('chkfta-cn-kr-kimchi.json'), { number: 'OPS-0001' }) });
    messageId = res.json<{ messageId: string }>().messageId;
    await waitFor('delivery', async () => (await cn.store.outbox.findByMessage(messageId))?.state === 'delivered');
  });
  after(() => net.close());

  it('answers /healthz with ok', async () => {
    const res = await api(cn, 'GET', '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('answers /readyz with the gateway identity and outbox depth', async () => {
    const res = await api(cn, 'GET', '/readyz');
    assert.equal(res.status, 200);
    const body = res.json<{ status: string; country: string; outbox: Record<string, number> }>();
    assert.equal(body.status, 'ready');
    assert.equal(body.country, 'CN');
    assert.equal(body.outbox['delivered'], 1);
  });

  it('answers /readyz with 503 when the database is closed', async () => {
    const id = net.node('ID');
    assert.equal((await api(id, 'GET', '/readyz')).status, 200);
    await id.store.close();
    const res = await api(id, 'GET', '/readyz');
    assert.equal(res.status, 503);
    assert.equal(res.json().status, 'database unavailable');
    assert.equal((await api(id, 'GET', '/healthz')).status, 200);
  });

  it('answers /readyz with 503 while draining', async () => {
    const extra = await createNetwork([{ country: 'TH', profiles: ['atiga-form-d'] }]);
    try {
      const th = extra.node('TH');
      await th.start();
      assert.equal((await api(th, 'GET', '/readyz')).status, 200);
      await th.gateway.stop();
      const res = await api(th, 'GET', '/readyz');
      assert.equal(res.status, 503);
      assert.equal(res.json().status, 'draining');
    } finally {
      await extra.close();
    }
  });

  it('exposes messages by direction, kind, partner and outcome, outbox depth and delivery latency in /metrics', async () => {
    const sent = await api(cn, 'GET', '/metrics');
    assert.equal(sent.status, 200);
    assert.match(String(sent.headers['content-type']), /^text\/plain/);
    assert.match(sent.body, /^originlink_messages_total\{direction="out",kind="co\.issued",partner="KR",outcome="accepted"\} 1$/m);
    assert.match(sent.body, /^originlink_outbox_depth\{state="delivered"\} 1$/m);
    assert.match(sent.body, /^originlink_outbox_depth\{state="pending"\} 0$/m);
    assert.match(sent.body, /^originlink_delivery_latency_seconds_count\{partner="KR"\} 1$/m);
    assert.match(sent.body, /^originlink_delivery_latency_seconds_bucket\{le="\+Inf",partner="KR"\} 1$/m);
    assert.match(sent.body, /^originlink_delivery_attempts_total\{partner="KR",result="receipt"\} 1$/m);
    const received = await api(kr, 'GET', '/metrics');
    assert.match(received.body, /^originlink_messages_total\{direction="in",kind="co\.issued",partner="CN",outcome="accepted"\} 1$/m);
    assert.match(received.body, /^originlink_commit_group_size_count \d+$/m);
  });

  it('publishes partner metadata that parses, names its endpoint and whose keys verify its receipts', async () => {
    const res = await api(kr, 'GET', '/.well-known/originlink.json');
    assert.equal(res.status, 200);
    const parsed = parseMetadata(res.json());
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('; '));
    assert.equal(parsed.metadata.country, 'KR');
    assert.equal(parsed.metadata.gatewayId, 'kr-gw-1');
    assert.equal(parsed.metadata.endpoints.messages, `${kr.url}/partner/v1/messages`);
    assert.deepEqual(parsed.metadata.agreements.map((a) => a.code), ['CHKFTA']);
    assert.ok(parsed.metadata.datasetVersions.includes('1.1.0'));
    assert.doesNotMatch(res.body, /"d"\s*:/);

    const receipt = await kr.store.receipts.getIssued('CN', 'cn-gw-1', messageId);
    const decoded = decodeMessage(receipt!.raw, {
      self: cn.self,
      keysOf: (s) => (s.country === 'KR' && s.gateway === 'kr-gw-1' ? parsed.pinnedKeys : undefined),
      allowedAlgorithms: ['ES256', 'EdDSA'],
      now: kr.clock(),
      maxAgeMs: 3_600_000,
      maxFutureSkewMs: 60_000,
      supportedDatasetVersions: parsed.metadata.datasetVersions,
      expectKind: 'receipt',
    });
    assert.ok(decoded.ok, decoded.ok ? '' : `${decoded.code}: ${decoded.detail}`);
    // And not with another gateway's keys.
    const cnMeta = parseMetadata((await api(cn, 'GET', '/.well-known/originlink.json')).json());
    assert.ok(cnMeta.ok);
    const wrong = decodeMessage(receipt!.raw, { self: cn.self, keysOf: () => cnMeta.pinnedKeys, allowedAlgorithms: ['ES256', 'EdDSA'], now: kr.clock(), maxAgeMs: 3_600_000, maxFutureSkewMs: 60_000, supportedDatasetVersions: ['1.1.0'] });
    assert.equal(wrong.ok, false);
  });

  it('serves an OpenAPI 3.1 document listing the national and partner routes', async () => {
    const res = await api(cn, 'GET', '/docs/json');
    assert.equal(res.status, 200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { tags?: string[] }>>; components: { securitySchemes: Record<string, unknown> } }>();
    assert.equal(doc.openapi, '3.1.0');
    for (const [path, method] of [
      ['/api/v1/certificates', 'post'], ['/api/v1/certificates', 'get'], ['/api/v1/certificates/{id}', 'get'], ['/api/v1/certificates/{id}/timeline', 'get'],
      ['/api/v1/certificates/{id}/document', 'get'], ['/api/v1/deliveries', 'get'], ['/api/v1/deliveries/{id}/retry', 'post'], ['/api/v1/partners', 'post'],
      ['/partner/v1/messages', 'post'], ['/.well-known/originlink.json', 'get'], ['/healthz', 'get'], ['/readyz', 'get'], ['/metrics', 'get'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
    }
    assert.ok(doc.components.securitySchemes['bearer']);
    assert.equal((await api(cn, 'GET', '/docs')).status < 400, true);
  });
});

describe('partner administration', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  before(async () => {
    net = await createNetwork([{ country: 'CN', profiles: ['chkfta-certificate', 'rcep-certificate'] }, { country: 'KR', profiles: ['chkfta-certificate'] }], { pin: false });
    [cn, kr] = [net.node('CN'), net.node('KR')];
    await kr.listen();
  });
  after(() => net.close());

  const thumbprint = (node: TestNode) => jwkThumbprint(publicJwk(node.key));

  it('previews a partner\'s metadata with its key thumbprints and the agreements in common, storing nothing', async () => {
    const res = await api(cn, 'POST', '/api/v1/partners/preview', { token: 'admin', body: { url: kr.url } });
    assert.equal(res.status, 200, res.body);
    const body = res.json<{ country: string; gatewayId: string; endpoint: string; commonAgreements: string[]; keys: { kid: string; thumbprint: string; fingerprint: string }[] }>();
    assert.equal(body.country, 'KR');
    assert.equal(body.gatewayId, 'kr-gw-1');
    assert.equal(body.endpoint, kr.url);
    assert.deepEqual(body.commonAgreements, ['CHKFTA']);
    assert.deepEqual(body.keys.map((k) => k.thumbprint), [thumbprint(kr)]);
    assert.ok(body.keys[0]!.fingerprint.length > 0);
    assert.equal(countRows(cn).partners, 0);
  });

  it('refuses to pin keys whose thumbprints differ from the confirmed ones', async () => {
    const res = await api(cn, 'POST', '/api/v1/partners', { token: 'admin', body: { url: kr.url, thumbprints: [thumbprint(cn)] } });
    assert.equal(res.status, 400, res.body);
    assert.equal(res.json().code, 'request.invalid');
    assert.match(String(res.json().detail), /keys changed/);
    assert.equal(countRows(cn).partners, 0);
  });

  it('answers an unreachable partner with 502 partner.unreachable', async () => {
    const res = await api(cn, 'POST', '/api/v1/partners/preview', { token: 'admin', body: { url: `http://127.0.0.1:${await freePort()}` } });
    assert.equal(res.status, 502, res.body);
    assert.equal(res.json().code, 'partner.unreachable');
  });

  it('refuses to pin a gateway of its own country', async () => {
    await cn.listen();
    const res = await api(cn, 'POST', '/api/v1/partners', { token: 'admin', body: { url: cn.url, thumbprints: [thumbprint(cn)] } });
    assert.equal(res.status, 400, res.body);
    assert.match(String(res.json().detail), /this country/);
  });

  it('pins a partner with the confirmed thumbprints, lists it, and submissions to it are accepted', async () => {
    const before_ = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: variant(await sample('chkfta-cn-kr-kimchi.json'), { number: 'PIN-0001' }) });
    assert.equal(before_.json().code, 'certificate.no-partner');
    const res = await api(cn, 'POST', '/api/v1/partners', { token: 'admin', body: { url: kr.url, thumbprints: [thumbprint(kr)] } });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(res.json().agreements, ['CHKFTA']);
    const partner = await cn.store.partners.get('KR');
    assert.equal(partner?.endpoint, kr.url);
    assert.deepEqual((await cn.store.partners.keys('KR', 'kr-gw-1')).map((k) => k.thumbprint), [thumbprint(kr)]);
    assert.deepEqual((await cn.store.audit.forSubject('partner:KR')).map((a) => a.action), ['partner.added']);
    const listed = (await api(cn, 'GET', '/api/v1/partners', { token: 'admin' })).json<{ items: { country: string; keys: { thumbprint: string }[] }[] }>();
    assert.deepEqual(listed.items.map((p) => [p.country, p.keys.map((k) => k.thumbprint)]), [['KR', [thumbprint(kr)]]]);
    const after_ = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: variant(await sample('chkfta-cn-kr-kimchi.json'), { number: 'PIN-0001' }) });
    assert.equal(after_.status, 202, after_.body);
  });

  it('refuses to pin under agreements not configured here', async () => {
    const res = await api(cn, 'POST', '/api/v1/partners', { token: 'admin', body: { url: kr.url, thumbprints: [thumbprint(kr)], agreements: ['ATIGA'] } });
    assert.equal(res.status, 400, res.body);
    assert.match(String(res.json().detail), /ATIGA/);
  });

  it('lists refused partner messages in the rejection log, newest first', async () => {
    await kr.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: 'not json', headers: { 'content-type': 'application/json' } });
    const res = await api(kr, 'GET', '/api/v1/rejections', { token: 'admin' });
    assert.equal(res.status, 200);
    const items = res.json<{ items: { code: string; at: string; size: number }[] }>().items;
    assert.equal(items[0]?.code, 'protocol.malformed');
    assert.equal(items[0]?.size, 8);
    assert.equal((await api(kr, 'GET', '/api/v1/rejections', { token: 'customs' })).status, 403);
  });
});
