/**
 * runServer: configuration errors, plain HTTP refused off loopback, a loopback server that starts
 * and drains; and two gateways over HTTPS with mutual TLS (a test CA and certificates generated
 * here with the openssl command): delivery works, and the partner API refuses a connection without
 * a client certificate or with one from another CA.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSigningKey, jwkThumbprint, publicJwk, type PrivateJwk } from '@originlink/protocol';
import { Agent, request } from 'undici';
import { stringify } from 'yaml';
import { hashToken } from './auth/token-auth.js';
import { runServer, type RunningServer } from './server.js';
import { freePort, waitFor } from './test/test-network.js';
import { sample, variant } from './test/test-fixtures.js';
import { insecureAllowed } from './workers/partner-client.js';

const dayMs = 86_400_000;

async function writeConfig(dir: string, name: string, config: Record<string, unknown>, key: PrivateJwk = generateSigningKey('EdDSA')): Promise<string> {
  await writeFile(join(dir, `${name}.jwk.json`), JSON.stringify(key));
  const path = join(dir, `${name}.yaml`);
  await writeFile(path, stringify({ signingKeys: [`./${name}.jwk.json`], database: `sqlite:./${name}.sqlite`, logLevel: 'silent', ...config }));
  return path;
}

describe('runServer', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-server-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const minimal = (port: number, host = '127.0.0.1') => ({ country: 'KR', gatewayId: 'kr-gw-1', name: 'Korea', publicUrl: `http://${host}:${port}`, listen: { host, port }, agreements: ['chkfta-certificate'] });

  it('refuses plain HTTP on a non-loopback interface without allowInsecureHttp, before opening the database', async () => {
    const path = await writeConfig(dir, 'public', minimal(7199, '0.0.0.0'));
    await assert.rejects(runServer({ configPath: path, env: {} }), (err: Error & { problems?: { path: string }[] }) => {
      assert.equal(err.name, 'ConfigError');
      assert.deepEqual(err.problems?.map((p) => p.path), ['/tls']);
      return true;
    });
    assert.equal(existsSync(join(dir, 'public.sqlite')), false);
  });

  it('accepts plain HTTP off loopback only with allowInsecureHttp, and to loopback addresses only', () => {
    assert.equal(insecureAllowed(new URL('http://0.0.0.0:7100'), false), false);
    assert.equal(insecureAllowed(new URL('http://10.1.2.3:7100'), false), false);
    assert.equal(insecureAllowed(new URL('http://127.example.com:7100'), false), false);
    assert.equal(insecureAllowed(new URL('http://10.1.2.3:7100'), true), true);
    assert.equal(insecureAllowed(new URL('http://127.0.0.1:7100'), false), true);
    assert.equal(insecureAllowed(new URL('http://127.1.2.3:7100'), false), true);
    assert.equal(insecureAllowed(new URL('http://localhost:7100'), false), true);
    assert.equal(insecureAllowed(new URL('http://[::1]:7100'), false), true);
    assert.equal(insecureAllowed(new URL('https://gateway.example'), false), true);
  });

  it('throws a ConfigError listing every problem with its pointer', async () => {
    const path = await writeConfig(dir, 'broken', { ...minimal(7198), country: 'Korea', agreements: ['nope'] });
    await assert.rejects(runServer({ configPath: path, env: {} }), (err: Error & { problems?: { path: string }[] }) => {
      assert.equal(err.name, 'ConfigError');
      assert.deepEqual(err.problems?.map((p) => p.path), ['/country']);
      assert.match(err.message, /\/country/);
      return true;
    });
  });

  it('starts on loopback with the port from ORIGINLINK_PORT, answers, and drains on close', async () => {
    const port = await freePort();
    const path = await writeConfig(dir, 'loopback', minimal(1));
    const server = await runServer({ configPath: path, env: { ORIGINLINK_PORT: String(port) } });
    try {
      assert.equal(server.url, `http://127.0.0.1:${port}`);
      const res = await fetch(`${server.url}/readyz`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { country: string }).country, 'KR');
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${server.url}/healthz`));
    await server.close();
  });
});

const haveOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('mutual TLS between gateways', { skip: haveOpenssl ? false : 'the openssl command is not installed' }, () => {
  let dir: string;
  let cn: RunningServer;
  let kr: RunningServer;
  const pem = new Map<string, string>();

  /** A P-256 key and a certificate for 127.0.0.1 signed by `ca` (or self-signed CA when ca is undefined). */
  const issue = (name: string, ca?: string) => {
    const at = (f: string) => join(dir, f);
    if (!ca) {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.crt`), '-days', '2', '-subj', `/CN=${name}`], { stdio: 'ignore' });
      return;
    }
    execFileSync('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', `/CN=${name}`], { stdio: 'ignore' });
    execFileSync('openssl', ['x509', '-req', '-in', at(`${name}.csr`), '-CA', at(`${ca}.crt`), '-CAkey', at(`${ca}.key`), '-CAcreateserial', '-out', at(`${name}.crt`), '-days', '2', '-extfile', at('leaf.ext')], { stdio: 'ignore' });
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-mtls-'));
    await writeFile(join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
    issue('ca');
    issue('cn', 'ca');
    issue('kr', 'ca');
    issue('rogue-ca');
    issue('rogue', 'rogue-ca');
    for (const f of ['ca.crt', 'cn.crt', 'cn.key', 'kr.crt', 'kr.key', 'rogue.crt', 'rogue.key']) pem.set(f, await readFile(join(dir, f), 'utf8'));

    const keys = { CN: generateSigningKey('EdDSA'), KR: generateSigningKey('EdDSA') };
    const ports = { CN: await freePort(), KR: await freePort() };
    const start = (country: 'CN' | 'KR') => {
      const c = country.toLowerCase();
      return writeConfig(dir, c, {
        country, gatewayId: `${c}-gw-1`, name: `${country} over mTLS`, publicUrl: `https://127.0.0.1:${ports[country]}`,
        listen: { host: '127.0.0.1', port: ports[country] }, agreements: ['chkfta-certificate'],
        tokens: [{ name: 'issuer', sha256: hashToken(`${c}-issuer`), roles: ['issuer'] }],
        tls: { cert: `./${c}.crt`, key: `./${c}.key`, ca: './ca.crt', requireClientCert: true },
        delivery: { initialBackoff: '20ms', maxBackoff: '100ms' },
      }, keys[country]).then((configPath) => runServer({ configPath, env: {} }));
    };
    kr = await start('KR');
    cn = await start('CN');
    const pinAt = async (at: RunningServer, country: 'CN' | 'KR') => {
      const now = Date.now();
      const pub = publicJwk(keys[country]);
      await at.store.partners.upsert({ country, gatewayId: `${country.toLowerCase()}-gw-1`, name: country, endpoint: `https://127.0.0.1:${ports[country]}`, agreements: ['CHKFTA'], addedAt: now, updatedAt: now });
      await at.store.partners.putKey({ country, gatewayId: `${country.toLowerCase()}-gw-1`, kid: pub.kid, alg: pub.alg, jwk: JSON.stringify(pub), thumbprint: jwkThumbprint(pub), notBefore: null, notAfter: null, addedAt: now });
      await at.gateway.context.partners.refresh(true);
    };
    await pinAt(cn, 'KR');
    await pinAt(kr, 'CN');
  });
  after(async () => {
    await cn?.close();
    await kr?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS and delivers a certificate over mutual TLS', async () => {
    assert.match(kr.url, /^https:\/\/127\.0\.0\.1:/);
    // Dates moved so that the certificate was issued ten days ago, whatever today is.
    const kimchi = await sample('chkfta-cn-kr-kimchi.json');
    const shiftDays = Math.floor((Date.now() - Date.parse(`${kimchi.header.issueDate}T00:00:00Z`)) / dayMs) - 10;
    const res = await cn.gateway.app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { authorization: 'Bearer cn-issuer' }, payload: variant(kimchi, { number: 'MTLS-0001', shiftDays }) });
    assert.equal(res.statusCode, 202, res.body);
    const { messageId } = JSON.parse(res.body) as { messageId: string };
    const entry = await waitFor('delivery over mTLS', async () => {
      const e = await cn.store.outbox.findByMessage(messageId);
      return e?.state === 'delivered' ? e : undefined;
    }, 10_000);
    assert.equal(entry.state, 'delivered');
    assert.equal((await kr.store.certificates.findByNumber('CN', 'MTLS-0001'))?.status, 'received');
  });

  const postMessage = async (agent: Agent) => {
    const res = await request(`${kr.url}/partner/v1/messages`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, dispatcher: agent });
    return { status: res.statusCode, body: (await res.body.json()) as { code: string } };
  };

  it('refuses a partner connection without a client certificate', async () => {
    const agent = new Agent({ connect: { ca: pem.get('ca.crt') } });
    try {
      const res = await postMessage(agent);
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'auth.client-certificate-required');
    } finally {
      await agent.close();
    }
  });

  it('refuses a client certificate from another CA', async () => {
    const agent = new Agent({ connect: { ca: pem.get('ca.crt'), cert: pem.get('rogue.crt'), key: pem.get('rogue.key') } });
    try {
      const res = await postMessage(agent);
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'auth.client-certificate-required');
    } finally {
      await agent.close();
    }
  });

  it('accepts a client certificate from the trusted CA (the request then reaches the protocol checks)', async () => {
    const agent = new Agent({ connect: { ca: pem.get('ca.crt'), cert: pem.get('cn.crt'), key: pem.get('cn.key') } });
    try {
      const res = await postMessage(agent);
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'message.unreadable');
    } finally {
      await agent.close();
    }
  });
});
