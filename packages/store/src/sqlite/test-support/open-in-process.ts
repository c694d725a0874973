/**
 * Child process for sqlite-store.test.ts: waits until the instant argv[4] (epoch ms, so that all
 * children start together whatever their start-up time), opens (and so migrates) the store at
 * argv[2] with its own connection, writes one certificate with id argv[3], and prints `ok <id>`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { newCertificate } from '../../contract/contract-fixtures.js';
import { openSqliteStore } from '../sqlite-store.js';

const [path, id, startAt] = process.argv.slice(2) as [string, string, string];
await sleep(Math.max(0, Number(startAt) - Date.now()));
const store = await openSqliteStore({ path, busyTimeoutMs: 10_000 });
try {
  await store.certificates.insert(newCertificate({ id, number: `N-${id}` }));
  process.stdout.write(`ok ${id}`);
} finally {
  await store.close();
}
