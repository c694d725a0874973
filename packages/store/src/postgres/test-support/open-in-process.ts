/**
 * Child process for postgres-migrations.integration.test.ts: waits until the instant argv[5]
 * (epoch ms, so that all children start together whatever their start-up time), opens (and so
 * migrates) a store on the database argv[2] in schema argv[3] with its own pool, writes one
 * certificate with id argv[4], and prints `ok <id>`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { newCertificate } from '../../contract/contract-fixtures.js';
import { openPostgresStore } from '../postgres-store.js';

const [url, schema, id, startAt] = process.argv.slice(2) as [string, string, string, string];
await sleep(Math.max(0, Number(startAt) - Date.now()));
const store = await openPostgresStore({ url, schema, poolSize: 1 });
try {
  await store.certificates.insert(newCertificate({ id, number: `N-${id}` }));
  process.stdout.write(`ok ${id}`);
} finally {
  await store.close();
}
