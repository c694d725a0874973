/**
 * Catches a store used directly inside its own transaction (`store.x.get()` instead of
 * `tx.x.get()`, or a nested `store.transaction`). On a single-connection backend that call would
 * wait forever for the connection the transaction holds; on any backend it would run outside the
 * transaction. The guard turns both into an immediate, explained StoreError, and refuses calls
 * after close.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from './store-error.js';

export class TransactionGuard {
  readonly #context = new AsyncLocalStorage<{ open: boolean }>();
  #closed = false;

  /** Runs `fn` marked as inside this store's transaction. */
  async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const context = { open: true };
    try {
      return await this.#context.run(context, fn);
    } finally {
      // Work that fn started without awaiting may outlive it: it is no longer "inside".
      context.open = false;
    }
  }

  close(): void {
    this.#closed = true;
  }

  /** Throws when the store is closed or the caller is inside this store's transaction. */
  check(): void {
    if (this.#closed) throw new StoreError('connection', 'the store is closed');
    if (this.#context.getStore()?.open === true) {
      throw new StoreError('unknown', 'the store was used directly inside its own transaction: use the repositories passed to the transaction callback');
    }
  }

  /** `target` (whose methods are all async) with every method running `check()` first and `after()` once it resolved. */
  wrap<T extends object>(target: T, after?: () => Promise<void>): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]): Promise<unknown> => {
          this.check();
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          if (after) await after();
          return result;
        };
      },
    });
  }
}
