/**
 * A stopped test gateway started again as a process whose clock runs ahead (shifted-clock.ts
 * preloaded), on the same configuration and database: for outcomes that need days to pass, such
 * as a verification request becoming overdue. The caller stops the process it gets.
 */
import { startGatewayProcess, type GatewayProcess } from '../demo/gateway-process.js';
import type { TestGateway } from './e2e-network.js';

/** The preload, as a URL `--import` takes (the .ts source under tsx, the .js file when built). */
const preload = new URL(import.meta.url.endsWith('.ts') ? './shifted-clock.ts' : './shifted-clock.js', import.meta.url).href;

export async function startShifted(g: TestGateway, offsetMs: number): Promise<GatewayProcess> {
  if (g.running) throw new Error(`${g.country} is running: stop it first`);
  return startGatewayProcess({
    name: `${g.country} (clock +${offsetMs} ms)`,
    configPath: g.configPath,
    url: g.url,
    nodeArgs: ['--import', preload],
    env: { ORIGINLINK_PUBLIC_URL: g.url, ORIGINLINK_TEST_CLOCK_OFFSET_MS: String(offsetMs) },
    readyTimeoutMs: 60_000,
  });
}
