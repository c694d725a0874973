/**
 * Child processes of the push benchmark (gateways, the floor receiver): started from TypeScript
 * source with the same loader as this process, ready once they print a line starting with
 * `ready `, stopped with SIGTERM. Their CPU time is read from /proc, to say which process is busy.
 * A child that has written nothing when its ready time is up is killed and started again (up to 3
 * starts): on Node 20 a start under tsx now and then deadlocks before loading anything (see
 * scripts/stuck-start.mjs). A child that wrote something and is not ready is an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchChild {
  readonly name: string;
  readonly pid: number;
  /** The rest of the `ready ...` line (a URL). */
  readonly ready: string;
  output(): string;
  /** User + system CPU seconds so far (Linux /proc; NaN elsewhere). */
  cpuSeconds(): number;
  stop(timeoutMs?: number): Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
}

type ChildOptions = { nodeFlags?: readonly string[]; env?: Record<string, string>; readyTimeoutMs?: number };

/** A child that wrote nothing before its ready time was up (and was killed): a deadlocked start. */
class NotReady extends Error {}

/** Runs `script` (a .ts file beside this one) with node flags `nodeFlags` and arguments `args`. */
export async function startChild(name: string, script: string, args: readonly string[], options: ChildOptions = {}): Promise<BenchChild> {
  for (let start = 1; ; start++) {
    try {
      return await startOnce(name, script, args, options);
    } catch (err) {
      if (!(err instanceof NotReady) || start >= 3) throw err;
      console.error(`${name}: not ready in time, started again`);
    }
  }
}

async function startOnce(name: string, script: string, args: readonly string[], options: ChildOptions): Promise<BenchChild> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--conditions=originlink-source', '--import', 'tsx', ...(options.nodeFlags ?? []), file, ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const message = `${name} not ready after ${options.readyTimeoutMs ?? 30_000} ms:\n${out.slice(-3000)}`;
      reject(out === '' ? new NotReady(message) : new Error(message));
    }, options.readyTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      if (out.length > 100_000) out = out.slice(-50_000);
      const line = /^ready (\S+)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1] ?? '');
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${out.slice(-3000)}`));
    });
  });
  const pid = child.pid ?? -1;
  const clockTicks = 100; // USER_HZ on Linux
  return {
    name,
    pid,
    ready,
    output: () => out,
    cpuSeconds() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the command name's closing parenthesis.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / clockTicks;
      } catch {
        return Number.NaN;
      }
    },
    signal(signal) {
      child.kill(signal);
    },
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
