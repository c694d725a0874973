/**
 * Builders of plausible rows for the contract tests, each overridable field by field, and the
 * per-test store lifecycle. Values are shaped like the gateway's (ISO country codes, sha-256
 * digests, UUID-like ids) but invented.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { NewCertificate } from '../repos/certificate-repo.js';
import type { MessageRow } from '../repos/message-repo.js';
import type { NewOutboxEntry } from '../repos/outbox-repo.js';
import type { ReceiptRow } from '../repos/receipt-repo.js';
import { StoreError, type StoreErrorReason } from '../store-error.js';
import type { Store } from '../store.js';

/** Opens a fresh, empty store; `migrate: false` leaves it unmigrated. */
export type OpenContractStore = (options?: { readonly migrate?: boolean }) => Promise<Store>;

/** Runs `fn` on a fresh store and closes it whatever happens. */
export async function withStore(open: OpenContractStore, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

export const digestOf = (text: string | Uint8Array): string => `sha-256:${createHash('sha256').update(text).digest('base64url')}`;

export function newCertificate(overrides: Partial<NewCertificate> = {}): NewCertificate {
  const id = overrides.id ?? 'cert-1';
  const document = overrides.document ?? `{"id":"${id}"}`;
  return {
    id, direction: 'outbound', source: 'national', number: `TH-2026-${id}`, issuingCountry: 'TH',
    importingCountry: 'ID', partnerCountry: 'ID', agreement: 'ATIGA', profileId: 'atiga-form-d', typeCode: '861',
    issueDate: '2026-03-01', exporterName: 'Siam Coffee Export Co., Ltd.', importerName: 'PT Kopi Nusantara',
    consigneeName: null, document, documentDigest: digestOf(document), status: 'pending', messageId: `msg-${id}`,
    createdAt: 1_760_000_000_000,
    items: [
      { itemNumber: 1, hsCode: '090111', description: 'Green coffee beans', quantity: 1200.5, unitCode: 'KGM', invoiceNumber: 'INV-1', usableMicro: 1_200_500_000, usableUnit: 'KGM' },
      { itemNumber: 2, hsCode: '210111', description: 'Instant coffee', quantity: null, unitCode: null, invoiceNumber: null, usableMicro: null, usableUnit: null },
    ],
    ...overrides,
  };
}

export function newMessage(overrides: Partial<MessageRow> = {}): MessageRow {
  const raw = overrides.raw ?? new Uint8Array([0x7b, 0x00, 0xff, 0x80, 0x7d]);
  return {
    id: 'msg-1', direction: 'out', kind: 'co.issued', senderCountry: 'TH', senderGateway: 'th-gw-1',
    receiverCountry: 'ID', receiverGateway: 'id-gw-1', agreement: 'ATIGA', refersTo: null, certificateId: 'cert-1',
    raw, digest: digestOf(raw), createdAt: 1_760_000_000_000, storedAt: 1_760_000_000_005,
    ...overrides,
  };
}

export function newOutboxEntry(overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return {
    messageId: 'msg-1', partnerCountry: 'ID', partnerGateway: 'id-gw-1', orderKey: 'cert-1',
    nextAttemptAt: 1000, createdAt: 1000, expiresAt: 1000 + 86_400_000,
    ...overrides,
  };
}

export function newReceipt(overrides: Partial<ReceiptRow> = {}): ReceiptRow {
  const raw = overrides.raw ?? new Uint8Array([1, 2, 3, 254]);
  return {
    messageId: 'msg-1', direction: 'in', peerCountry: 'ID', peerGateway: 'id-gw-1', receiptId: 'rcpt-1',
    outcome: 'accepted', issues: '[]', raw, receivedDigest: digestOf('received'), createdAt: 1_760_000_000_100,
    ...overrides,
  };
}

/** Asserts that `promise` rejects with a StoreError of `reason`. */
export async function rejectsWith(promise: Promise<unknown>, reason: StoreErrorReason): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    return true;
  });
}

/** Bytes as a plain array, so Buffer and Uint8Array compare equal. */
export const bytes = (b: Uint8Array): number[] => [...b];
