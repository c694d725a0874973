/**
 * Crash test on PostgreSQL: the scenario of crash-sqlite.integration.test.ts with both gateways on
 * schemas of their own, created fresh for the run and dropped after it. Mandatory when DATABASE_URL
 * names PostgreSQL; skipped, with the reason, when it is unset and no local server answers.
 */
import { after, describe, it } from 'node:test';
import { postgresTestTarget, postgresUrlWithSchema, testSchemas } from '@originlink/store/testing';
import { crashTest } from './crash-scenario.js';

const postgres = await postgresTestTarget();

describe('crash test on PostgreSQL: SIGKILL of sender and receiver while 2,000 certificates flow', { skip: postgres.skip ?? false }, () => {
  const schemas = postgres.url ? testSchemas(postgres.url, 'originlink_e2e_crash') : undefined;
  after(() => schemas?.dropAll());

  it('stores every acknowledged certificate once at the receiver, with a verified receipt at the sender', { timeout: 300_000 }, (t) => {
    const url = postgres.url ?? '';
    const byCountry: Record<string, string> = { CN: postgresUrlWithSchema(url, schemas?.name() ?? ''), KR: postgresUrlWithSchema(url, schemas?.name() ?? '') };
    return crashTest(t, { database: (country) => byCountry[country] });
  });
});
