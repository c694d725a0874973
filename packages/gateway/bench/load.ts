/**
 * Offered load for the push benchmark: closed loop (a fixed number of requests in flight) and
 * open loop (requests started on a fixed schedule whatever the answers, so a slow system is not
 * offered less: no coordinated omission), plus the statistics the report prints.
 */

/** Epoch milliseconds with sub-millisecond resolution (comparable with the gateways' clocks on this host). */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export interface LoadRun {
  /** When request i started (open loop: when it was scheduled to start), epoch ms. */
  readonly started: number[];
  /** When request i was answered, epoch ms. */
  readonly answered: number[];
  readonly errors: string[];
}

/** Sends requests 0..n-1 with `concurrency` in flight at any time. */
export async function closedLoop(n: number, concurrency: number, send: (i: number) => Promise<void>): Promise<LoadRun> {
  const run: LoadRun = { started: new Array<number>(n).fill(0), answered: new Array<number>(n).fill(0), errors: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      run.started[i] = nowMs();
      try {
        await send(i);
      } catch (err) {
        run.errors.push((err as Error).message);
      }
      run.answered[i] = nowMs();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return run;
}

/** Starts request i at `start + i / rate` seconds, whatever became of the earlier ones. */
export async function openLoop(n: number, perSecond: number, send: (i: number) => Promise<void>): Promise<LoadRun> {
  const run: LoadRun = { started: new Array<number>(n).fill(0), answered: new Array<number>(n).fill(0), errors: [] };
  const start = nowMs() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    run.started[i] = due;
    inFlight.push(
      send(i).then(
        () => void (run.answered[i] = nowMs()),
        (err: unknown) => {
          run.answered[i] = nowMs();
          run.errors.push((err as Error).message);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return run;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
