import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runCommand } from '../test/run-command.js';

describe('originlink migrate and doctor', () => {
  it('lists pending migrations with --dry-run, applies them, then reports the database healthy', async () => {
    const url = `sqlite:${join(await mkdtemp(join(tmpdir(), 'olk-db-')), 'gw.sqlite')}`;
    const dry = await runCommand(['migrate', '--database', url, '--dry-run', '--json']);
    assert.equal(dry.code, 0, dry.err);
    const plan = JSON.parse(dry.out) as { pending: string[]; applied: string[] };
    assert.ok(plan.pending.length >= 1);
    assert.deepEqual(plan.applied, []);
    const real = await runCommand(['migrate', '--database', url, '--json']);
    assert.deepEqual((JSON.parse(real.out) as { applied: string[] }).applied, plan.pending);
    const again = await runCommand(['migrate', '--database', url]);
    assert.match(again.out, /up to date/);
    const doctor = await runCommand(['doctor', '--database', url]);
    assert.equal(doctor.code, 0, doctor.out + doctor.err);
    assert.match(doctor.out, /healthy/);
  });

  it('doctor reports an index dropped by hand and exits 1', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'olk-db-')), 'gw.sqlite');
    await runCommand(['migrate', '--database', `sqlite:${file}`]);
    const db = new Database(file);
    const index = db.prepare("select name from sqlite_master where type = 'index' and sql is not null order by name limit 1").get() as { name: string };
    db.exec(`drop index ${index.name}`);
    db.close();
    const doctor = await runCommand(['doctor', '--database', `sqlite:${file}`]);
    assert.equal(doctor.code, 1);
    assert.match(doctor.out, new RegExp(index.name));
  });

  it('needs a database: usage error without --config, --database or DATABASE_URL', async () => {
    assert.equal((await runCommand(['doctor'])).code, 2);
    assert.equal((await runCommand(['migrate'])).code, 2);
  });
});
