/**
 * The crash scenario, for any backend: certificates flow from China's gateway to Korea's while
 * both processes are SIGKILLed at seeded random moments and restarted; then the history checker
 * compares both databases and the receipts, and both audit logs are verified. Kill moments are
 * thresholds of progress (acknowledged submissions plus delivered entries), so kills land while
 * certificates are being submitted and while they are being delivered, however fast the gateways are.
 * `crashTest` is the whole test (network, scenario, assertions) for the SQLite and PostgreSQL files.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { findProfile } from '@originlink/dataset';
import type { PinnedKey } from '@originlink/protocol';
import { runCommand } from '../test/run-command.js';
import type { Deliveries } from './api-views.js';
import { startNetwork, type NetworkOptions, type TestGateway, type TestNetwork } from './e2e-network.js';
import { checkHistory, formatProblems, type HistoryProblem } from './history-checker.js';
import { readReceiverHistory, readSenderHistory } from './history-snapshot.js';
import { address, publishedKeys } from './partner-wire.js';
import { faultSeed, seededRandom } from './seeded-random.js';
import { driveSubmissions, type DriverResult } from './submission-driver.js';
import { waitFor } from './wait-for.js';

export interface CrashOptions {
  readonly total: number;
  readonly kills: number;
  readonly seed: number;
  /** Submissions in flight. */
  readonly concurrency: number;
}

export interface AuditReport {
  readonly code: number;
  readonly ok: boolean;
  readonly sealed: number;
  readonly unsealed: number;
  readonly output: string;
}

/** Runs `originlink audit verify --json --database <url>` in-process. */
export async function auditVerify(databaseUrl: string): Promise<AuditReport> {
  const run = await runCommand(['audit', 'verify', '--json', '--database', databaseUrl]);
  const parsed = JSON.parse(run.out || '{}') as { ok?: boolean; sealed?: number; unsealed?: number };
  return { code: run.code, ok: parsed.ok === true, sealed: parsed.sealed ?? 0, unsealed: parsed.unsealed ?? 0, output: run.out + run.err };
}

export interface CrashOutcome {
  readonly driver: DriverResult;
  readonly problems: HistoryProblem[];
  /** `originlink audit verify --json` of each gateway's database. */
  readonly audits: Readonly<Record<string, AuditReport>>;
  /** What happened, for the test's diagnostics. */
  readonly log: string[];
}

/** Delivered entries at the sender (the last known count while it is down). */
function deliveredCounter(cn: TestGateway): () => Promise<number> {
  let last = 0;
  return async () => {
    if (!cn.running) return last;
    try {
      const d = await cn.api<Deliveries>('admin', '/api/v1/deliveries?limit=1');
      last = d.depth['delivered'] ?? last;
    } catch {
      /* killed meanwhile: keep the last count */
    }
    return last;
  };
}

