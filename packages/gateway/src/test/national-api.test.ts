/**
 * The national API: authentication and the RFC 9457 problem format (missing, wrong and
 * under-privileged tokens; the shape and content type of every error body), and submission
 * (POST /api/v1/certificates): what is stored for a valid certificate, that nothing is stored for a
 * refused one (every table counted), the refusal codes, and idempotency on the certificate number
 * and on the Idempotency-Key header, also under concurrent submissions. The dispatcher is not
 * started: the outbox entries stay pending.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { api, countRows, sample, variant, type SampleDocument, type TableCounts } from './test-fixtures.js';
import { createNetwork, type TestNetwork, type TestNode } from './test-network.js';

describe('national API authentication', () => {
  let net: TestNetwork;
  let cn: TestNode;
  before(async () => {
    net = await createNetwork([{ country: 'CN', profiles: ['chkfta-certificate'] }, { country: 'KR', profiles: ['chkfta-certificate'] }]);
    cn = net.node('CN');
  });
  after(() => net.close());

  const assertProblem = (res: Awaited<ReturnType<typeof api>>, status: number, code: string) => {
    assert.equal(res.status, status, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json<Record<string, unknown>>();
    assert.equal(body['type'], `urn:originlink:error:${code}`);
    assert.equal(body['code'], code);
    assert.equal(body['status'], status);
    assert.equal(typeof body['title'], 'string');
    assert.ok((body['title'] as string).length > 0);
    assert.equal(typeof body['detail'], 'string');
    assert.match(String(body['instance']), /^urn:originlink:request:/);
    return body;
  };

  it('answers 401 auth.missing-token without an Authorization header', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/certificates'), 401, 'auth.missing-token');
  });

  it('answers 401 auth.missing-token for a non-bearer Authorization header', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/certificates', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'auth.missing-token');
  });

  it('answers 401 auth.invalid-token for an unknown token', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/certificates', { token: { literal: 'not-a-token' } }), 401, 'auth.invalid-token');
  });

  it('does not accept another gateway\'s token', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/certificates', { token: { literal: net.node('KR').tokens.customs } }), 401, 'auth.invalid-token');
  });

  it('answers 403 auth.forbidden when the token lacks the role (customs submitting)', async () => {
    const body = assertProblem(await api(cn, 'POST', '/api/v1/certificates', { token: 'customs', body: await sample('chkfta-cn-kr-kimchi.json') }), 403, 'auth.forbidden');
    assert.match(String(body['detail']), /issuer/);
  });

  it('answers 403 auth.forbidden to an issuer on an admin route', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/deliveries', { token: 'issuer' }), 403, 'auth.forbidden');
  });

  it('lets admin use every role\'s routes', async () => {
    assert.equal((await api(cn, 'GET', '/api/v1/certificates', { token: 'admin' })).status, 200);
    assert.equal((await api(cn, 'GET', '/api/v1/deliveries', { token: 'admin' })).status, 200);
  });

  it('lets customs read certificates', async () => {
    assert.equal((await api(cn, 'GET', '/api/v1/certificates', { token: 'customs' })).status, 200);
  });

  it('answers an unknown route with a 404 problem', async () => {
    assertProblem(await api(cn, 'GET', '/api/v1/nothing-here'), 404, 'route.not-found');
  });

  it('answers a schema violation with a 400 request.invalid problem listing JSON pointers', async () => {
    const body = assertProblem(await api(cn, 'GET', '/api/v1/certificates?limit=0', { token: 'customs' }), 400, 'request.invalid');
    const errors = body['errors'] as { path: string }[];
    assert.ok(errors.some((e) => e.path === '/querystring/limit'), JSON.stringify(errors));
  });

  it('answers a body that is not JSON with a 400 request.invalid problem', async () => {
    assertProblem(await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: '{"header":', headers: { 'content-type': 'application/json' } }), 400, 'request.invalid');
  });
});

describe('certificate submission', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kimchi: SampleDocument;
  let serial = 0;
  const fresh = () => variant(kimchi, { number: `K2642000TEST${String(++serial).padStart(4, '0')}` });

  before(async () => {
    net = await createNetwork([
      { country: 'CN', profiles: ['chkfta-certificate', 'acfta-form-e', 'rcep-certificate'] },
      { country: 'KR', profiles: ['chkfta-certificate'] },
    ]);
    cn = net.node('CN');
    kimchi = await sample('chkfta-cn-kr-kimchi.json');
  });
  after(() => net.close());

  let before_: TableCounts;
  beforeEach(() => {
    before_ = countRows(cn);
  });
  const assertNothingStored = () => assert.deepEqual(countRows(cn), before_);

  it('accepts a valid certificate with 202 and stores the certificate, message, outbox entry and audit entries', async () => {
    const doc = fresh();
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 202, res.body);
    const body = res.json<{ id: string; number: string; status: string; messageId: string; importingCountry: string; warnings: unknown[] }>();
    assert.equal(body.number, doc.header.number);
    assert.equal(body.status, 'pending');
    assert.equal(body.importingCountry, 'KR');
    assert.deepEqual(body.warnings, []);

    const row = await cn.store.certificates.get(body.id);
    assert.equal(row?.status, 'pending');
    assert.equal(row?.direction, 'outbound');
    assert.equal(row?.partnerCountry, 'KR');
    assert.equal(row?.messageId, body.messageId);
    const message = await cn.store.messages.getOutbound(body.messageId);
    assert.equal(message?.certificateId, body.id);
    assert.equal(message?.kind, 'co.issued');
    assert.equal(message?.receiverCountry, 'KR');
    const entry = await cn.store.outbox.findByMessage(body.messageId);
    assert.equal(entry?.state, 'pending');
    assert.equal(entry?.partnerCountry, 'KR');
    const audit = await cn.store.audit.forSubject(body.id);
    assert.deepEqual(audit.map((a) => a.action), ['certificate.submitted', 'message.queued']);
    assert.equal(audit[0]?.actor, 'test-issuer');

    const counts = countRows(cn);
    assert.equal(counts.certificates, before_.certificates + 1);
    assert.equal(counts.certificate_items, before_.certificate_items + doc.goodsItems.length);
    assert.equal(counts.messages, before_.messages + 1);
    assert.equal(counts.outbox, before_.outbox + 1);
    assert.equal(counts.audit_log, before_.audit_log + 2);
    assert.equal(counts.receipts, before_.receipts);
  });

  it('refuses an invalid certificate with 422 certificate.invalid, its issues with codes and JSON pointers, and stores nothing', async () => {
    const doc = fresh();
    Reflect.deleteProperty(doc.exporter, 'name');
    doc.goodsItems[0]!.hsCode = '999999';
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 422, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json<{ code: string; profile: string; issues: { code: string; path: string; severity: string; message: string }[] }>();
    assert.equal(body.code, 'certificate.invalid');
    assert.equal(body.profile, 'chkfta-certificate');
    const found = body.issues.map((i) => `${i.code} ${i.path}`);
    assert.ok(found.includes('structure.required /exporter/name'), found.join('\n'));
    assert.ok(found.includes('codelist.hs-subheading /goodsItems/0/hsCode'), found.join('\n'));
    assert.ok(body.issues.every((i) => i.message.length > 0));
    assertNothingStored();
  });

  it('refuses a certificate issued by another country with 422 certificate.wrong-issuer and stores nothing', async () => {
    const doc = await sample('chkfta-kr-cn-cosmetics-air-within-grace.json');
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().code, 'certificate.wrong-issuer');
    assertNothingStored();
  });

  it('refuses a certificate under an agreement this gateway has no profile for with 422 certificate.no-agreement', async () => {
    const doc = variant(kimchi, { number: 'K2642000NOAGR' });
    doc.header.agreementCode = 'ATIGA';
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().code, 'certificate.no-agreement');
    assertNothingStored();
  });

  it('refuses a certificate for a country without a partner gateway with 422 certificate.no-partner', async () => {
    // ACFTA is configured here, but no Thai partner is pinned.
    const doc = await sample('acfta-e-cn-th-electric-cars.json');
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().code, 'certificate.no-partner');
    assertNothingStored();
  });

  it('refuses with certificate.no-partner when the partner is pinned under other agreements only', async () => {
    // RCEP is configured here, and KR is a partner, but under ChKFTA only.
    const rcep = await sample('rcep-co-kr-id-polymers-cr-dmi.json');
    rcep.header.issuingCountry = 'CN';
    rcep.header.importingCountry = 'KR';
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: rcep });
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().code, 'certificate.no-partner');
    assert.match(String(res.json().detail), /not configured for agreement RCEP/);
    assertNothingStored();
  });

  it('answers the same certificate submitted twice with 200 and the same id, storing it once', async () => {
    const doc = fresh();
    const first = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(first.status, 202);
    const afterFirst = countRows(cn);
    const second = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: structuredClone(doc) });
    assert.equal(second.status, 200, second.body);
    assert.equal(second.json().id, first.json().id);
    assert.equal(second.json().messageId, first.json().messageId);
    assert.deepEqual(countRows(cn), afterFirst);
  });

  it('answers the same number with different content with 409 certificate.exists', async () => {
    const doc = fresh();
    const first = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
    assert.equal(first.status, 202);
    const afterFirst = countRows(cn);
    const changed = variant(doc, { number: doc.header.number, exporterName: 'Another Exporter Co., Ltd.' });
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: changed });
    assert.equal(res.status, 409, res.body);
    assert.equal(res.json().code, 'certificate.exists');
    assert.equal(res.json().id, first.json().id);
    assert.deepEqual(countRows(cn), afterFirst);
  });

  it('replays the identical response for a repeated Idempotency-Key', async () => {
    const doc = fresh();
    const headers = { 'idempotency-key': `key-${serial}` };
    const first = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc, headers });
    assert.equal(first.status, 202);
    const afterFirst = countRows(cn);
    assert.equal(afterFirst.idempotency_keys, before_.idempotency_keys + 1);
    const again = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc, headers });
    assert.equal(again.status, 202);
    assert.equal(again.body, first.body);
    assert.match(String(again.headers['content-type']), /^application\/json/);
    assert.deepEqual(countRows(cn), afterFirst);
  });

  it('refuses the same Idempotency-Key with another body with 422 idempotency.key-reused', async () => {
    const headers = { 'idempotency-key': `key-reused-${serial}` };
    const first = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: fresh(), headers });
    assert.equal(first.status, 202);
    const afterFirst = countRows(cn);
    const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: fresh(), headers });
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().code, 'idempotency.key-reused');
    assert.deepEqual(countRows(cn), afterFirst);
  });

  it('scopes Idempotency-Keys to the token: another principal may use the same key', async () => {
    const headers = { 'idempotency-key': `shared-key-${serial}` };
    const first = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: fresh(), headers });
    assert.equal(first.status, 202);
    const other = await api(cn, 'POST', '/api/v1/certificates', { token: 'admin', body: fresh(), headers });
    assert.equal(other.status, 202, other.body);
    assert.notEqual(other.json().id, first.json().id);
  });

  it('stores exactly one certificate for 20 concurrent identical submissions', async () => {
    const doc = fresh();
    const results = await Promise.all(Array.from({ length: 20 }, () => api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc })));
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, ...Array<number>(18).fill(200), 202].sort(), results.map((r) => r.body).join('\n'));
    assert.equal(new Set(results.map((r) => r.json().id)).size, 1);
    const counts = countRows(cn);
    assert.equal(counts.certificates, before_.certificates + 1);
    assert.equal(counts.messages, before_.messages + 1);
    assert.equal(counts.outbox, before_.outbox + 1);
  });

  it('stores exactly one certificate for 20 concurrent submissions with the same Idempotency-Key', async () => {
    const doc = fresh();
    const headers = { 'idempotency-key': `concurrent-${serial}` };
    const results = await Promise.all(Array.from({ length: 20 }, () => api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc, headers })));
    assert.ok(results.every((r) => r.status === 200 || r.status === 202), results.map((r) => `${r.status} ${r.body}`).join('\n'));
    assert.equal(new Set(results.map((r) => r.json().id)).size, 1);
    const counts = countRows(cn);
    assert.equal(counts.certificates, before_.certificates + 1);
    assert.equal(counts.idempotency_keys, before_.idempotency_keys + 1);
  });

  it('answers concurrent submissions of different bodies under one Idempotency-Key with one 202 and idempotency.key-reused for the rest', async () => {
    const headers = { 'idempotency-key': `concurrent-different-${serial}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: fresh(), headers })));
    const byStatus = results.map((r) => `${r.status} ${r.status === 202 ? 'created' : String(r.json().code)}`).sort();
    assert.deepEqual(byStatus, ['202 created', ...Array<string>(9).fill('422 idempotency.key-reused')], results.map((r) => r.body).join('\n'));
    const counts = countRows(cn);
    assert.equal(counts.certificates, before_.certificates + 1);
    assert.equal(counts.idempotency_keys, before_.idempotency_keys + 1);
  });
});
