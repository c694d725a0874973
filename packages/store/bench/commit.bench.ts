/**
 * Durable commits per second on this machine, SQLite (WAL, synchronous=FULL: every commit is
 * fsynced before it returns) and PostgreSQL (synchronous_commit as the server has it) side by
 * side in the same run. Compares one small transaction per commit with 50 per transaction (what
 * group commit buys), for a one-row insert and for a whole certificate submission through the
 * Store API (certificate + 2 items, 2 KB message, outbox entry, audit row), then 8 submissions
 * committing concurrently (one writer at a time on SQLite, a pool on PostgreSQL). Medians of
 * rounds. Run from the repository root:
 *   node --conditions=originlink-source --import tsx packages/store/bench/commit.bench.ts [--dir D] [--rounds N]
 * The SQLite file goes in --dir (default: the system temp folder); put it on the disk the gateway
 * will use, since a tmpfs would make fsync free and the figures meaningless. PostgreSQL is the
 * server DATABASE_URL names, else the local test server if it answers, in a scratch schema.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { newCertificate, newMessage, newOutboxEntry } from '../src/contract/contract-fixtures.js';
import { openPostgresStore } from '../src/postgres/postgres-store.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import { storeInternals } from '../src/store-internals.js';
import type { Repositories, Store } from '../src/store.js';
import { postgresTestTarget } from '../src/testing/postgres-test-url.js';
import { testSchemas } from '../src/testing/postgres-test-schemas.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, rounds: { type: 'string', default: '5' }, commits: { type: 'string', default: '300' } } });
const rounds = Number(values.rounds);
const commitsPerRound = Number(values.commits);
const batch = 50;
const concurrency = 8;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

let unique = 0;
async function submitCertificate(tx: Repositories): Promise<void> {
  const id = `bench-${++unique}`;
  await tx.certificates.insert(newCertificate({ id, number: `N-${id}`, messageId: `m-${id}`, document: JSON.stringify({ id, pad: 'x'.repeat(1500) }) }));
  await tx.messages.insert(newMessage({ id: `m-${id}`, certificateId: id, raw: new Uint8Array(2048).fill(unique % 251) }));
  await tx.outbox.enqueue(newOutboxEntry({ messageId: `m-${id}`, orderKey: id }));
  await tx.audit.append({ at: Date.now(), actor: 'api:bench', action: 'certificate.submitted', subject: id, details: '{"bench":true}' });
}

async function oneRow(tx: Repositories): Promise<void> {
  await tx.audit.append({ at: Date.now(), actor: 'api:bench', action: 'bench.row', subject: 's', details: '{}' });
}

interface Case { readonly name: string; readonly work: (tx: Repositories) => Promise<void>; readonly perTransaction: number; readonly workers: number }

const cases: Case[] = [
  { name: 'one-row transaction, 1 per commit', work: oneRow, perTransaction: 1, workers: 1 },
  { name: `one-row transaction, ${batch} per commit`, work: oneRow, perTransaction: batch, workers: 1 },
  { name: 'certificate submission, 1 per commit', work: submitCertificate, perTransaction: 1, workers: 1 },
  { name: `certificate submission, ${batch} per commit`, work: submitCertificate, perTransaction: batch, workers: 1 },
  { name: `certificate submission, 1 per commit, ${concurrency} at once`, work: submitCertificate, perTransaction: 1, workers: concurrency },
];

/** Units of work per second, one transaction per `perTransaction` units, `workers` transactions at a time. */
async function measure(store: Store, c: Case): Promise<number> {
  const transactions = Math.max(c.workers, Math.round(commitsPerRound / (c.perTransaction === 1 ? 1 : 10)));
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: c.workers }, async () => {
    while (next++ < transactions) {
      await store.transaction(async (tx) => {
        for (let i = 0; i < c.perTransaction; i++) await c.work(tx);
      });
    }
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (transactions * c.perTransaction) / seconds;
}

/** Median units per second of each case (after a warm-up round), printed as they come. */
async function runCases(label: string, store: Store): Promise<number[]> {
  const medians: number[] = [];
  for (const c of cases) {
    await measure(store, c); // warm-up
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) rates.push(await measure(store, c));
    medians.push(median(rates));
    console.log(`  ${label.padEnd(10)} ${c.name.padEnd(48)} ${median(rates).toFixed(0).padStart(7)} units/s  (rounds: ${rates.map((x) => x.toFixed(0)).join(', ')})`);
  }
  return medians;
}

const scalar = async (store: Store, query: string): Promise<string> =>
  String(Object.values((await sql.raw<Record<string, unknown>>(query).execute(storeInternals(store).db)).rows[0] ?? {})[0]);

console.log(`${rounds} rounds of ${commitsPerRound} commits; median per round\n`);
const results: { label: string; medians: number[] }[] = [];

const folder = await mkdtemp(join(values.dir ?? tmpdir(), 'originlink-bench-'));
const sqlite = await openSqliteStore({ path: join(folder, 'bench.db'), busyTimeoutMs: 60_000 });
try {
  const synchronous = await scalar(sqlite, 'PRAGMA synchronous');
  console.log(`SQLite ${await scalar(sqlite, 'select sqlite_version()')}, WAL, synchronous=${synchronous === '2' ? 'FULL' : synchronous}, ${folder}`);
  results.push({ label: 'SQLite', medians: await runCases('SQLite', sqlite) });
} finally {
  await sqlite.close();
  await rm(folder, { recursive: true, force: true });
}

const target = await postgresTestTarget();
if (target.url === undefined) {
  console.log(`\nPostgreSQL skipped: ${target.skip}`);
} else {
  const schemas = testSchemas(target.url, 'originlink_bench');
  const postgres = await openPostgresStore({ url: target.url, schema: schemas.name(), poolSize: concurrency });
  try {
    const version = (await scalar(postgres, 'show server_version')).split(' ')[0];
    console.log(`\nPostgreSQL ${version ?? ''}, synchronous_commit=${await scalar(postgres, 'show synchronous_commit')}, fsync=${await scalar(postgres, 'show fsync')}, pool of ${concurrency}`);
    results.push({ label: 'PostgreSQL', medians: await runCases('PostgreSQL', postgres) });
  } finally {
    await postgres.close();
    await schemas.dropAll();
  }
}

console.log(`\n${'units per second (median)'.padEnd(56)}${results.map((r) => r.label.padStart(12)).join('')}`);
cases.forEach((c, i) => console.log(`${c.name.padEnd(56)}${results.map((r) => (r.medians[i] ?? 0).toFixed(0).padStart(12)).join('')}`));