export async function runCrashScenario(t: TestContext, net: TestNetwork, options: CrashOptions): Promise<CrashOutcome> {
  const cn = net.gateway('CN');
  const kr = net.gateway('KR');
  const random = seededRandom(options.seed);
  const log: string[] = [];
  const started = Date.now();
  const note = (line: string): void => {
    const entry = `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${line}`;
    log.push(entry);
    t.diagnostic(entry);
  };
  // The plan: which process dies at which progress (0 .. 2 * total), and how long it stays down.
  const targets = random.shuffle(Array.from({ length: options.kills }, (_, i) => (i % 2 === 0 ? cn : kr)));
  const thresholds = targets.map(() => random.int(Math.round(0.05 * 2 * options.total), Math.round(0.95 * 2 * options.total))).sort((a, b) => a - b);
  const plan = targets.map((g, i) => ({ gateway: g, at: thresholds[i]!, downMs: random.int(0, 800) }));
  note(`seed ${options.seed} (ORIGINLINK_FAULT_SEED=${options.seed} replays this plan): ${plan.map((p) => `${p.gateway.country}@${p.at}+${p.downMs}ms`).join(', ')}`);

  const krKeys: PinnedKey[] = await publishedKeys(kr);
  let acknowledged = 0;
  const delivered = deliveredCounter(cn);
  // A test that timed out stops here rather than driving dead gateways for minutes.
  const cancelled = (): void => {
    if (t.signal.aborted) throw new Error('the test was cancelled');
  };
  const driving = driveSubmissions({ targets: [cn], label: `CRASH-${options.seed}`, total: options.total, concurrency: options.concurrency, onAcknowledged: (n) => void (acknowledged = n), signal: t.signal });
  for (const kill of plan) {
    await waitFor(`progress ${kill.at}`, async () => {
      cancelled();
      return acknowledged + (await delivered()) >= kill.at ? true : undefined;
    }, 180_000, 50);
    const progress = `${acknowledged} acknowledged, ${await delivered()} delivered`;
    await kill.gateway.kill();
    note(`SIGKILL ${kill.gateway.country} at ${progress}`);
    await new Promise((r) => setTimeout(r, kill.downMs));
    await kill.gateway.start();
    note(`${kill.gateway.country} restarted`);
  }
  const driver = await driving;
  cancelled();
  note(`all ${driver.acknowledged.length} submissions acknowledged; retried: ${[...driver.retries].map(([k, v]) => `${k} x${v}`).join(', ') || 'none'}`);
  await waitFor(() => 'every outbox entry to be settled', async () => {
    cancelled();
    const d = await cn.api<Deliveries>('admin', '/api/v1/deliveries?limit=1');
    return (d.depth['pending'] ?? 0) === 0 ? true : undefined;
  }, 120_000, 200);
  note('outbox settled');

  // Stopped (SIGTERM) before reading: a SQLite file has one writer, and nothing may change meanwhile.
  const [cnExit, krExit] = await Promise.all([cn.stop(), kr.stop()]);
  if (cnExit !== 0 || krExit !== 0) throw new Error(`a gateway did not drain cleanly (CN ${cnExit}, KR ${krExit})\n${cn.output().slice(-2000)}\n${kr.output().slice(-2000)}`);
  const sender = await readSenderHistory(cn.databaseUrl, address(cn));
  const receiver = await readReceiverHistory(kr.databaseUrl, address(kr), krKeys, address(cn), sender.outbox.map((e) => e.messageId));
  const datasetVersion = findProfile('chkfta-certificate')?.datasetVersion;
  const problems = checkHistory({ acknowledged: driver.acknowledged, sender, receiver, datasetVersions: datasetVersion ? [datasetVersion] : [] });
  const audits = { CN: await auditVerify(cn.databaseUrl), KR: await auditVerify(kr.databaseUrl) };
  note(`checked: ${sender.outbox.length} outbox entries, ${receiver.messages.length} messages stored at KR, ${problems.length} problems; audit CN ${audits['CN']?.sealed} sealed + ${audits['CN']?.unsealed} unsealed, KR ${audits['KR']?.sealed} + ${audits['KR']?.unsealed}`);
  return { driver, problems, audits, log };
}

/** Certificates per run: the issue's 2,000, whatever the machine (fewer kills if it must be shorter). */
const total = 2000;
/** Kills per run, half of them each side (ORIGINLINK_CRASH_KILLS). */
const kills = Number(process.env['ORIGINLINK_CRASH_KILLS'] ?? 4);
/**
 * Short backoff so deliveries resume soon after a restart; a lease longer than one attempt, short
 * enough that a dead sender's claims are taken over within seconds; sealing often.
 */
const config = { delivery: { initialBackoff: '100ms', maxBackoff: '1s', requestTimeout: '4s', lease: '5s' }, audit: { sealInterval: '500ms' } };

/** The whole test on the databases `options` names (default SQLite files): network, scenario, assertions. */
export async function crashTest(t: TestContext, options: Pick<NetworkOptions, 'database'>): Promise<void> {
  let net: TestNetwork | undefined;
  try {
    net = await startNetwork({ countries: ['CN', 'KR'], config, ...options });
    await net.pinAll();
    const outcome = await runCrashScenario(t, net, { total, kills, seed: faultSeed(), concurrency: 16 });
    assert.deepEqual(outcome.driver.refused, [], 'every submission was eventually acknowledged');
    assert.equal(outcome.driver.acknowledged.length, total);
    assert.equal(outcome.problems.length, 0, `the history checker found problems:\n${formatProblems(outcome.problems)}\n${outcome.log.join('\n')}`);
    for (const [country, audit] of Object.entries(outcome.audits)) {
      assert.equal(audit.code, 0, `audit verify ${country}:\n${audit.output}`);
      assert.ok(audit.ok && audit.sealed + audit.unsealed > 0, `${country}'s audit log verifies and is not empty`);
    }
  } finally {
    await net?.close();
  }
}
