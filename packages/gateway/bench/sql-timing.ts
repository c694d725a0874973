/**
 * Bench-only diagnostics: times every better-sqlite3 statement execution in this process, by SQL
 * text, so the push benchmark can say which statements the gateway's main thread waits on (SQLite
 * calls, commits and their fsync included, are synchronous and block the event loop).
 */
import Database from 'better-sqlite3';

interface Timing { calls: number; ms: number }
const timings = new Map<string, Timing>();

/** Wraps Statement#run/#all/#get once for the whole process. */
export function timeSqlStatements(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'all', 'get'] as const) {
    const original = proto[method];
    proto[method] = function timed(this: { source: string }, ...args: unknown[]): unknown {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        let t = timings.get(this.source);
        if (!t) timings.set(this.source, (t = { calls: 0, ms: 0 }));
        t.calls++;
        t.ms += performance.now() - start;
      }
    };
  }
}

/** Statements by total time, and resets the counters. */
export function takeSqlTimings(): { sql: string; calls: number; ms: number }[] {
  const out = [...timings.entries()].map(([sql, t]) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 150), ...t })).sort((a, b) => b.ms - a.ms);
  timings.clear();
  return out;
}
