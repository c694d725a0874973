/**
 * Runs sealAudit in the background every `intervalMs`, draining a backlog in full batches before
 * sleeping again. The timer does not keep the process alive; stop() waits for a running seal.
 */
import type { Store } from '../store.js';
import { sealAudit } from './seal-audit.js';

export interface AuditSealerOptions {
  readonly intervalMs: number;
  readonly batchSize: number;
  /** Called with any error of a round (the sealer keeps running and retries next round). */
  readonly onError: (error: unknown) => void;
  /** Clock for seal timestamps (default Date.now). */
  readonly now?: () => number;
}

/** Starts the sealer; the returned function stops it and resolves once no seal is running. */
export function startAuditSealer(store: Store, options: AuditSealerOptions): () => Promise<void> {
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const round = async (): Promise<void> => {
    try {
      while (!stopped) {
        const seal = await sealAudit(store, { batchSize: options.batchSize, now: now() });
        if (!seal || seal.count < options.batchSize) break;
      }
    } catch (error) {
      try {
        options.onError(error);
      } catch {
        // A throwing error handler must not stop the sealer or leave an unhandled rejection.
      }
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = undefined;
        schedule();
      });
    }, options.intervalMs);
    timer.unref();
  };

  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
