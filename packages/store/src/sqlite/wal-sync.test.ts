import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WalSync } from './wal-sync.js';

async function walFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'olk-wal-')), 'db-wal');
  await writeFile(path, 'frames');
  return path;
}

/** Waits until `ready()` (the flush runs after an asynchronous open of the WAL file). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('WalSync, the durability barrier of the SQLite store', () => {
  it('does not report a commit durable before a flush that started after it has finished', async () => {
    let release!: () => void;
    let flushes = 0;
    const sync = new WalSync(await walFile(), () => {
      flushes++;
      return new Promise<void>((r) => (release = r));
    });
    sync.noteCommit();
    let done = false;
    const waiting = sync.sync().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(done, false, 'reported before the flush finished');
    release();
    await waiting;
    assert.equal(flushes, 1);
    await sync.close();
  });

  it('shares one flush among the commits made before it, and flushes again for a commit made during it', async () => {
    const releases: (() => void)[] = [];
    const sync = new WalSync(await walFile(), () => new Promise<void>((r) => releases.push(r)));
    sync.noteCommit();
    sync.noteCommit();
    const first = [sync.sync(), sync.sync()];
    await until(() => releases.length > 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(releases.length, 1, 'two commits before the flush: one flush');
    sync.noteCommit(); // committed while the first flush runs: it does not cover this one
    const second = sync.sync();
    releases[0]!();
    await Promise.all(first);
    await until(() => releases.length > 1);
    assert.equal(releases.length, 2, 'a second flush for the commit made during the first');
    releases[1]!();
    await second;
    await sync.close();
  });

  it('costs nothing when no commit happened since the last flush (reads)', async () => {
    let flushes = 0;
    const sync = new WalSync(await walFile(), () => Promise.resolve(void flushes++));
    await sync.sync();
    sync.noteCommit();
    await sync.sync();
    await sync.sync();
    assert.equal(flushes, 1);
    await sync.close();
  });
});
