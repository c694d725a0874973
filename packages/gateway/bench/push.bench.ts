/**
 * Push benchmark (`npm run bench -w @originlink/gateway`): two gateways, China and Korea, each its
 * own process with a durable SQLite file, on loopback HTTP. Certificates are submitted at China's
 * national API under a fixed offered load (closed loop with a fixed number in flight, then open
 * loop at fixed rates); a certificate is done when Korea's receipt is verified and stored at China.
 * In the same run, the floor: the same kind of signed envelopes sent over ONE keep-alive connection
 * to a bare node:http receiver (its own process) that verifies, appends to SQLite with the same
 * durability and answers with a signed receipt. Prints both, the ratio, and medians over rounds.
 * Then the PostgreSQL variant: the same closed-loop rounds with China's gateway as one and as three
 * instances (processes) on one PostgreSQL schema, pushing to Korea's gateway on its own schema of
 * the same server (DATABASE_URL, else the local test server; skipped, with the reason, when it
 * cannot be reached); at the end the medians of every variant side by side.
 *   npm run bench -w @originlink/gateway -- [--n 1000] [--rounds 5] [--concurrency 32] [--rates auto|250,500,1000]
 *     [--gateway-config '{"delivery":{"connections":32}}'] [--profile] [--backends sqlite,postgres] [--instances 1,3]
 * --backends runs only the parts named (e.g. --backends postgres); --instances the PostgreSQL sender counts.
 * --profile runs one closed-loop round with the V8 CPU profiler and SQL statement timing in both
 * gateways and prints where their time goes.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findProfile } from '@originlink/dataset';
import { createMessage, createSigner, encodeMessage, publicJwk } from '@originlink/protocol';
import { postgresTestTarget } from '@originlink/store/testing';
import { startGateway, writeGateway, pin, type BenchGateway } from './bench-network.js';
import { startChild, type BenchChild } from './child-process.js';
import { runPostgresSection } from './postgres-section.js';
import { profileRound } from './profile-round.js';
import { closePools, runFloor, runGateway, type RoundResult } from './push-rounds.js';
import { median } from './load.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    rates: { type: 'string', default: 'auto' },
    'rate-seconds': { type: 'string', default: '6' },
    dir: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'gateway-config': { type: 'string', default: '{}' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    instances: { type: 'string', default: '1,3' },
  },
});
const backends = new Set(values.backends.split(',').map((b) => b.trim()).filter(Boolean));
for (const b of backends) if (b !== 'sqlite' && b !== 'postgres') throw new Error(`--backends: unknown backend ${b} (sqlite, postgres)`);
const instanceCounts = values.instances.split(',').filter(Boolean).map(Number);
if (instanceCounts.some((k) => !Number.isInteger(k) || k < 1)) throw new Error(`--instances: not a list of instance counts: ${values.instances}`);
/** Extra configuration for both gateways (JSON), to measure a setting's effect, e.g. '{"delivery":{"connections":32}}'. */
const gatewayConfig = JSON.parse(values['gateway-config']) as Record<string, unknown>;
const n = Number(values.n);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
/** Open-loop rates per second; `auto`: a quarter, half and nine tenths of the closed-loop median. */
const fixedRates = values.rates === 'auto' ? undefined : values.rates.split(',').filter(Boolean).map(Number);
const rateSeconds = Number(values['rate-seconds']);

const profile = findProfile('chkfta-certificate');
if (!profile) throw new Error('the chkfta-certificate profile is not built in');
const { datasetVersion } = profile;
const corpus = fileURLToPath(new URL('../corpus/valid/chkfta-cn-kr-kimchi.json', import.meta.resolve('@originlink/dataset')));
const sample = JSON.parse(await readFile(corpus, 'utf8')) as { header: { number: string } } & Record<string, unknown>;
const runTag = Date.now().toString(36).toUpperCase();
let sequence = 0;
/** A typical certificate (the corpus's China -> Korea ChKFTA sample, 2 items, ~2 KB) with a fresh number. */
const certificate = (): typeof sample => ({ ...sample, header: { ...sample.header, number: `B-${runTag}-${++sequence}` } });

