/**
 * Reading certificates through the national API: search filters (number, exporter, importer, HS
 * code prefix, issue date range, direction, status), keyset pagination, one certificate with its
 * delivery and receipt, its timeline, and its document as JSON and as OriginLink XML. CN delivers
 * six certificates to KR over real sockets; one more, for ID (never started), stays pending.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canonicalJson, decodeXml } from '@originlink/dataset';
import { api, sample, variant, type SampleDocument } from './test-fixtures.js';
import { createNetwork, waitFor, type TestNetwork, type TestNode } from './test-network.js';

interface Summary { id: string; messageId: string; number: string; direction: string; status: string; issueDate: string; exporterName: string; consigneeName: string | null }
interface Page { items: Summary[]; next?: string }

describe('reading certificates', () => {
  let net: TestNetwork;
  let cn: TestNode;
  let kr: TestNode;
  const docs: SampleDocument[] = [];
  const ids = new Map<string, string>();
  let pendingId = '';

  before(async () => {
    net = await createNetwork([
      { country: 'CN', profiles: ['chkfta-certificate', 'rcep-certificate'] },
      { country: 'KR', profiles: ['chkfta-certificate'] },
      { country: 'ID', profiles: ['rcep-certificate'] },
    ]);
    cn = net.node('CN');
    kr = net.node('KR');
    await kr.start();
    await cn.start();
    const kimchi = await sample('chkfta-cn-kr-kimchi.json');
    const specs = [
      { number: 'READ-0001', exporterName: 'Qingdao Haiyang Pickled Vegetables Co., Ltd.', consigneeName: 'Hansang Food Service Co., Ltd.', hsCode: '200599', shiftDays: -40 },
      { number: 'READ-0002', exporterName: 'Shandong Golden Garlic Export Co.', consigneeName: 'Busan Fresh Mart', hsCode: '070320', shiftDays: -30 },
      { number: 'READ-0003', exporterName: 'Qingdao Ocean Seafood Ltd.', consigneeName: 'Hansang Food Service Co., Ltd.', hsCode: '030617', shiftDays: -20 },
      { number: 'READ-0004', exporterName: 'Yantai Apple Growers Cooperative', consigneeName: 'Seoul Grocers Union', hsCode: '080810', shiftDays: -10 },
      { number: 'READ-0005', exporterName: 'Dalian Steel Wire Co.', consigneeName: 'Incheon Building Supply', hsCode: '721720', shiftDays: -5 },
      { number: 'READ-0006', exporterName: 'Qingdao Haiyang Pickled Vegetables Co., Ltd.', consigneeName: 'Busan Fresh Mart', hsCode: '200591', shiftDays: 0 },
    ];
    for (const spec of specs) {
      const doc = variant(kimchi, spec);
      docs.push(doc);
      const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
      assert.equal(res.status, 202, res.body);
      ids.set(spec.number, res.json<{ id: string }>().id);
    }
    const rcep = await sample('rcep-co-kr-id-polymers-cr-dmi.json');
    rcep.header.issuingCountry = 'CN';
    rcep.header.number = 'READ-PENDING-ID';
    const pending = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: rcep });
    assert.equal(pending.status, 202, pending.body);
    pendingId = pending.json<{ id: string }>().id;
    await waitFor('six deliveries', async () => (await cn.store.outbox.depth()).delivered === 6);
  });
  after(() => net.close());

  const search = async (node: TestNode, query: string): Promise<Page> => {
    const res = await api(node, 'GET', `/api/v1/certificates?${query}`, { token: 'customs' });
    assert.equal(res.status, 200, res.body);
    return res.json<Page>();
  };
  const numbers = (page: Page) => page.items.map((i) => i.number).sort();

  it('lists newest first', async () => {
    const page = await search(cn, 'direction=outbound');
    assert.deepEqual(page.items.map((i) => i.number), ['READ-PENDING-ID', 'READ-0006', 'READ-0005', 'READ-0004', 'READ-0003', 'READ-0002', 'READ-0001']);
  });

  it('finds a certificate by its number', async () => {
    assert.deepEqual(numbers(await search(cn, 'number=READ-0003')), ['READ-0003']);
    assert.deepEqual(numbers(await search(cn, 'number=READ-9999')), []);
  });

  it('finds certificates by a case-insensitive substring of the exporter name', async () => {
    assert.deepEqual(numbers(await search(cn, 'exporter=haiyang')), ['READ-0001', 'READ-0006']);
    assert.deepEqual(numbers(await search(cn, `exporter=${encodeURIComponent('QINGDAO')}`)), ['READ-0001', 'READ-0003', 'READ-0006']);
  });

  it('finds certificates by importer or consignee name', async () => {
    assert.deepEqual(numbers(await search(cn, `importer=${encodeURIComponent('busan fresh')}`)), ['READ-0002', 'READ-0006']);
  });

  it('finds certificates by HS code prefix of any item', async () => {
    assert.deepEqual(numbers(await search(cn, 'hsCode=2005')), ['READ-0001', 'READ-0006']);
    assert.deepEqual(numbers(await search(cn, 'hsCode=200591')), ['READ-0006']);
    assert.deepEqual(numbers(await search(cn, 'hsCode=07')), ['READ-0002']);
  });

  it('finds certificates by issue date range, inclusive', async () => {
    const from = docs[1]!.header.issueDate;
    const to = docs[3]!.header.issueDate;
    assert.deepEqual(numbers(await search(cn, `issuedFrom=${from}&issuedTo=${to}&direction=outbound`)), ['READ-0002', 'READ-0003', 'READ-0004']);
  });

  it('filters by direction: the receiver lists them as inbound, the sender has no inbound', async () => {
    assert.deepEqual(numbers(await search(kr, 'direction=inbound')), ['READ-0001', 'READ-0002', 'READ-0003', 'READ-0004', 'READ-0005', 'READ-0006']);
    assert.deepEqual(numbers(await search(cn, 'direction=inbound')), []);
    assert.deepEqual(numbers(await search(kr, 'direction=outbound')), []);
  });

  it('filters by status', async () => {
    assert.deepEqual(numbers(await search(cn, 'status=pending')), ['READ-PENDING-ID']);
    assert.equal((await search(cn, 'status=delivered')).items.length, 6);
    assert.equal((await search(kr, 'status=received')).items.length, 6);
  });

  it('pages through every certificate with the cursor, each once, in order', async () => {
    const all = (await search(cn, 'limit=200')).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(cn, `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);
    assert.equal(pages, 4);
    assert.deepEqual(seen, all);
  });

  it('answers a malformed cursor with 400 request.invalid', async () => {
    const res = await api(cn, 'GET', '/api/v1/certificates?cursor=not-a-cursor', { token: 'customs' });
    assert.equal(res.status, 400, res.body);
    assert.equal(res.json().code, 'request.invalid');
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  });

  it('shows an outbound certificate with its delivery and the partner\'s receipt', async () => {
    const res = await api(cn, 'GET', `/api/v1/certificates/${ids.get('READ-0002')}`, { token: 'issuer' });
    assert.equal(res.status, 200, res.body);
    const body = res.json<{ certificate: Summary; items: { hsCode: string }[]; delivery: { state: string; attempts: number; partner: string }; receipt: { outcome: string; receivedDigest: string }; document: SampleDocument }>();
    assert.equal(body.certificate.status, 'delivered');
    assert.equal(body.delivery.state, 'delivered');
    assert.equal(body.delivery.partner, 'KR/kr-gw-1');
    assert.equal(body.receipt.outcome, 'accepted');
    const message = await cn.store.messages.getOutbound(body.certificate.messageId);
    assert.equal(body.receipt.receivedDigest, message?.digest);
    assert.deepEqual(body.items.map((i) => i.hsCode), ['070320', '070320']);
    assert.equal(body.document.header.number, 'READ-0002');
  });

  it('shows a pending certificate with the delivery attempts so far', async () => {
    const body = (await api(cn, 'GET', `/api/v1/certificates/${pendingId}`, { token: 'issuer' })).json<{ certificate: Summary; delivery: { state: string; nextAttemptAt: string | null }; receipt?: unknown }>();
    assert.equal(body.certificate.status, 'pending');
    assert.equal(body.delivery.state, 'pending');
    assert.equal(typeof body.delivery.nextAttemptAt, 'string');
    assert.equal(body.receipt, undefined);
  });

  it('shows an inbound certificate with the receipt this gateway issued', async () => {
    const page = await search(kr, 'number=READ-0004');
    const body = (await api(kr, 'GET', `/api/v1/certificates/${page.items[0]!.id}`, { token: 'customs' })).json<{ certificate: Summary; receipt: { outcome: string }; delivery?: unknown }>();
    assert.equal(body.certificate.direction, 'inbound');
    assert.equal(body.certificate.status, 'received');
    assert.equal(body.receipt.outcome, 'accepted');
    assert.equal(body.delivery, undefined);
  });

  it('answers an unknown id with 404 certificate.not-found and a non-uuid id with 400', async () => {
    const missing = await api(cn, 'GET', '/api/v1/certificates/00000000-0000-4000-8000-000000000000', { token: 'issuer' });
    assert.equal(missing.status, 404);
    assert.equal(missing.json().code, 'certificate.not-found');
    assert.equal((await api(cn, 'GET', '/api/v1/certificates/nope', { token: 'issuer' })).status, 400);
  });

  it('tells the certificate\'s timeline on both sides, oldest first', async () => {
    const sent = (await api(cn, 'GET', `/api/v1/certificates/${ids.get('READ-0001')}/timeline`, { token: 'issuer' })).json<{ number: string; events: { event: string; actor: string; at: string }[] }>();
    assert.equal(sent.number, 'READ-0001');
    assert.deepEqual(sent.events.map((e) => e.event), ['issued', 'sent', 'delivered']);
    assert.equal(sent.events[2]?.actor, 'partner:KR/kr-gw-1');
    const id = (await search(kr, 'number=READ-0001')).items[0]!.id;
    const received = (await api(kr, 'GET', `/api/v1/certificates/${id}/timeline`, { token: 'customs' })).json<{ events: { event: string; actor: string }[] }>();
    // The record of the message is folded into the event it caused.
    assert.deepEqual(received.events.map((e) => e.event), ['received']);
    assert.ok(received.events.every((e) => e.actor === 'partner:CN/cn-gw-1'));
  });

  it('serves the document as canonical JSON', async () => {
    const res = await api(cn, 'GET', `/api/v1/certificates/${ids.get('READ-0005')}/document`, { token: 'issuer' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.body, canonicalJson(docs[4]));
  });

  it('serves the document as OriginLink XML that reads back to the same document', async () => {
    const res = await api(kr, 'GET', `/api/v1/certificates/${(await search(kr, 'number=READ-0005')).items[0]!.id}/document?format=xml`, { token: 'customs' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    const decoded = decodeXml(res.body);
    assert.ok(decoded.ok, JSON.stringify(decoded.ok ? [] : decoded.issues));
    assert.equal(canonicalJson(decoded.value), canonicalJson(docs[4]));
  });
});
