/**
 * One measured round of the push benchmark, for the gateways or for the floor receiver: offer the
 * load, wait until everything is settled, and compute throughput, latency percentiles and the CPU
 * each process spent per certificate.
 */
import { Client, Pool } from 'undici';
import type { BenchGateway } from './bench-network.js';
import type { BenchChild } from './child-process.js';
import { closedLoop, nowMs, openLoop, percentiles, type LoadRun, type Percentiles } from './load.js';

export interface RoundResult {
  /** Completed per second: certificates delivered (gateway) or messages acknowledged (floor). */
  readonly throughput: number;
  /** Gateway: submission start -> receipt stored at the sender; floor: request -> receipt. Ms. */
  readonly e2e: Percentiles;
  /** Gateway: submission start -> 202 from the national API. Ms. */
  readonly submit: Percentiles;
  /** CPU ms per completed item, by process. */
  readonly cpuMsPer: Readonly<Record<string, number>>;
  /** Durable commits (fsyncs) per completed item at the receiver, when known. */
  readonly commitsPer?: number;
  /** Gateways: group commits per certificate and units of work per group, by gateway. */
  readonly groups?: Readonly<Record<string, { readonly perCertificate: number; readonly unitsPerCommit: number }>>;
  readonly errors: number;
}

const pools = new Map<string, Pool>();
const pool = (url: string): Pool => {
  let p = pools.get(url);
  if (!p) pools.set(url, (p = new Pool(url, { connections: 64, keepAliveTimeout: 60_000 })));
  return p;
};

/** Closes the keep-alive connections to the gateways (at the end of the run). */
export async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}

async function getJson<T>(g: BenchGateway, token: string, path: string): Promise<T> {
  const res = await pool(g.url).request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`GET ${path} at ${g.country}: HTTP ${res.statusCode} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Outbox entries no longer pending (delivered, rejected or failed). */
async function settledCount(g: BenchGateway): Promise<number> {
  const { depth } = await getJson<{ depth: Record<string, number> }>(g, g.tokens.admin, '/api/v1/deliveries?limit=1');
  return (depth['delivered'] ?? 0) + (depth['rejected'] ?? 0) + (depth['failed'] ?? 0);
}

/** Status and last update (the receipt's recording, once delivered) of the given outbound certificates. */
async function outcomes(g: BenchGateway, numbers: ReadonlySet<string>): Promise<Map<string, { status: string; at: number }>> {
  const out = new Map<string, { status: string; at: number }>();
  let cursor: string | undefined;
  do {
    const page = await getJson<{ items: { number: string; status: string; updatedAt: string }[]; next?: string }>(g, g.tokens.issuer, `/api/v1/certificates?direction=outbound&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const c of page.items) if (numbers.has(c.number)) out.set(c.number, { status: c.status, at: Date.parse(c.updatedAt) });
    cursor = page.next;
  } while (cursor && out.size < numbers.size);
  return out;
}

