/**
 * Reads a stopped gateway's SQLite file through the store package (no migration, reads only), to
 * check what a gateway holds without going through its API: stored messages, receipts, dedup keys.
 */
import { openStore, type Store } from '@originlink/store';

/** Opens the file, runs `read`, closes it. The gateway must be stopped (SQLite has one writer). */
export async function readStore<T>(databasePath: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(`sqlite:${databasePath}`, { migrate: false });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
