/**
 * Runs the store contract against SQLite files in a temporary folder, plus what is SQLite's
 * own: the pragmas that make commits durable, and several processes migrating one new file at
 * the same moment.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { runStoreContract } from '../contract/store-contract.js';
import { storeInternals } from '../store-internals.js';
import { openSqliteStore } from './sqlite-store.js';

const run = promisify(execFile);
/** Starts a TypeScript file with tsx, again if the start deadlocks (scripts/run-ts.mjs). */
const runTs = fileURLToPath(new URL('../../../../scripts/run-ts.mjs', import.meta.url));
let folder = '';
let counter = 0;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'originlink-store-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

const freshPath = (): string => join(folder, `store-${++counter}.db`);

runStoreContract('sqlite', (options) => openSqliteStore({ path: freshPath(), ...options }));

describe('SQLite store', () => {
  it('opens in WAL mode with synchronous=NORMAL (commits are flushed by the WAL barrier), foreign keys on and the busy timeout set', async () => {
    const store = await openSqliteStore({ path: freshPath(), busyTimeoutMs: 1234 });
    try {
      const db = storeInternals(store).db;
      const pragma = async (name: string): Promise<unknown> => Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] ?? {})[0];
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('synchronous'), 1); // 1 = NORMAL: WalSync flushes the WAL before a commit is reported
      assert.equal(await pragma('foreign_keys'), 1);
      assert.equal(await pragma('busy_timeout'), 1234);
      assert.deepEqual(store.capabilities, { concurrentWriters: false, skipLocked: false, advisoryLocks: false });
      assert.equal(store.backend, 'sqlite');
    } finally {
      await store.close();
    }
  });

  it('migrates one new file from four processes opening it at the same moment', async () => {
    const path = freshPath();
    const child = fileURLToPath(new URL('./test-support/open-in-process.ts', import.meta.url));
    const startAt = String(Date.now() + 3000);
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map(async (id) => {
      const { stdout } = await run(process.execPath, [runTs, child, path, id, startAt]);
      return stdout;
    }));
    assert.deepEqual(results.sort(), ['ok p1', 'ok p2', 'ok p3', 'ok p4']);
    const store = await openSqliteStore({ path });
    try {
      assert.deepEqual((await storeInternals(store).appliedMigrations()).map((m) => m.version), [1, 2]);
      assert.equal((await store.certificates.search({}, 10)).items.length, 4);
    } finally {
      await store.close();
    }
  });
});
