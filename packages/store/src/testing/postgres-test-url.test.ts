import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgresTestTarget } from './postgres-test-url.js';

const unreachable = 'postgres://postgres:hunter2@127.0.0.1:1/test';

describe('postgresTestTarget', () => {
  it('makes PostgreSQL tests mandatory when DATABASE_URL names PostgreSQL, without probing it', async () => {
    const target = await postgresTestTarget({ env: { DATABASE_URL: unreachable }, probeUrl: 'postgres://127.0.0.1:1/never' });
    assert.deepEqual(target, { url: unreachable, source: 'DATABASE_URL' });
  });

  it('skips, saying where it looked and how to run anyway, when DATABASE_URL is unset and the probe fails', async () => {
    const started = Date.now();
    const target = await postgresTestTarget({ env: {}, probeUrl: unreachable, probeTimeoutMs: 500 });
    assert.equal(target.url, undefined);
    assert.match(target.skip ?? '', /^PostgreSQL not reachable at postgres:\/\/postgres:redacted@127\.0\.0\.1:1\/test \(.*ECONNREFUSED.*\); set DATABASE_URL to run$/);
    assert.doesNotMatch(target.skip ?? '', /hunter2/);
    assert.ok(Date.now() - started < 2000, 'the probe is quick');
  });

  it('probes, and skips, when DATABASE_URL names another backend', async () => {
    const target = await postgresTestTarget({ env: { DATABASE_URL: 'sqlite:./x.db' }, probeUrl: unreachable, probeTimeoutMs: 500 });
    assert.match(target.skip ?? '', /not reachable/);
  });
});
