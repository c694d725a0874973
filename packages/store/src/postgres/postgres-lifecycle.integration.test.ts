/**
 * The certificate lifecycle with several gateway instances on one PostgreSQL database: claims on
 * one item never use more than its usable measure, an amendment running beside claims loses none
 * of the quantity they used, and of racing amendments or verification answers exactly one applies.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { digestOf, newCertificate } from '../contract/contract-fixtures.js';
import { newVerification } from '../contract/verifications-contract.js';
import type { NewCertificate } from '../repos/certificate-repo.js';
import { StoreError } from '../store-error.js';
import type { Store } from '../store.js';
import { describePostgres } from './test-support/postgres-suite.js';

const oneKilogram: NewCertificate['items'] = [
  { itemNumber: 1, hsCode: '090111', description: 'Green coffee', quantity: 1, unitCode: 'KGM', invoiceNumber: null, usableMicro: 1_000_000, usableUnit: 'KGM' },
];

async function closeAll(stores: readonly Store[]): Promise<void> {
  await Promise.all(stores.map((s) => s.close()));
}

/** `workers` concurrent loops per store, each trying `calls` claims of `micro`; the number that applied. */
async function claimConcurrently(stores: readonly Store[], workers: number, calls: number, micro: number): Promise<number> {
  const applied = await Promise.all(stores.flatMap((store) => Array.from({ length: workers }, async () => {
    let n = 0;
    for (let i = 0; i < calls; i++) if (await store.certificates.useQuantity('cert-1', 1, micro, 0)) n += 1;
    return n;
  })));
  return applied.reduce((a, b) => a + b, 0);
}

describePostgres('PostgreSQL certificate lifecycle with several instances', ({ instances }) => {
  it('never uses more of an item than its usable measure when three instances claim at once', async () => {
    const stores = await instances(3, { poolSize: 6 });
    try {
      await stores[0]?.certificates.insert(newCertificate({ items: oneKilogram }));
      const applied = await claimConcurrently(stores, 6, 10, 7_000); // 180 claims of 7 g on 1 kg
      assert.equal(applied, 142);
      assert.equal((await stores[2]?.certificates.items('cert-1'))?.[0]?.usedMicro, 994_000);
    } finally {
      await closeAll(stores);
    }
  });

  it('keeps every claimed quantity when an amendment runs while other instances claim', async () => {
    const stores = await instances(3, { poolSize: 4 });
    try {
      await stores[0]?.certificates.insert(newCertificate({ items: oneKilogram }));
      const document = '{"id":"cert-1","version":2}';
      const amended = { ...newCertificate({ document, documentDigest: digestOf(document), items: [{ ...oneKilogram[0], description: 'Green coffee, amended' } as NewCertificate['items'][number]] }), version: 2 };
      const [applied] = await Promise.all([
        claimConcurrently(stores.slice(1), 4, 15, 5_000), // two instances, 120 claims
        stores[0]?.certificates.amend('cert-1', amended, 1),
      ]);
      const [item] = (await stores[0]?.certificates.items('cert-1')) ?? [];
      assert.equal(item?.description, 'Green coffee, amended');
      assert.equal(applied, 120, '120 claims of 5 g fit in 1 kg');
      assert.equal(item?.usedMicro, 600_000, 'the amendment lost no claimed quantity');
    } finally {
      await closeAll(stores);
    }
  });

  it('applies exactly one of several amendments to the same version from different instances', async () => {
    const stores = await instances(3);
    try {
      await stores[0]?.certificates.insert(newCertificate());
      const outcomes = await Promise.allSettled(stores.map((store, i) => {
        const document = `{"id":"cert-1","by":${i}}`;
        return store.certificates.amend('cert-1', { ...newCertificate({ document, documentDigest: digestOf(document), messageId: `m-${i}` }), version: 2 }, 1);
      }));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      for (const o of outcomes) if (o.status === 'rejected') assert.ok(o.reason instanceof StoreError && !o.reason.retryable, String(o.reason));
      const versions = (await stores[1]?.certificates.versions('cert-1')) ?? [];
      assert.deepEqual(versions.map((v) => v.version), [1, 2]);
      assert.equal((await stores[1]?.certificates.get('cert-1'))?.messageId, versions[1]?.messageId);
    } finally {
      await closeAll(stores);
    }
  });

  it('records one answer to a verification request when three instances answer at once', async () => {
    const stores = await instances(3);
    try {
      await stores[0]?.verifications.insert(newVerification());
      const results = await Promise.all(stores.flatMap((store, i) => [0, 1, 2].map((j) =>
        store.verifications.transition('ver-1', ['requested', 'acknowledged'], { state: 'answered', responseMessageId: `m-${i}-${j}`, answeredAt: 1 }))));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal((await stores[2]?.verifications.get('ver-1'))?.state, 'answered');
    } finally {
      await closeAll(stores);
    }
  });
});
