/**
 * Configuration loading: a YAML file with defaults, environment and flag overrides in their order
 * of precedence, paths relative to the file, every problem reported with its JSON pointer, the
 * nesting of the time windows, and secrets redacted when the configuration is printed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSigningKey } from '@originlink/protocol';
import { stringify } from 'yaml';
import { hashToken } from '../auth/token-auth.js';
import { formatDuration, parseDuration } from './duration.js';
import { loadConfig, redactConfig, type ConfigResult } from './load-config.js';

describe('gateway configuration', () => {
  let dir: string;
  const key = generateSigningKey('ES256', 'cn-2026');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-config-'));
    await writeFile(join(dir, 'signing.jwk.json'), JSON.stringify(key));
    await writeFile(join(dir, 'not-a-key.json'), '{"kty":"EC"}');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const base = () => ({
    country: 'CN',
    gatewayId: 'cn-gw-1',
    name: 'China e-CO gateway',
    publicUrl: 'https://eco.customs.example/',
    listen: { host: '127.0.0.1', port: 7100 },
    database: 'sqlite:./data/gateway.sqlite',
    signingKeys: ['./signing.jwk.json'],
    agreements: ['chkfta-certificate', 'rcep-certificate'],
    tokens: [{ name: 'issuing-system', sha256: hashToken('s3cret-token'), roles: ['issuer'] }],
  });
  let serial = 0;
  const load = async (config: unknown, env: Record<string, string> = {}, flags: Parameters<typeof loadConfig>[2] = {}): Promise<ConfigResult> => {
    const path = join(dir, `gateway-${++serial}.yaml`);
    await writeFile(path, typeof config === 'string' ? config : stringify(config));
    return loadConfig(path, env, flags);
  };
  const ok = (result: ConfigResult) => {
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
    return result.config;
  };
  const problems = (result: ConfigResult) => {
    assert.equal(result.ok, false, 'expected problems');
    return result.ok ? [] : result.problems;
  };

  it('loads a file with defaults, durations in milliseconds and paths relative to the file', async () => {
    const config = ok(await load(base()));
    assert.deepEqual(config.self, { country: 'CN', gateway: 'cn-gw-1' });
    assert.equal(config.publicUrl, 'https://eco.customs.example');
    assert.equal(config.database, `sqlite:${join(dir, 'data/gateway.sqlite')}`);
    assert.equal(config.signingKeys[0]?.kid, 'cn-2026');
    assert.deepEqual(config.profiles.map((p) => p.id), ['chkfta-certificate', 'rcep-certificate']);
    assert.equal(config.delivery.retryHorizonMs, 7 * 86_400_000);
    assert.equal(config.delivery.initialBackoffMs, 1000);
    assert.equal(config.inbound.maxMessageAgeMs, 8 * 86_400_000);
    assert.equal(config.inbound.rejectionLogSize, 10_000);
    assert.equal(config.allowInsecureHttp, false);
    assert.equal(config.tls, undefined);
    assert.equal(config.logLevel, 'info');
  });

  it('takes DATABASE_URL and ORIGINLINK_PORT from the environment over the file', async () => {
    const config = ok(await load(base(), { DATABASE_URL: 'sqlite:/var/lib/originlink/env.sqlite', ORIGINLINK_PORT: '7200', ORIGINLINK_LOG_LEVEL: 'warn' }));
    assert.equal(config.database, 'sqlite:/var/lib/originlink/env.sqlite');
    assert.equal(config.listen.port, 7200);
    assert.equal(config.logLevel, 'warn');
  });

  it('takes flags over the environment (flag > env > file > default)', async () => {
    const config = ok(await load(base(), { DATABASE_URL: 'sqlite:/env.sqlite', ORIGINLINK_PORT: '7200', ORIGINLINK_HOST: '127.0.0.2' }, { port: 7300, database: 'sqlite:/flag.sqlite' }));
    assert.equal(config.listen.port, 7300);
    assert.equal(config.database, 'sqlite:/flag.sqlite');
    assert.equal(config.listen.host, '127.0.0.2');
  });

  it('ignores empty environment variables', async () => {
    assert.equal(ok(await load(base(), { ORIGINLINK_PORT: '', DATABASE_URL: '' })).listen.port, 7100);
  });

  it('reports a non-numeric ORIGINLINK_PORT at /listen/port', async () => {
    assert.deepEqual(problems(await load(base(), { ORIGINLINK_PORT: 'http' })).map((p) => p.path), ['/listen/port']);
  });

  it('reports an unknown key at its own pointer', async () => {
    const found = problems(await load({ ...base(), retries: 3, delivery: { retryHorizon: '2d', retryHorizonn: '3d' } }));
    assert.deepEqual(found.map((p) => p.path).sort(), ['/delivery/retryHorizonn', '/retries']);
    assert.ok(found.every((p) => p.message.startsWith('unknown key')));
  });

  it('reports a malformed duration at its pointer', async () => {
    const found = problems(await load({ ...base(), delivery: { retryHorizon: 'a week' } }));
    assert.deepEqual(found.map((p) => p.path), ['/delivery/retryHorizon']);
  });

  it('refuses an inbound.maxMessageAge not longer than delivery.retryHorizon', async () => {
    const found = problems(await load({ ...base(), delivery: { retryHorizon: '10d' }, inbound: { maxMessageAge: '10d', dedupRetention: '30d' } }));
    assert.deepEqual(found.map((p) => p.path), ['/inbound/maxMessageAge']);
  });

  it('refuses an inbound.dedupRetention not longer than inbound.maxMessageAge', async () => {
    const found = problems(await load({ ...base(), inbound: { maxMessageAge: '8d', dedupRetention: '8d' } }));
    assert.deepEqual(found.map((p) => p.path), ['/inbound/dedupRetention']);
  });

  it('reports an unreadable or invalid key file at its index', async () => {
    const found = problems(await load({ ...base(), signingKeys: ['./signing.jwk.json', './missing.jwk.json', './not-a-key.json'] }));
    assert.deepEqual(found.map((p) => p.path), ['/signingKeys/1', '/signingKeys/2']);
    assert.match(found[0]!.message, /ENOENT/);
  });

  it('reports an unknown profile at its index', async () => {
    const found = problems(await load({ ...base(), agreements: ['chkfta-certificate', 'no-such-profile'] }));
    assert.deepEqual(found.map((p) => p.path), ['/agreements/1']);
    assert.match(found[0]!.message, /no-such-profile/);
  });

  it('reports missing required keys and wrong shapes with pointers', async () => {
    const { country: _country, ...rest } = base();
    const found = problems(await load({ ...rest, gatewayId: 'CN GW', tokens: [{ name: 't', sha256: 'abc', roles: ['king'] }] }));
    const paths = found.map((p) => p.path);
    assert.ok(paths.includes(''), JSON.stringify(found));
    assert.ok(paths.includes('/gatewayId'), JSON.stringify(found));
    assert.ok(paths.includes('/tokens/0/sha256'), JSON.stringify(found));
    assert.ok(paths.some((p) => p.startsWith('/tokens/0/roles/0')), JSON.stringify(found));
  });

  it('reports a file that is not YAML, not a mapping, or missing', async () => {
    assert.match(problems(await load('country: [CN'))[0]!.message, /not valid YAML/);
    assert.match(problems(await load('- a\n- b\n'))[0]!.message, /mapping/);
    assert.match(problems(await loadConfig(join(dir, 'nowhere.yaml'), {}))[0]!.message, /ENOENT/);
  });

  it('redacts private keys, token hashes, the TLS key and database passwords', async () => {
    const config = ok(await load(base(), { DATABASE_URL: 'postgres://originlink:hunter2@db.example/originlink' }));
    const text = JSON.stringify(redactConfig({ ...config, tls: { cert: 'CERT', key: '-----BEGIN PRIVATE KEY-----secret', ca: 'CA', requireClientCert: true } }));
    assert.doesNotMatch(text, new RegExp(key.d));
    assert.doesNotMatch(text, new RegExp(hashToken('s3cret-token')));
    assert.doesNotMatch(text, /BEGIN PRIVATE KEY/);
    assert.doesNotMatch(text, /hunter2/);
    assert.match(text, /postgres:\/\/originlink:<redacted>@db\.example/);
    assert.match(text, /"kid":"cn-2026"/);
    assert.match(text, /issuing-system/);
  });
});

describe('durations', () => {
  it('parses the units ms, s, m, h and d, and refuses others', () => {
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration('7d'), 604_800_000);
    assert.equal(parseDuration('7 days'), undefined);
    assert.equal(parseDuration('-1s'), undefined);
  });

  it('formats milliseconds in the largest exact unit', () => {
    assert.equal(formatDuration(604_800_000), '7d');
    assert.equal(formatDuration(90_000), '90s');
    assert.equal(formatDuration(1500), '1500ms');
  });
});
