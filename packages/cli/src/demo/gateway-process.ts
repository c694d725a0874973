/**
 * Starts `originlink serve` as a separate process (the same entry point and loader this process
 * runs with: tsx from source, or the built dist), waits until it is ready, and stops it with
 * SIGTERM (graceful drain) or SIGKILL (crash tests).
 *
 * From source, about one start in a hundred deadlocks before loading anything (Node 20 runs tsx's
 * module hooks on a separate thread, and the main thread can wait on it forever). A process that
 * has written nothing while its main thread slept on a futex for 10 s is that deadlock: it is
 * killed and started again, up to 3 starts. The same test as scripts/stuck-start.mjs, which the
 * root scripts use; this package cannot import from there (it also runs from its built dist).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface GatewayProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, for diagnostics. */
  output(): string;
  /** SIGTERM and wait for exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
  kill(): Promise<void>;
}

/**
 * The CLI entry point this process was started from (src/main.ts under tsx, dist/main.js when
 * built); `nodeArgs` go after the loader (a test may preload a module of its own).
 */
export function cliEntry(nodeArgs: readonly string[] = []): { execPath: string; args: string[] } {
  const main = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../main.ts' : '../main.js', import.meta.url));
  const loader = import.meta.url.endsWith('.ts') ? ['--conditions=originlink-source', '--import', 'tsx'] : [];
  return { execPath: process.execPath, args: [...loader, ...nodeArgs, main] };
}

/** Asks GET /readyz once and answers with the HTTP status (a gateway with its own CA needs its own probe). */
export type ReadyProbe = (readyzUrl: URL) => Promise<number>;

const fetchProbe: ReadyProbe = async (readyzUrl) => (await fetch(readyzUrl, { signal: AbortSignal.timeout(1000) })).status;

/** A start that deadlocked in the module loader (see the file's comment). */
class StuckStart extends Error {}

const stuckAfterMs = 10_000;
const maxStarts = 3;

/** True while the main thread of `pid` sleeps on a futex (Linux; elsewhere never). */
function mainThreadOnFutex(pid: number | undefined): boolean {
  try {
    return pid !== undefined && readFileSync(`/proc/${pid}/wchan`, 'utf8').includes('futex');
  } catch {
    return false;
  }
}

/** Polls /readyz until 2xx; `stuck` is asked on each round and ends the wait with StuckStart. */
export async function waitReady(url: string, timeoutMs: number, child?: ChildProcess, probe: ReadyProbe = fetchProbe, stuck: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode} before it was ready`);
    if (stuck()) throw new StuckStart(`${url}: the process deadlocked while loading its modules`);
    try {
      const status = await probe(new URL('/readyz', url));
      if (status >= 200 && status < 300) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

export interface GatewayProcessOptions {
  readonly name: string;
  readonly configPath: string;
  readonly url: string;
  readonly env?: Record<string, string>;
  readonly extraArgs?: string[];
  readonly nodeArgs?: string[];
  readonly readyTimeoutMs?: number;
  readonly readyProbe?: ReadyProbe;
}

export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  for (let start = 1; ; start++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (!(err instanceof StuckStart)) throw err;
      if (start >= maxStarts) throw new Error(`${options.name}: deadlocked while starting, ${maxStarts} times in a row`, { cause: err });
    }
  }
}

async function startOnce(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const entry = cliEntry(options.nodeArgs);
  // DATABASE_URL would override every gateway's own database (CI sets it for the PostgreSQL
  // suites): a gateway process uses the database of its configuration unless the caller passes one.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(entry.execPath, [...entry.args, 'serve', '--config', options.configPath, ...(options.extraArgs ?? [])], {
    env: { ...inherited, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: GatewayProcess = {
    name: options.name,
    url: options.url,
    child,
    output: () => out,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    let onFutexSince: number | undefined;
    const stuck = () => {
      if (out.length > 0 || !mainThreadOnFutex(child.pid)) onFutexSince = undefined;
      else onFutexSince ??= Date.now();
      return onFutexSince !== undefined && Date.now() - onFutexSince > stuckAfterMs;
    };
    await waitReady(options.url, options.readyTimeoutMs ?? 30_000, child, options.readyProbe, stuck);
  } catch (err) {
    await proc.kill();
    if (err instanceof StuckStart) throw err;
    throw new Error(`${options.name}: ${(err as Error).message}\n--- output ---\n${out.slice(-4000)}`, { cause: err });
  }
  return proc;
}
