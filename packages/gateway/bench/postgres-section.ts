/**
 * The PostgreSQL part of the push benchmark: China's gateway as one or several instances (separate
 * processes, one configuration, one schema) pushing to Korea's gateway on a schema of its own, on
 * the same PostgreSQL server. The same closed-loop rounds as the SQLite gateways, submissions
 * spread over the instances in turn; schemas are fresh for each instance count and dropped after.
 */
import { join } from 'node:path';
import { postgresUrlWithSchema, testSchemas } from '@originlink/store/testing';
import { pin, startGateway, startInstance, writeGateway, type BenchGateway } from './bench-network.js';
import { runGateway, type GatewayRound, type RoundResult } from './push-rounds.js';

export interface PostgresSection {
  /** Where the configuration folders go. */
  readonly root: string;
  /** The PostgreSQL server (a database URL without a schema). */
  readonly url: string;
  readonly instances: number;
  readonly n: number;
  readonly rounds: number;
  readonly concurrency: number;
  readonly certificate: GatewayRound['certificate'];
  /** Extra configuration for every gateway (as for the SQLite ones). */
  readonly gatewayConfig: Readonly<Record<string, unknown>>;
  /** Prints one round's result. */
  readonly report: (round: number, result: RoundResult) => void;
}

/** Runs the rounds with `instances` senders; returns each round's result. */
export async function runPostgresSection(section: PostgresSection): Promise<RoundResult[]> {
  const schemas = testSchemas(section.url, 'originlink_bench');
  const root = join(section.root, `pg-${section.instances}`);
  const cn = await writeGateway(root, 'CN', { ...section.gatewayConfig, database: postgresUrlWithSchema(section.url, schemas.name()) });
  const kr = await writeGateway(root, 'KR', { ...section.gatewayConfig, database: postgresUrlWithSchema(section.url, schemas.name()) });
  const senders: BenchGateway[] = [cn];
  try {
    await Promise.all([startGateway(cn), startGateway(kr)]);
    await pin(cn, kr);
    await pin(kr, cn);
    // Started once the partner is pinned (a running instance would see it within its 2 s partner cache).
    for (let i = 2; i <= section.instances; i++) senders.push(await startInstance(cn, `CN${i}`));
    const round = (n: number): Promise<RoundResult> => runGateway({ cn, senders, kr, certificate: section.certificate, n, load: { concurrency: section.concurrency } });
    await round(Math.min(section.n, 500)); // warm-up: JIT, caches, connection pools
    const results: RoundResult[] = [];
    for (let r = 0; r < section.rounds; r++) {
      results.push(await round(section.n));
      section.report(r + 1, results[r]!);
    }
    return results;
  } finally {
    await Promise.all([...senders, kr].map(async (g) => void (await g.process?.stop())));
    await schemas.dropAll();
  }
}