const root = await mkdtemp(join(values.dir ?? tmpdir(), 'originlink-push-bench-'));
const cn = await writeGateway(root, 'CN', gatewayConfig);
const kr = await writeGateway(root, 'KR', gatewayConfig);
const children: BenchChild[] = [];
const fmt = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const latency = (r: RoundResult): string => `p50 ${fmt(r.e2e.p50, 1)}  p90 ${fmt(r.e2e.p90, 1)}  p99 ${fmt(r.e2e.p99, 1)} ms`;
const med = (xs: RoundResult[], k: 'p50' | 'p90' | 'p99'): string => fmt(median(xs.map((x) => x.e2e[k])), 1);
/** One gateway round: throughput, latency, CPU per certificate by process, group commits. */
const gatewayLine = (r: number, g: RoundResult): string => {
  const groups = (name: string): string => `${fmt(g.groups?.[name]?.perCertificate ?? NaN, 2)} (${fmt(g.groups?.[name]?.unitsPerCommit ?? NaN, 1)} units each)`;
  const cpu = Object.entries(g.cpuMsPer).filter(([k]) => k !== 'driver').map(([k, v]) => `${k} ${fmt(v, 2)}`).join(' ');
  return `  round ${r}: gateway ${fmt(g.throughput).padStart(5)}/s  ${latency(g)}  CPU ms per certificate ${cpu} driver ${fmt(g.cpuMsPer['driver'] ?? NaN, 2)}; group commits per certificate CN ${groups('CN')} KR ${groups('KR')}`;
};
/** Closed-loop results of every variant, for the medians side by side at the end. */
const variants: { label: string; results: RoundResult[] }[] = [];

try {
  console.log(`OriginLink push benchmark: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), folders in ${root}`);
  if (backends.has('sqlite')) await sqlitePart();
  if (backends.has('postgres') && !values.profile) await postgresPart();
  if (variants.length > 0) {
    console.log(`\nClosed loop, ${concurrency} submissions in flight, medians over ${rounds} rounds (the receiver on the same backend as the sender):`);
    for (const v of variants) {
      console.log(`  ${v.label.padEnd(26)} ${fmt(median(v.results.map((x) => x.throughput))).padStart(6)} certificates/s   end to end p50 ${med(v.results, 'p50')}  p90 ${med(v.results, 'p90')}  p99 ${med(v.results, 'p99')} ms   submission (202) p50 ${fmt(median(v.results.map((x) => x.submit.p50)), 1)} p99 ${fmt(median(v.results.map((x) => x.submit.p99)), 1)} ms`);
    }
  }
} finally {
  await closePools();
  await Promise.all([cn.process?.stop(), kr.process?.stop(), ...children.map((c) => c.stop())]);
  await rm(root, { recursive: true, force: true });
}

/** The PostgreSQL variant, with each sender instance count in turn. */
async function postgresPart(): Promise<void> {
  const target = await postgresTestTarget();
  const url = target.url;
  if (url === undefined) {
    console.log(`\nPostgreSQL part skipped: ${target.skip}`);
    return;
  }
  for (const instances of instanceCounts) {
    console.log(`\nPostgreSQL: ${instances === 1 ? 'one CN instance' : `${instances} CN instances (separate processes, one schema; submissions spread over them in turn)`} -> KR on its own schema; ${rounds} rounds of ${n} certificates, ${concurrency} submissions in flight in all`);
    const results = await runPostgresSection({ root, url, instances, n, rounds, concurrency, certificate, gatewayConfig, report: (r, g) => console.log(gatewayLine(r, g)) });
    variants.push({ label: `PostgreSQL, ${instances} instance${instances === 1 ? '' : 's'}`, results });
  }
}

