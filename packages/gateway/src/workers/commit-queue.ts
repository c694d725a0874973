/**
 * Group commit: units of work submitted in the same event-loop turn are committed in one durable
 * transaction, so the cost of an fsync is shared (SQLite in WAL mode with synchronous=FULL commits
 * at a few hundred per second one by one, and tens of thousands of rows per second in groups).
 * A unit that throws (a unique violation from a concurrent copy, say) fails alone: the others are
 * committed without it (see commitGroup). A caller learns of success only after the commit:
 * nothing is acknowledged before it is durably stored.
 */
import type { Repositories, Store } from '@originlink/store';

export type Work<T> = (tx: Repositories) => Promise<T>;

interface Pending {
  readonly work: Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

export interface CommitQueue {
  run<T>(work: Work<T>): Promise<T>;
  /** Resolves when everything submitted so far is committed or failed. */
  drain(): Promise<void>;
}

export function createCommitQueue(store: Store, options: { maxBatch?: number; onBatch?: (size: number) => void } = {}): CommitQueue {
  const maxBatch = options.maxBatch ?? 512;
  let queue: Pending[] = [];
  let scheduled = false;
  let running: Promise<void> = Promise.resolve();

  const runAlone = async (p: Pending): Promise<void> => {
    try {
      p.resolve(await store.transaction(p.work));
    } catch (err) {
      p.reject(err);
    }
  };

  /**
   * Commits a group. When unit k throws, the group is rolled back: the units before k (which ran
   * without error) are committed again as a group, unit k runs alone (so it gets its own error, or
   * succeeds against the state without the others), and the units after k form the next group.
   * One bad unit thus costs a few transactions, not one per unit.
   */
  const commitGroup = async (group: readonly Pending[]): Promise<void> => {
    let rest = group;
    while (rest.length > 1) {
      let failedAt: number | undefined;
      let results: unknown[] | undefined;
      const batch = rest;
      try {
        results = await store.transaction(async (tx) => {
          const out: unknown[] = [];
          for (const [i, p] of batch.entries()) {
            failedAt = i;
            out.push(await p.work(tx));
          }
          failedAt = undefined;
          return out;
        });
      } catch {
        results = undefined;
      }
      if (results) {
        const done = results;
        batch.forEach((p, i) => p.resolve(done[i]));
        return;
      }
      // The commit itself failed (busy, connection): no unit is to blame, each gets its own try.
      if (failedAt === undefined) {
        for (const p of batch) await runAlone(p);
        return;
      }
      if (failedAt > 0) await commitGroup(batch.slice(0, failedAt));
      await runAlone(batch[failedAt]!);
      rest = batch.slice(failedAt + 1);
    }
    if (rest.length === 1) await runAlone(rest[0]!);
  };

  const flush = async (): Promise<void> => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      options.onBatch?.(batch.length);
      await commitGroup(batch);
    }
  };

  return {
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // Let the rest of this I/O phase enqueue its work, then commit the group.
          setImmediate(() => {
            running = running.then(flush, flush);
          });
        }
      });
    },
    async drain() {
      while (queue.length > 0 || scheduled) await new Promise((r) => setImmediate(r));
      await running;
    },
  };
}
