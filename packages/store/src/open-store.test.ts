import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { openStore, postgresTargetFromUrl, sqlitePathFromUrl } from './open-store.js';
import { StoreError } from './store-error.js';

describe('openStore', () => {
  it('reads the SQLite path from sqlite:, file: and plain-path URLs', () => {
    assert.equal(sqlitePathFromUrl('sqlite:./data/originlink.db'), './data/originlink.db');
    assert.equal(sqlitePathFromUrl('sqlite:///var/lib/originlink.db'), '/var/lib/originlink.db');
    assert.equal(sqlitePathFromUrl('sqlite::memory:'), ':memory:');
    assert.equal(sqlitePathFromUrl('file:./x.db'), './x.db');
    assert.equal(sqlitePathFromUrl('file:///tmp/a%20b.db'), '/tmp/a b.db');
    assert.equal(sqlitePathFromUrl('/srv/originlink.db'), '/srv/originlink.db');
    assert.equal(sqlitePathFromUrl('originlink.db'), 'originlink.db');
    assert.equal(sqlitePathFromUrl('postgres://u@h/db'), undefined);
  });

  it('reads the schema parameter of a PostgreSQL URL and leaves the rest to the driver', () => {
    assert.deepEqual(postgresTargetFromUrl('postgres://gw:s3cret@db.example:5433/originlink?schema=gw_th&sslmode=require'), {
      url: 'postgres://gw:s3cret@db.example:5433/originlink?sslmode=require', schema: 'gw_th',
    });
    assert.deepEqual(postgresTargetFromUrl('postgresql://h/db'), { url: 'postgresql://h/db' });
  });

  it('refuses unknown schemes, an empty URL and an unreachable PostgreSQL server as connection errors', async () => {
    for (const url of ['mysql://h/db', '', 'postgres://postgres@127.0.0.1:1/test', 'postgresql://postgres@127.0.0.1:1/test?schema=x']) {
      await assert.rejects(openStore(url), (e: unknown) => e instanceof StoreError && e.reason === 'connection' && !e.message.includes('undefined'), url);
    }
    await assert.rejects(openStore('postgres://h/db?schema=Not%20valid'), /invalid PostgreSQL schema name/);
  });

  it('opens and migrates a SQLite store named by a file URL', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'originlink-open-'));
    try {
      const store = await openStore(pathToFileURL(join(folder, 'gw.db')).href);
      assert.equal(store.backend, 'sqlite');
      assert.deepEqual((await store.migrate()).applied, []);
      await store.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
