/**
 * The store contract: one behaviour suite every backend runs (sqlite/sqlite-store.test.ts,
 * postgres/postgres-store.test.ts). `open` must return a fresh, empty database each call; with
 * `{ migrate: false }` it must leave that database unmigrated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backends } from '../store.js';
import { auditContract } from './audit-contract.js';
import { certificatesContract } from './certificates-contract.js';
import { claimsContract } from './claims-contract.js';
import type { OpenContractStore } from './contract-fixtures.js';
import { lifecycleContract } from './lifecycle-contract.js';
import { messagesContract } from './messages-contract.js';
import { migrationsContract } from './migrations-contract.js';
import { outboxContract } from './outbox-contract.js';
import { partnersContract } from './partners-contract.js';
import { verificationsContract } from './verifications-contract.js';

export type { OpenContractStore } from './contract-fixtures.js';

export interface StoreContractOptions {
  /** Skip the whole suite, stating why (the reason is printed with the skipped suite). */
  readonly skip?: string;
}

/** Registers the contract's node:test suites for one backend. */
export function runStoreContract(name: string, open: OpenContractStore, options: StoreContractOptions = {}): void {
  if (options.skip !== undefined) {
    void describe(`store contract: ${name}`, { skip: options.skip }, () => {});
    return;
  }
  void describe(`store contract: ${name}`, () => {
    void it('describes its backend and capabilities consistently', async () => {
      const store = await open();
      try {
        assert.ok(backends.includes(store.backend));
        // Skipping locked rows presupposes several writers.
        assert.ok(!store.capabilities.skipLocked || store.capabilities.concurrentWriters);
      } finally {
        await store.close();
      }
    });
    certificatesContract(open);
    lifecycleContract(open);
    claimsContract(open);
    verificationsContract(open);
    messagesContract(open);
    outboxContract(open);
    partnersContract(open);
    auditContract(open);
    migrationsContract(open);
  });
}
