import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { StoreError } from '../store-error.js';
import { classifyPostgresError } from './classify-error.js';
import { describePostgres } from './test-support/postgres-suite.js';

const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('classifyPostgresError', () => {
  it('maps SQLSTATE classes to portable reasons that say whether a retry helps', () => {
    const cases: [string, string, boolean][] = [
      ['23505', 'unique-violation', false], ['23503', 'constraint', false], ['23502', 'constraint', false],
      ['23514', 'constraint', false], ['22P02', 'constraint', false], ['22021', 'constraint', false],
      ['40001', 'serialization', true], ['40P01', 'serialization', true],
      ['55P03', 'busy', true], ['57014', 'busy', true], ['53300', 'busy', true],
      ['08006', 'connection', true], ['08001', 'connection', true], ['57P01', 'connection', true],
      ['57P02', 'connection', true], ['57P03', 'connection', true],
      ['42P01', 'unknown', false], ['XX000', 'unknown', false],
    ];
    for (const [code, reason, retryable] of cases) {
      const error = classifyPostgresError(withCode(code, 'boom'));
      assert.deepEqual([error.reason, error.retryable], [reason, retryable], code);
      assert.equal(error.message, `${code}: boom`);
    }
  });

  it('calls socket failures and the pool\'s own connection errors connection errors', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']) assert.equal(classifyPostgresError(withCode(code)).reason, 'connection', code);
    const refused = new AggregateError([withCode('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), withCode('ECONNREFUSED')], '');
    assert.equal(classifyPostgresError(refused).reason, 'connection');
    assert.match(classifyPostgresError(refused).message, /ECONNREFUSED ::1:5432/);
    for (const message of ['Connection terminated unexpectedly', 'Client has encountered a connection error and is not queryable', 'timeout exceeded when trying to connect', 'Cannot use a pool after calling end on the pool']) {
      assert.equal(classifyPostgresError(new Error(message)).reason, 'connection', message);
    }
  });

  it('never reads a server error\'s message as a client connection error', () => {
    assert.equal(classifyPostgresError(withCode('XX000', 'connection terminated by plugin')).reason, 'unknown');
  });

  it('passes a StoreError through, keeps the cause, and calls anything else unknown', () => {
    const original = new StoreError('busy', 'x');
    assert.equal(classifyPostgresError(original), original);
    const cause = new Error('boom');
    assert.equal(classifyPostgresError(cause).cause, cause);
    assert.equal(classifyPostgresError(cause).reason, 'unknown');
    assert.equal(classifyPostgresError('text').reason, 'unknown');
  });
});

describePostgres('classifyPostgresError against a real server', ({ url, schemas }) => {
  async function connect(schema: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** The StoreError for what `fn` raises in a fresh schema with a few constrained tables. */
  async function classified(fn: (client: pg.Client, other: () => Promise<pg.Client>) => Promise<unknown>): Promise<StoreError> {
    const schema = await schemas.create();
    const clients = [await connect(schema)];
    const [client] = clients as [pg.Client];
    try {
      await client.query(`CREATE TABLE p (id INT PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL DEFAULT 'x', c INT CHECK (c > 0));
        CREATE TABLE k (p INT REFERENCES p (id)); INSERT INTO p (id, u) VALUES (1, 'a')`);
      await fn(client, async () => {
        const other = await connect(schema);
        clients.push(other);
        return other;
      });
    } catch (error) {
      return classifyPostgresError(error);
    } finally {
      for (const c of clients) await c.end().catch(() => undefined);
    }
    throw new Error('expected an error');
  }

  it('classifies unique, foreign-key, not-null, check and NUL-in-text errors as PostgreSQL raises them', async () => {
    assert.equal((await classified((c) => c.query("INSERT INTO p (id, u) VALUES (2, 'a')"))).reason, 'unique-violation');
    assert.equal((await classified((c) => c.query('INSERT INTO p (id) VALUES (1)'))).reason, 'unique-violation');
    assert.equal((await classified((c) => c.query('INSERT INTO k VALUES (99)'))).reason, 'constraint');
    assert.equal((await classified((c) => c.query('INSERT INTO p (id, n) VALUES (3, NULL)'))).reason, 'constraint');
    assert.equal((await classified((c) => c.query('INSERT INTO p (id, c) VALUES (4, 0)'))).reason, 'constraint');
    // PostgreSQL text cannot hold U+0000 (SQLite can): the caller's data, not a transient fault.
    assert.equal((await classified((c) => c.query('INSERT INTO p (id, u) VALUES (5, $1)', ['a\u0000b']))).reason, 'constraint');
  });

  it('classifies a lock wait past lock_timeout as busy and a write conflict under REPEATABLE READ as serialization', async () => {
    const busy = await classified(async (holder, other) => {
      await holder.query('BEGIN; UPDATE p SET n = $$held$$ WHERE id = 1');
      await (await other()).query("SET lock_timeout = '20ms'; UPDATE p SET n = 'waiting' WHERE id = 1");
    });
    assert.deepEqual([busy.reason, busy.retryable], ['busy', true]);
    const conflict = await classified(async (first, other) => {
      const second = await other();
      await first.query('BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT * FROM p');
      await second.query("UPDATE p SET n = 'changed' WHERE id = 1");
      await first.query("UPDATE p SET n = 'mine' WHERE id = 1");
    });
    assert.deepEqual([conflict.reason, conflict.retryable], ['serialization', true]);
  });

  it('classifies a terminated session and a refused connection as connection errors', async () => {
    const terminated = await classified((c) => c.query('SELECT pg_terminate_backend(pg_backend_pid())'));
    assert.deepEqual([terminated.reason, terminated.retryable], ['connection', true]);
    const refused = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    const error = await refused.connect().then(() => undefined, (e: unknown) => e);
    assert.equal(classifyPostgresError(error).reason, 'connection');
  });
});
