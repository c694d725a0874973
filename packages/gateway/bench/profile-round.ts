/**
 * `push.bench.ts --profile`: one closed-loop round with the V8 CPU profiler and SQL statement
 * timing running in both gateways (started on SIGUSR2, written on SIGTERM by serve-gateway.ts),
 * then where each gateway's main thread spent its time, per area, per function and per statement.
 */
import { readFile } from 'node:fs/promises';
import type { BenchGateway } from './bench-network.js';
import { formatSummary, summariseProfile } from './cpu-profile-summary.js';
import { runGateway, type GatewayRound } from './push-rounds.js';

export async function profileRound(round: GatewayRound, profilePath: (g: BenchGateway) => string): Promise<void> {
  const { cn, kr, n } = round;
  // Only the measured round is profiled: start-up, module loading and warm-up stay out.
  cn.process?.signal('SIGUSR2');
  kr.process?.signal('SIGUSR2');
  await new Promise((r) => setTimeout(r, 300));
  const r = await runGateway(round);
  console.log(`\nprofiled round: ${r.throughput.toFixed(0)} certificates/s, end to end p50 ${r.e2e.p50.toFixed(0)} ms (the profiler and the statement timing slow the gateways a little)`);
  await Promise.all([cn.process?.stop(), kr.process?.stop()]);
  for (const g of [cn, kr]) {
    console.log(`\n${formatSummary(`${g.country} gateway (${g === cn ? 'sender' : 'receiver'}), main thread`, await summariseProfile(profilePath(g), 40))}`);
    const sql = JSON.parse(await readFile(`${profilePath(g)}.sql.json`, 'utf8')) as { sql: string; calls: number; ms: number }[];
    console.log('  SQLite statements by time on the main thread (synchronous: COMMIT includes the fsync), per certificate:');
    for (const t of sql.slice(0, 12)) console.log(`    ${(t.ms / n).toFixed(3).padStart(7)} ms  ${(t.calls / n).toFixed(2).padStart(5)} calls  ${t.sql}`);
    console.log(`    total ${(sql.reduce((s, t) => s + t.ms, 0) / n).toFixed(2)} ms in ${(sql.reduce((s, t) => s + t.calls, 0) / n).toFixed(1)} statement executions per certificate`);
  }
}
