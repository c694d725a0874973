/**
 * Reads what the history checker compares from the gateways' databases, through the store package
 * (no migration, reads only): the sender's outbound certificates, outbox, sent messages and held
 * receipts; the receiver's inbound certificates and, for each message the sender queued, what it
 * stored and the receipt it issued. A SQLite gateway must be stopped first; PostgreSQL may be live.
 */
import { openStore, type CertificateRow, type Store } from '@originlink/store';
import type { GatewayAddress, PinnedKey } from '@originlink/protocol';
import type { ReceiverHistory, SenderHistory } from './history-checker.js';

async function withStore<T>(databaseUrl: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl, { migrate: false });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/** `fn` over `items`, `width` at a time (PostgreSQL answers in parallel over its pool). */
async function mapLimited<T, U>(items: readonly T[], width: number, fn: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = new Array<U>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

async function allCertificates(store: Store, direction: 'inbound' | 'outbound'): Promise<CertificateRow[]> {
  const out: CertificateRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.certificates.search({ direction }, 500, cursor);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

/** The sender's side of the history. */
export function readSenderHistory(databaseUrl: string, address: GatewayAddress): Promise<SenderHistory> {
  return withStore(databaseUrl, async (store) => {
    const certificates = await allCertificates(store, 'outbound');
    const outbox = await store.outbox.list({}, 10_000_000);
    const found = await mapLimited(outbox, 8, async (e) => ({ message: await store.messages.getOutbound(e.messageId), receipt: await store.receipts.getReceived(e.messageId) }));
    return {
      address,
      certificates: certificates.map((c) => ({ id: c.id, number: c.number, messageId: c.messageId, status: c.status })),
      outbox: outbox.map((e) => ({ seq: e.seq, messageId: e.messageId, state: e.state, attempts: e.attempts, lastError: e.lastError })),
      messages: found.flatMap((f) => (f.message ? [{ id: f.message.id, digest: f.message.digest }] : [])),
      receipts: found.flatMap((f) => (f.receipt ? [{ messageId: f.receipt.messageId, receiptId: f.receipt.receiptId, outcome: f.receipt.outcome, raw: f.receipt.raw }] : [])),
    };
  });
}

/** The receiver's side: what it stored of `messageIds` (the messages the sender queued) and its receipts for them. */
export function readReceiverHistory(databaseUrl: string, address: GatewayAddress, keys: readonly PinnedKey[], sender: GatewayAddress, messageIds: readonly string[]): Promise<ReceiverHistory> {
  return withStore(databaseUrl, async (store) => {
    const certificates = await allCertificates(store, 'inbound');
    const found = await mapLimited(messageIds, 8, async (id) => ({
      message: await store.messages.get('in', sender.country, sender.gateway, id),
      receipt: await store.receipts.getIssued(sender.country, sender.gateway, id),
    }));
    return {
      address,
      keys,
      certificates: certificates.map((c) => ({ number: c.number, issuingCountry: c.issuingCountry, messageId: c.messageId })),
      messages: found.flatMap((f) => (f.message ? [{ id: f.message.id, digest: f.message.digest }] : [])),
      inboundCount: await store.messages.count('in'),
      receipts: found.flatMap((f) => (f.receipt ? [{ messageId: f.receipt.messageId, receiptId: f.receipt.receiptId, outcome: f.receipt.outcome }] : [])),
    };
  });
}
