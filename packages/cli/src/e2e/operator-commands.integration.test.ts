/**
 * The operator's commands against gateway processes over HTTP, as a customs IT team uses them on
 * day one: `keys generate` and `tokens generate|hash` (offline), `partners add|list` (pinning a
 * partner after comparing its key thumbprints, or refusing to), `send` (a certificate file to the
 * local gateway, and an invalid one explained) and `status` (delivery, signed receipt, timeline,
 * on the sending and the receiving side).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { jwkThumbprint, publicJwk, type PrivateJwk } from '@originlink/protocol';
import { exitCodes } from '../command.js';
import { demoTokens } from '../demo/demo-setup.js';
import { runCommand } from '../test/run-command.js';
import { testCertificate } from './e2e-certificates.js';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';
import { waitFor } from './wait-for.js';

describe('operator commands', { timeout: 120_000 }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-operator-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  describe('keys generate', () => {
    it('writes a private ES256 key only its owner can read, and prints the thumbprint partners compare', async () => {
      const out = join(dir, 'signing.jwk.json');
      const run = await runCommand(['keys', 'generate', '--out', out]);
      assert.equal(run.code, exitCodes.ok, run.err);
      const key = JSON.parse(await readFile(out, 'utf8')) as PrivateJwk;
      assert.equal(key.alg, 'ES256');
      assert.ok('d' in key, 'the file holds the private key');
      assert.equal((await stat(out)).mode & 0o777, 0o600);
      assert.match(run.out, new RegExp(`thumbprint\\s+${jwkThumbprint(publicJwk(key))}`));
      assert.doesNotMatch(run.out, new RegExp(String(key.d)), 'the private part is never printed');
    });

    it('makes an Ed25519 key on request, with the key id asked for', async () => {
      const out = join(dir, 'ed.jwk.json');
      assert.equal((await runCommand(['keys', 'generate', '--out', out, '--alg', 'EdDSA', '--kid', 'kr-2027'])).code, exitCodes.ok);
      const key = JSON.parse(await readFile(out, 'utf8')) as PrivateJwk;
      assert.deepEqual([key.alg, key.kid, key.crv], ['EdDSA', 'kr-2027', 'Ed25519']);
    });

    it('refuses to overwrite an existing key, and explains a bad algorithm as a usage error', async () => {
      const out = join(dir, 'keep.jwk.json');
      await writeFile(out, 'the key in use');
      const again = await runCommand(['keys', 'generate', '--out', out]);
      assert.equal(again.code, exitCodes.failed);
      assert.match(again.err, /refusing to overwrite/);
      assert.equal(await readFile(out, 'utf8'), 'the key in use');
      const bad = await runCommand(['keys', 'generate', '--out', join(dir, 'x.jwk.json'), '--alg', 'RS256']);
      assert.equal(bad.code, exitCodes.usage);
      assert.match(bad.err, /ES256/);
    });
  });

  describe('tokens', () => {
    it('generates a token and the configuration entry holding only its SHA-256, which `tokens hash` reproduces', async () => {
      const run = await runCommand(['tokens', 'generate', '--name', 'clearance-system', '--roles', 'customs,admin']);
      assert.equal(run.code, exitCodes.ok, run.err);
      const token = /^\s+(olk_\S+)$/m.exec(run.out)?.[1];
      assert.ok(token, run.out);
      const sha256 = createHash('sha256').update(token).digest('hex');
      assert.match(run.out, new RegExp(`\\{ name: clearance-system, sha256: ${sha256}, roles: \\[customs, admin\\] \\}`));
      const hashed = await runCommand(['tokens', 'hash', token]);
      assert.equal(hashed.out.trim(), sha256);
    });

    it('refuses an unknown role, naming the roles there are', async () => {
      const run = await runCommand(['tokens', 'generate', '--name', 'x', '--roles', 'issuer,root']);
      assert.equal(run.code, exitCodes.usage);
      assert.match(run.err, /issuer, customs, admin.*unknown: root/);
    });
  });

  describe('partners, send and status between two gateway processes', () => {
    let net: TestNetwork;
    let cn: TestGateway;
    let kr: TestGateway;
    const cnAdmin = () => ['--gateway', cn.url, '--token', demoTokens('CN').admin];
    const krAdmin = () => ['--gateway', kr.url, '--token', demoTokens('KR').admin];
    let krThumbprints: string[];

    before(async () => {
      net = await startNetwork({ countries: ['CN', 'KR'] });
      cn = net.gateway('CN');
      kr = net.gateway('KR');
    });
    after(() => net?.close());

    it('shows the partner\'s identity and keys, and pins nothing unless confirmed', async () => {
      const run = await runCommand(['partners', 'add', kr.url, ...cnAdmin()]);
      assert.equal(run.code, exitCodes.failed);
      assert.match(run.out, /^KR\/kr-gw-1 /m);
      assert.match(run.out, /fingerprint {2}SHA256:/);
      assert.match(run.err, /not pinned: confirm interactively, or pass --expect/);
      krThumbprints = [...run.out.matchAll(/thumbprint {3}(\S+)/g)].map((m) => m[1]!);
      assert.equal(krThumbprints.length, 1);
      const list = await runCommand(['partners', 'list', ...cnAdmin()]);
      assert.match(list.out, /no partners yet/);
    });

    it('refuses keys other than the thumbprints the partner gave by another channel', async () => {
      const run = await runCommand(['partners', 'add', kr.url, ...cnAdmin(), '--expect', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']);
      assert.equal(run.code, exitCodes.failed);
      assert.match(run.err, /not the expected ones; nothing was pinned/);
      assert.match((await runCommand(['partners', 'list', ...cnAdmin()])).out, /no partners yet/);
    });

    it('pins the partner whose keys match, both ways, and lists it', async () => {
      const pinned = await runCommand(['partners', 'add', kr.url, ...cnAdmin(), '--expect', krThumbprints.join(',')]);
      assert.equal(pinned.code, exitCodes.ok, pinned.err);
      assert.match(pinned.out, /pinned KR\/kr-gw-1 for CHKFTA/);
      assert.equal((await runCommand(['partners', 'add', cn.url, ...krAdmin(), '--yes'])).code, exitCodes.ok);
      const list = await runCommand(['partners', 'list', ...cnAdmin(), '--json']);
      const items = (JSON.parse(list.out) as { items: { country: string; keys: { thumbprint: string }[] }[] }).items;
      assert.deepEqual(items.map((p) => [p.country, p.keys.map((k) => k.thumbprint)]), [['KR', krThumbprints]]);
    });

    it('sends a certificate file, and status shows it delivered with Korea\'s signed receipt and its timeline', async () => {
      const doc = await testCertificate('CLI', 1);
      const file = join(dir, 'certificate.json');
      await writeFile(file, JSON.stringify(doc));
      const issuer = ['--gateway', cn.url, '--token', demoTokens('CN').issuer];
      const sent = await runCommand(['send', file, '--to', 'KR', ...issuer]);
      assert.equal(sent.code, exitCodes.ok, sent.err);
      assert.match(sent.out, new RegExp(`^accepted for delivery: ${doc.header.number} -> KR`));

      const status = await waitFor('delivered', async () => {
        const run = await runCommand(['status', doc.header.number, ...issuer]);
        return run.code === exitCodes.ok && /^status {6}delivered$/m.test(run.out) ? run : undefined;
      });
      assert.match(status.out, /^delivery {4}delivered, 1 attempt\(s\)/m);
      assert.match(status.out, /^receipt {5}accepted at \S+ \(signed receipt [0-9a-f-]{36}\)/m);
      assert.match(status.out, /issued[\s\S]*sent[\s\S]*delivered/);

      const atKorea = await runCommand(['status', doc.header.number, '--gateway', kr.url, '--token', demoTokens('KR').customs, '--json']);
      const [received] = JSON.parse(atKorea.out) as { certificate: { direction: string; status: string }; timeline: { event: string; actor: string }[] }[];
      assert.deepEqual([received?.certificate.direction, received?.certificate.status], ['inbound', 'received']);
      assert.deepEqual(received?.timeline.map((e) => [e.event, e.actor]), [['received', 'partner:CN/cn-gw-1']]);
    });

    it('explains why a certificate is refused, sends nothing, and says so for a file addressed elsewhere', async () => {
      const doc = await testCertificate('CLI', 2);
      const broken = { ...doc, exporter: { ...(doc['exporter'] as Record<string, unknown>), name: '' } };
      const file = join(dir, 'broken.json');
      await writeFile(file, JSON.stringify(broken));
      const issuer = ['--gateway', cn.url, '--token', demoTokens('CN').issuer];
      const run = await runCommand(['send', file, '--to', 'KR', ...issuer]);
      assert.equal(run.code, exitCodes.failed);
      assert.match(run.err, /certificate\.invalid/);
      assert.match(run.err, /\/exporter\/name/);
      const missing = await runCommand(['status', doc.header.number, ...issuer]);
      assert.equal(missing.code, exitCodes.failed);
      assert.match(missing.err, /no certificate/);

      const elsewhere = await runCommand(['send', file, '--to', 'ID', ...issuer]);
      assert.equal(elsewhere.code, exitCodes.failed);
      assert.match(elsewhere.err, /addressed to KR \(header\.importingCountry\), not ID/);
    });

    it('refuses a token without the role, with the problem\'s code', async () => {
      const file = join(dir, 'certificate.json');
      const run = await runCommand(['send', file, '--to', 'KR', '--gateway', cn.url, '--token', demoTokens('CN').customs]);
      assert.equal(run.code, exitCodes.failed);
      assert.match(run.err, /auth\.forbidden/);
    });
  });
});