/** Group commits so far (count and units) from the gateway's originlink_commit_group_size histogram. */
async function commitGroups(g: BenchGateway): Promise<{ commits: number; units: number }> {
  const res = await pool(g.url).request({ method: 'GET', path: '/metrics' });
  const text = await res.body.text();
  const value = (name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { commits: value('originlink_commit_group_size_count'), units: value('originlink_commit_group_size_sum') };
}

/** Group commits of all the sender's instances together. */
async function sumGroups(senders: readonly BenchGateway[]): Promise<{ commits: number; units: number }> {
  const all = await Promise.all(senders.map(commitGroups));
  return { commits: all.reduce((s, g) => s + g.commits, 0), units: all.reduce((s, g) => s + g.units, 0) };
}

/** Adds CN, the CPU of all the sender's instances together, when there are several. */
function withSenderTotal(perCertificate: Record<string, number>, instances: number): Record<string, number> {
  if (instances === 1) return perCertificate;
  const total = Array.from({ length: instances }, (_, i) => perCertificate[`CN${i + 1}`] ?? Number.NaN).reduce((s, x) => s + x, 0);
  return { ...perCertificate, CN: total };
}

function cpuSnapshot(children: Readonly<Record<string, BenchChild | undefined>>): Record<string, number> {
  const usage = process.cpuUsage();
  const out: Record<string, number> = { driver: (usage.user + usage.system) / 1e6 };
  for (const [name, c] of Object.entries(children)) out[name] = c?.cpuSeconds() ?? Number.NaN;
  return out;
}

const perItem = (before: Record<string, number>, after: Record<string, number>, items: number): Record<string, number> =>
  Object.fromEntries(Object.keys(before).map((k) => [k, ((after[k]! - before[k]!) * 1000) / Math.max(1, items)]));

export interface GatewayRound {
  readonly cn: BenchGateway;
  /** Instances of the sender (one database) that take the submissions in turn; default [cn]. */
  readonly senders?: readonly BenchGateway[];
  readonly kr: BenchGateway;
  readonly certificate: () => { header: { number: string } };
  readonly n: number;
  readonly load: { readonly concurrency: number } | { readonly perSecond: number };
}

/** Submits `n` certificates at the sender's national API and waits until each has its receipt. */
export async function runGateway(round: GatewayRound): Promise<RoundResult> {
  const { cn, kr, n } = round;
  const senders = round.senders ?? [cn];
  // CPU by process: CN (the sum over its instances), CN1..CNn when there are several, KR.
  const processes: Record<string, BenchChild | undefined> = senders.length === 1 ? { CN: cn.process } : Object.fromEntries(senders.map((g, i) => [`CN${i + 1}`, g.process]));
  processes['KR'] = kr.process;
  const docs = Array.from({ length: n }, round.certificate);
  const bodies = docs.map((d) => JSON.stringify(d));
  const submit = async (i: number): Promise<void> => {
    const res = await pool(senders[i % senders.length]!.url).request({ method: 'POST', path: '/api/v1/certificates', headers: { authorization: `Bearer ${cn.tokens.issuer}`, 'content-type': 'application/json' }, body: bodies[i]! });
    const text = await res.body.text();
    if (res.statusCode !== 202) throw new Error(`HTTP ${res.statusCode} ${text.slice(0, 300)}`);
  };
  const base = await settledCount(cn);
  const groups0 = await Promise.all([sumGroups(senders), commitGroups(kr)]);
  const cpu0 = cpuSnapshot(processes);
  const t0 = nowMs();
  const run: LoadRun = 'concurrency' in round.load ? await closedLoop(n, round.load.concurrency, submit) : await openLoop(n, round.load.perSecond, submit);
  const expected = n - run.errors.length;
  const deadline = Date.now() + 300_000;
  while ((await settledCount(cn)) - base < expected) {
    if (Date.now() > deadline) throw new Error(`deliveries not settled after 300 s\n${cn.process?.output().slice(-2000) ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const cpu1 = cpuSnapshot(processes);
  const groups1 = await Promise.all([sumGroups(senders), commitGroups(kr)]);
  const done = await outcomes(cn, new Set(docs.map((d) => d.header.number)));
  const e2e: number[] = [];
  let last = t0;
  let failed = run.errors.length;
  docs.forEach((d, i) => {
    const o = done.get(d.header.number);
    if (!o) return;
    if (o.status !== 'delivered') failed++;
    e2e.push(o.at - run.started[i]!);
    last = Math.max(last, o.at);
  });
  if (run.errors.length > 0) console.error(`  ${run.errors.length} submissions failed, e.g. ${run.errors[0]}`);
  return {
    throughput: (e2e.length / (last - t0)) * 1000,
    e2e: percentiles(e2e),
    submit: percentiles(run.started.map((s, i) => run.answered[i]! - s)),
    cpuMsPer: withSenderTotal(perItem(cpu0, cpu1, e2e.length), senders.length),
    groups: Object.fromEntries(['CN', 'KR'].map((name, i) => {
      const commits = groups1[i]!.commits - groups0[i]!.commits;
      return [name, { perCertificate: commits / Math.max(1, e2e.length), unitsPerCommit: (groups1[i]!.units - groups0[i]!.units) / Math.max(1, commits) }];
    })),
    errors: failed,
  };
}

/** Posts the envelopes over one keep-alive connection, `inFlight` at a time (pipelined when > 1). */
export async function runFloor(floor: BenchChild, envelopes: readonly Buffer[], inFlight: number): Promise<RoundResult> {
  const client = new Client(floor.ready, { pipelining: inFlight, keepAliveTimeout: 60_000 });
  const stats = async (): Promise<{ commits: number; messages: number }> => {
    const res = await client.request({ method: 'GET', path: '/stats' });
    return (await res.body.json()) as { commits: number; messages: number };
  };
  const before = await stats();
  const cpu0 = cpuSnapshot({ floor });
  const t0 = nowMs();
  // undici pipelines a POST only if it may replay it (idempotent: the floor stores each id once
  // anyway) and if told the answer will not block the pipeline (blocking defaults to true).
  const run = await closedLoop(envelopes.length, inFlight, async (i) => {
    const res = await client.request({ method: 'POST', path: '/partner/v1/messages', headers: { 'content-type': 'application/json' }, body: envelopes[i]!, idempotent: true, blocking: false });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} ${body.slice(0, 300)}`);
  });
  const elapsed = nowMs() - t0;
  const cpu1 = cpuSnapshot({ floor });
  const after = await stats();
  await client.close();
  if (run.errors.length > 0) console.error(`  floor: ${run.errors.length} requests failed, e.g. ${run.errors[0]}`);
  const times = run.started.map((s, i) => run.answered[i]! - s);
  return { throughput: ((envelopes.length - run.errors.length) / elapsed) * 1000, e2e: percentiles(times), submit: percentiles(times), cpuMsPer: perItem(cpu0, cpu1, envelopes.length), commitsPer: (after.commits - before.commits) / Math.max(1, after.messages - before.messages), errors: run.errors.length };
}
