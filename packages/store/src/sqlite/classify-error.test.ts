import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';
import { classifySqliteError } from './classify-error.js';

/** The StoreError for what `fn` throws against a real SQLite database. */
function classified(fn: (db: Database.Database) => void): StoreError {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE p (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL DEFAULT 'x', c INTEGER CHECK (c > 0));
           CREATE TABLE k (p INTEGER REFERENCES p (id)); INSERT INTO p (id, u) VALUES (1, 'a')`);
  try {
    fn(db);
  } catch (error) {
    return classifySqliteError(error);
  } finally {
    if (db.open) db.close();
  }
  throw new Error('expected an error');
}

describe('classifySqliteError', () => {
  it('classifies unique and primary-key conflicts as unique violations, not retryable', () => {
    const unique = classified((db) => db.exec("INSERT INTO p (id, u) VALUES (2, 'a')"));
    assert.equal(unique.reason, 'unique-violation');
    assert.equal(unique.retryable, false);
    assert.match(unique.message, /SQLITE_CONSTRAINT_UNIQUE/);
    assert.equal(classified((db) => db.exec("INSERT INTO p (id, u) VALUES (1, 'b')")).reason, 'unique-violation');
  });

  it('classifies foreign-key, not-null and check failures as constraint errors', () => {
    assert.equal(classified((db) => db.exec('INSERT INTO k VALUES (99)')).reason, 'constraint');
    assert.equal(classified((db) => db.exec('INSERT INTO p (id, n) VALUES (3, NULL)')).reason, 'constraint');
    assert.equal(classified((db) => db.exec('INSERT INTO p (id, c) VALUES (4, 0)')).reason, 'constraint');
  });

  it('classifies a lock held by another connection as busy and retryable', () => {
    // A real file: better-sqlite3 does not read URI file names, so a `file:...?mode=memory`
    // name would create a stray file of that name in the working directory.
    const folder = mkdtempSync(join(tmpdir(), 'originlink-busy-'));
    const path = join(folder, 'busy.db');
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    try {
      const error = classified(() => {
        const other = new Database(path, { timeout: 0 });
        try {
          other.exec('INSERT INTO t VALUES (2)');
        } finally {
          other.close();
        }
      });
      assert.ok(error.reason === 'busy', error.message);
      assert.equal(error.retryable, true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('classifies use of a closed handle as a connection error and keeps the cause', () => {
    const error = classified((db) => {
      db.close();
      db.prepare('SELECT 1');
    });
    assert.equal(error.reason, 'connection');
    assert.ok(error.cause instanceof Error);
  });

  it('passes a StoreError through and calls anything else unknown', () => {
    const original = new StoreError('busy', 'x');
    assert.equal(classifySqliteError(original), original);
    assert.equal(classifySqliteError(new Error('boom')).reason, 'unknown');
    assert.equal(classifySqliteError('text').reason, 'unknown');
  });
});
