import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { sqliteMigrationBackend } from '../sqlite/sqlite-migrations.js';
import { StoreError } from '../store-error.js';
import { MigrationError } from './migration-error.js';
import { loadMigrationFiles, migrationChecksum, migrationsFolder, type MigrationFile } from './migration-files.js';
import { migrationProblems, runMigrations } from './migrator.js';

const file = (version: number, name: string, sql: string): MigrationFile =>
  ({ version, name: `${String(version).padStart(4, '0')}_${name}`, sql, checksum: migrationChecksum(sql) });

async function withFolder(files: Record<string, string>, fn: (folder: URL) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'originlink-migrations-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await fn(pathToFileURL(`${dir}/`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('migration files', () => {
  it('loads NNNN_name.sql files in version order with checksums that ignore CRLF', () => withFolder(
    { '0002_b.sql': 'SELECT 2;\r\n', '0001_a.sql': 'SELECT 1;\n', 'README.md': 'not a migration' },
    async (folder) => {
      const files = await loadMigrationFiles(folder);
      assert.deepEqual(files.map((f) => [f.version, f.name]), [[1, '0001_a'], [2, '0002_b']]);
      assert.equal(files[1]?.checksum, migrationChecksum('SELECT 2;\n'));
    },
  ));

  it('refuses a badly named file and a duplicate version', async () => {
    await withFolder({ '1_a.sql': '' }, (folder) => assert.rejects(loadMigrationFiles(folder), (e: unknown) => e instanceof MigrationError && e.code === 'bad-file'));
    await withFolder({ '0001_a.sql': '', '0001_b.sql': '' }, (folder) => assert.rejects(loadMigrationFiles(folder), (e: unknown) => e instanceof MigrationError && e.code === 'bad-file'));
  });

  it('finds the shipped SQLite migrations next to the package', async () => {
    const files = await loadMigrationFiles(migrationsFolder('sqlite'));
    assert.equal(files[0]?.name, '0001_initial');
  });
});

describe('runMigrations', () => {
  it('applies pending files in order, each recorded, and nothing the second time', async () => {
    const db = new Database(':memory:');
    const files = [file(1, 'a', 'CREATE TABLE a (x INTEGER);'), file(2, 'b', 'CREATE TABLE b (x INTEGER); CREATE INDEX b_x ON b (x);')];
    let clock = 100;
    const report = await runMigrations(sqliteMigrationBackend(db), files, () => clock++);
    assert.deepEqual(report, { applied: ['0001_a', '0002_b'], current: '0002_b' });
    assert.deepEqual(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all(), [
      { version: 1, name: '0001_a', applied_at: 100 }, { version: 2, name: '0002_b', applied_at: 101 },
    ]);
    assert.deepEqual(await runMigrations(sqliteMigrationBackend(db), files, () => 0), { applied: [], current: '0002_b' });
    db.close();
  });

  it('keeps the migrations before a failing one and rolls the failing one back whole', async () => {
    const db = new Database(':memory:');
    const files = [file(1, 'a', 'CREATE TABLE a (x INTEGER);'), file(2, 'b', 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);')];
    await assert.rejects(runMigrations(sqliteMigrationBackend(db), files, () => 0), StoreError);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    assert.deepEqual(tables, [{ name: 'a' }, { name: 'schema_migrations' }]);
    db.close();
  });

  it('names each disagreement between applied migrations and files', () => {
    const files = [file(1, 'a', 'A'), file(2, 'b', 'B'), file(3, 'c', 'C')];
    const applied = [
      { version: 1, name: '0001_a', checksum: 'edited', appliedAt: 0 },
      { version: 3, name: '0003_c', checksum: files[2]?.checksum ?? '', appliedAt: 0 },
      { version: 4, name: '0004_d', checksum: 'x', appliedAt: 0 },
    ];
    assert.deepEqual(migrationProblems(applied, files).map((p) => `${p.code} ${p.version}`), ['checksum-mismatch 1', 'unknown-migration 4', 'out-of-order 2']);
    assert.deepEqual(migrationProblems(applied.slice(1, 2).map((a) => ({ ...a, version: 1, checksum: files[0]?.checksum ?? '' })), files), []);
  });
});
