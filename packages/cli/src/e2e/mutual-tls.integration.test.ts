/**
 * End to end over HTTPS with mutual TLS: two gateway processes with certificates from a test CA
 * (made with openssl) and `tls.requireClientCert: true`. Delivery works; a client without a
 * certificate, or with one from another CA, is refused at the partner API and nothing is stored.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Problem, Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import type { ClientTls } from './http-call.js';
import { allCertificates, settled } from './national-queries.js';
import { address, encodeMessage, gatewaySigner, issuedMessage, openReceipt, postMessage, publishedKeys } from './partner-wire.js';
import { createTestCa, type Pem, type TestCa } from './test-pki.js';

describe('mutual TLS between gateway processes', { timeout: 120_000 }, () => {
  let pkiDir: string;
  let ca: TestCa;
  let otherCa: TestCa;
  const leaf = new Map<string, Pem>();
  let net: TestNetwork;
  let cn: TestGateway;
  let kr: TestGateway;

  before(async () => {
    pkiDir = await mkdtemp(join(tmpdir(), 'originlink-e2e-pki-'));
    ca = await createTestCa(join(pkiDir, 'network'), 'OriginLink e2e network CA');
    otherCa = await createTestCa(join(pkiDir, 'other'), 'Some other CA');
    net = await startNetwork({
      countries: ['CN', 'KR'],
      tls: {
        config: { cert: './tls/gateway.crt', key: './tls/gateway.key', ca: './tls/ca.crt', requireClientCert: true },
        clientCa: ca.cert,
        async writeFiles(g) {
          const pem = await ca.issue(g.gatewayId);
          leaf.set(g.country, pem);
          await mkdir(join(g.dir, 'tls'), { recursive: true });
          await writeFile(join(g.dir, 'tls', 'gateway.crt'), pem.cert);
          await writeFile(join(g.dir, 'tls', 'gateway.key'), pem.key, { mode: 0o600 });
          await writeFile(join(g.dir, 'tls', 'ca.crt'), ca.cert);
        },
      },
    });
    cn = net.gateway('CN');
    kr = net.gateway('KR');
    await net.pinAll();
  });
  after(async () => {
    await net?.close();
    if (pkiDir) await rm(pkiDir, { recursive: true, force: true });
  });

  it('delivers a certificate over HTTPS with client certificates on both sides', async () => {
    assert.match(cn.url, /^https:/);
    const doc = await testCertificate('MTLS', 1);
    const submission = await cn.api<Submission>('issuer', '/api/v1/certificates', doc);
    const view = await settled(cn, submission.id);
    assert.equal(view.certificate.status, 'delivered', JSON.stringify(view.delivery));
    assert.equal(view.receipt?.outcome, 'accepted');
    assert.equal((await allCertificates(kr, 'inbound', doc.header.number)).length, 1);
  });

  /** A genuine message China's gateway would send: only the client's certificate decides its fate. */
  const genuine = async (n: number): Promise<{ bytes: Buffer; number: string }> => {
    const doc = await testCertificate('MTLS-RAW', n);
    return { bytes: encodeMessage(issuedMessage({ signer: await gatewaySigner(cn), from: address(cn), to: address(kr), certificate: doc })), number: doc.header.number };
  };

  async function expectRefused(client: ClientTls, n: number): Promise<void> {
    const m = await genuine(n);
    const res = await postMessage(kr, m.bytes, client);
    assert.equal(res.status, 401, res.raw.toString());
    const problem = res.json as Problem;
    assert.equal(problem.code, 'auth.client-certificate-required');
    assert.match(problem.detail ?? '', /mutual TLS/);
    assert.deepEqual(await allCertificates(kr, 'inbound', m.number), [], 'nothing stored');
  }

  it('refuses a partner-API client that presents no certificate', async () => {
    await expectRefused({ ca: ca.cert }, 1);
  });

  it('refuses a partner-API client whose certificate comes from another CA', async () => {
    const stranger = await otherCa.issue('cn-gw-1');
    await expectRefused({ ca: ca.cert, ...stranger }, 2);
  });

  it('accepts the same kind of message from a client with the network CA\'s certificate (the refusals are the certificate\'s doing)', async () => {
    const m = await genuine(3);
    const res = await postMessage(kr, m.bytes, { ca: ca.cert, ...leaf.get('CN')! });
    assert.equal(res.status, 200, res.raw.toString());
    assert.equal(openReceipt(res.raw, await publishedKeys(kr), address(kr), address(cn)).payload.outcome, 'accepted');
    assert.equal((await allCertificates(kr, 'inbound', m.number)).length, 1);
  });
});