/** The SQLite gateways, the floor and the open loop; the processes stop at the end so the next part has the machine. */
async function sqlitePart(): Promise<void> {
  const profilePath = (g: BenchGateway): string | undefined => (values.profile ? join(root, `${g.country}.cpuprofile`) : undefined);
  await Promise.all([startGateway(cn, profilePath(cn)), startGateway(kr, profilePath(kr))]);
  await pin(cn, kr);
  await pin(kr, cn);
  console.log(`\nSQLite (WAL, synchronous=FULL): gateways CN ${cn.url} -> KR ${kr.url} (ChKFTA, ES256 keys, configuration ${values['gateway-config'] === '{}' ? 'defaults' : values['gateway-config']})`);

  await runGateway({ cn, kr, certificate, n: Math.min(n, 500), load: { concurrency } }); // warm-up: JIT, caches, first pages of the files

  if (values.profile) {
    await profileRound({ cn, kr, certificate, n, load: { concurrency } }, (g) => join(root, `${g.country}.cpuprofile`));
  } else {
    // The floor: the same kind of envelopes, signed beforehand with China's key.
    const signer = createSigner(cn.signingKey);
    const envelopes = (): Buffer[] => Array.from({ length: n }, () =>
      encodeMessage(createMessage({ kind: 'co.issued', sender: { country: 'CN', gateway: cn.gatewayId }, receiver: { country: 'KR', gateway: kr.gatewayId }, agreement: 'CHKFTA', datasetVersion, payload: { certificate: certificate() }, now: Date.now() }, signer)));
    const floorArgs = (mode: string): string[] => ['--db', join(root, `floor-${mode}.sqlite`), '--mode', mode, '--sender-jwk', JSON.stringify(publicJwk(cn.signingKey)), '--sender', `CN/${cn.gatewayId}`, '--self', `KR/${kr.gatewayId}`, '--dataset-version', datasetVersion];
    const floorSingle = await startChild('floor-single', 'floor-receiver.ts', floorArgs('single'));
    const floorGroup = await startChild('floor-group', 'floor-receiver.ts', floorArgs('group'));
    children.push(floorSingle, floorGroup);
    await runFloor(floorSingle, envelopes().slice(0, 200), 1);
    await runFloor(floorGroup, envelopes().slice(0, 200), concurrency);

    const gw: RoundResult[] = [];
    const single: RoundResult[] = [];
    const grouped: RoundResult[] = [];
    console.log(`\n${rounds} rounds of ${n} certificates, interleaved; end-to-end = submission at CN -> KR's receipt verified and stored at CN`);
    for (let r = 0; r < rounds; r++) {
      gw.push(await runGateway({ cn, kr, certificate, n, load: { concurrency } }));
      single.push(await runFloor(floorSingle, envelopes(), 1));
      grouped.push(await runFloor(floorGroup, envelopes(), concurrency));
      const floor = (x: RoundResult): string => `${fmt(x.throughput).padStart(5)}/s (${fmt(x.commitsPer ?? NaN, 2)} commits and ${fmt(x.cpuMsPer['floor'] ?? NaN, 2)} CPU ms per message)`;
      console.log(gatewayLine(r + 1, gw[r]!));
      console.log(`           floor A ${floor(single[r]!)}   floor B ${floor(grouped[r]!)}`);
    }
    variants.push({ label: 'SQLite, 1 instance', results: gw });
    const mGw = median(gw.map((x) => x.throughput));
    const mSingle = median(single.map((x) => x.throughput));
    const mGroup = median(grouped.map((x) => x.throughput));
    console.log(`\nMedians over ${rounds} rounds:`);
    console.log(`  gateway, closed loop (${concurrency} submissions in flight at CN)     ${fmt(mGw).padStart(6)} certificates/s   end to end p50 ${med(gw, 'p50')}  p90 ${med(gw, 'p90')}  p99 ${med(gw, 'p99')} ms   submission (202) p50 ${fmt(median(gw.map((x) => x.submit.p50)), 1)} p99 ${fmt(median(gw.map((x) => x.submit.p99)), 1)} ms`);
    console.log(`  floor A: one request at a time, one commit (fsync) per message ${fmt(mSingle).padStart(6)} messages/s       request p50 ${med(single, 'p50')}  p90 ${med(single, 'p90')}  p99 ${med(single, 'p99')} ms`);
    console.log(`  floor B: ${concurrency} pipelined, group commit per event-loop turn  ${fmt(mGroup).padStart(6)} messages/s       request p50 ${med(grouped, 'p50')}  p90 ${med(grouped, 'p90')}  p99 ${med(grouped, 'p99')} ms`);
    console.log(`  (floor: one keep-alive connection; verify with decodeMessage and the pinned key, INSERT the bytes, sign a receipt; CPU ms per message A ${fmt(median(single.map((x) => x.cpuMsPer['floor'] ?? NaN)), 2)}, B ${fmt(median(grouped.map((x) => x.cpuMsPer['floor'] ?? NaN)), 2)})`);
    console.log(`  ratio gateway / floor A ${fmt(mGw / mSingle, 2)}   gateway / floor B ${fmt(mGw / mGroup, 2)}   (targets: ratio >= 0.5, >= 1000 certificates/s)`);

    const rates = fixedRates ?? [0.25, 0.5, 0.9].map((f) => Math.max(1, Math.round((f * mGw) / 5) * 5));
    if (rates.length > 0) {
      const perRate = Math.min(3, rounds);
      console.log(`\nOpen loop at fixed rates (${rateSeconds} s each, medians of ${perRate} rounds): achieved throughput and end-to-end latency from the scheduled submission time`);
      for (const rate of rates) {
        const results: RoundResult[] = [];
        for (let r = 0; r < perRate; r++) results.push(await runGateway({ cn, kr, certificate, n: Math.round(rate * rateSeconds), load: { perSecond: rate } }));
        const errors = results.reduce((s, x) => s + x.errors, 0);
        console.log(`  offered ${String(rate).padStart(5)}/s: achieved ${fmt(median(results.map((x) => x.throughput))).padStart(5)}/s   p50 ${med(results, 'p50')}  p90 ${med(results, 'p90')}  p99 ${med(results, 'p99')} ms${errors ? `   ${errors} submissions failed` : ''}`);
      }
    }
  }
  await Promise.all([cn.process?.stop(), kr.process?.stop(), ...children.splice(0).map((c) => c.stop())]);
}
