/**
 * The history checker of the fault tests: compares what the sender believes (the certificates it
 * acknowledged and stored, its outbox, the messages it sent, the receipts it holds), what the
 * receiver stored (messages, certificates, the receipts it issued) and what the receipts say
 * (verified with the receiver's published keys against the digest of the bytes sent). Every loss,
 * duplicate, mismatch, stuck delivery or unverifiable receipt is one problem in the list.
 */
import { checkReceipt, decodeMessage, type GatewayAddress, type PinnedKey } from '@originlink/protocol';

/** A submission the national API acknowledged (2xx). */
export interface Acknowledged {
  readonly number: string;
  readonly id: string;
  readonly messageId: string;
}

export interface SenderHistory {
  readonly address: GatewayAddress;
  /** Outbound certificates it stores. */
  readonly certificates: readonly { readonly id: string; readonly number: string; readonly messageId: string; readonly status: string }[];
  readonly outbox: readonly { readonly seq: number; readonly messageId: string; readonly state: string; readonly attempts: number; readonly lastError: string | null }[];
  /** Outbound messages it stores, with the digest of their exact bytes. */
  readonly messages: readonly { readonly id: string; readonly digest: string }[];
  /** The partner's receipts it holds for its messages, exact bytes. */
  readonly receipts: readonly { readonly messageId: string; readonly receiptId: string; readonly outcome: string; readonly raw: Uint8Array }[];
}

export interface ReceiverHistory {
  readonly address: GatewayAddress;
  /** The keys it publishes (what the sender pinned). */
  readonly keys: readonly PinnedKey[];
  /** Inbound certificates it stores. */
  readonly certificates: readonly { readonly number: string; readonly issuingCountry: string; readonly messageId: string }[];
  /** Inbound messages from the sender it stores. */
  readonly messages: readonly { readonly id: string; readonly digest: string }[];
  /** How many inbound messages it stores in all (from any sender). */
  readonly inboundCount: number;
  /** Receipts it issued for the sender's messages. */
  readonly receipts: readonly { readonly messageId: string; readonly receiptId: string; readonly outcome: string }[];
}

export const historyProblemKinds = ['lost', 'duplicate', 'mismatch', 'stuck', 'unverified'] as const;
export type HistoryProblemKind = (typeof historyProblemKinds)[number];

export interface HistoryProblem {
  readonly kind: HistoryProblemKind;
  /** A certificate number or a message id. */
  readonly subject: string;
  readonly detail: string;
}

export interface HistoryInput {
  readonly acknowledged: readonly Acknowledged[];
  readonly sender: SenderHistory;
  readonly receiver: ReceiverHistory;
  /** Dataset versions the receipts may carry (those of the agreements in use). */
  readonly datasetVersions: readonly string[];
  /** Epoch ms the receipts are verified at (default now). */
  readonly now?: number;
}

/** Groups `rows` by `key`. */
function index<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Every problem found, in a stable order (empty when sender, receiver and receipts agree). */
export function checkHistory(input: HistoryInput): HistoryProblem[] {
  const { sender, receiver } = input;
  const problems: HistoryProblem[] = [];
  const report = (kind: HistoryProblemKind, subject: string, detail: string): void => void problems.push({ kind, subject, detail });
  const once = <T>(groups: Map<string, T[]>, subject: string, where: string): T | undefined => {
    const found = groups.get(subject) ?? [];
    if (found.length > 1) report('duplicate', subject, `${found.length} times ${where}`);
    return found[0];
  };

  // What the national API acknowledged is what the sender stores.
  const sentCertificates = index(sender.certificates, (c) => c.number);
  for (const [number, list] of sentCertificates) if (list.length > 1) report('duplicate', number, `${list.length} outbound certificates with this number at the sender`);
  for (const ack of input.acknowledged) {
    const stored = sentCertificates.get(ack.number)?.[0];
    if (!stored) report('lost', ack.number, 'acknowledged by the national API but not stored at the sender');
    else if (stored.id !== ack.id || stored.messageId !== ack.messageId) report('mismatch', ack.number, `acknowledged as ${ack.id} (message ${ack.messageId}), stored as ${stored.id} (message ${stored.messageId})`);
  }

  // Each stored certificate went out once, was delivered, and its receipt proves the bytes sent.
  const entries = index(sender.outbox, (e) => e.messageId);
  const sentMessages = index(sender.messages, (m) => m.id);
  const heldReceipts = index(sender.receipts, (r) => r.messageId);
  const stored = index(receiver.messages, (m) => m.id);
  const issued = index(receiver.receipts, (r) => r.messageId);
  for (const c of sender.certificates) if (!entries.has(c.messageId)) report('lost', c.number, `no outbox entry for its message ${c.messageId}`);
  const keysOf = (a: GatewayAddress): readonly PinnedKey[] | undefined => (a.country === receiver.address.country && a.gateway === receiver.address.gateway ? receiver.keys : undefined);
  for (const messageId of entries.keys()) {
    const entry = once(entries, messageId, 'in the sender\'s outbox');
    if (entry && entry.state !== 'delivered') report('stuck', messageId, `outbox entry ${entry.seq} is ${entry.state} after ${entry.attempts} attempts (${entry.lastError ?? 'no error recorded'})`);
    const sent = once(sentMessages, messageId, 'among the sender\'s messages');
    if (!sent) report('lost', messageId, 'queued but the sender does not hold the message bytes');
    const receipt = once(heldReceipts, messageId, 'among the receipts the sender holds');
    if (!receipt) report('lost', messageId, 'no receipt at the sender');
    if (sent && receipt) {
      const decoded = decodeMessage(receipt.raw, { self: sender.address, keysOf, allowedAlgorithms: ['ES256', 'EdDSA'], now: input.now ?? Date.now(), maxAgeMs: 86_400_000, maxFutureSkewMs: 300_000, supportedDatasetVersions: input.datasetVersions, expectKind: 'receipt' });
      if (!decoded.ok) report('unverified', messageId, `receipt ${receipt.receiptId} does not verify with the receiver's published keys: ${decoded.code} ${decoded.detail}`);
      else {
        const checked = checkReceipt(decoded.message, { messageId, sentDigest: sent.digest, partner: receiver.address });
        if (!checked.ok) report('mismatch', messageId, `receipt ${receipt.receiptId}: ${checked.detail}`);
        else if (checked.payload.outcome !== 'accepted' || receipt.outcome !== 'accepted') report('mismatch', messageId, `receipt ${receipt.receiptId} says ${checked.payload.outcome} (recorded ${receipt.outcome}), not accepted`);
        if (decoded.message.envelope.id !== receipt.receiptId) report('mismatch', messageId, `the receipt's bytes have id ${decoded.message.envelope.id}, the sender recorded ${receipt.receiptId}`);
      }
    }
    const there = once(stored, messageId, 'in the receiver\'s messages');
    if (!there) report('lost', messageId, 'not stored at the receiver');
    else if (sent && there.digest !== sent.digest) report('mismatch', messageId, `the receiver stored bytes with digest ${there.digest}, the sender sent ${sent.digest}`);
    const ours = once(issued, messageId, 'among the receipts the receiver issued');
    if (there && !ours) report('lost', messageId, 'stored at the receiver without the receipt it issued');
    if (ours && receipt && ours.receiptId !== receipt.receiptId) report('mismatch', messageId, `the receiver issued receipt ${ours.receiptId}, the sender holds ${receipt.receiptId}`);
  }
  for (const m of receiver.messages) if (!entries.has(m.id)) report('mismatch', m.id, 'stored at the receiver but never queued by the sender');
  if (receiver.inboundCount !== receiver.messages.length) report('mismatch', `${receiver.address.country}/${receiver.address.gateway}`, `the receiver stores ${receiver.inboundCount} inbound messages, ${receiver.messages.length} of them from the sender's outbox`);

  // Each acknowledged certificate is stored once at the receiver, from the message that carried it.
  const received = index(receiver.certificates, (c) => `${c.issuingCountry}/${c.number}`);
  for (const [key, list] of received) if (list.length > 1) report('duplicate', key, `${list.length} inbound certificates with this number at the receiver`);
  for (const ack of input.acknowledged) {
    const got = received.get(`${sender.address.country}/${ack.number}`)?.[0];
    if (!got) report('lost', ack.number, 'acknowledged by the national API but not stored at the receiver');
    else if (got.messageId !== ack.messageId) report('mismatch', ack.number, `the receiver stores it from message ${got.messageId}, the sender sent ${ack.messageId}`);
  }
  return problems;
}

/** The problems as lines for an assertion message (at most `max`, then a count). */
export function formatProblems(problems: readonly HistoryProblem[], max = 50): string {
  const lines = problems.slice(0, max).map((p) => `  ${p.kind.padEnd(10)} ${p.subject}: ${p.detail}`);
  if (problems.length > max) lines.push(`  ... and ${problems.length - max} more`);
  return lines.join('\n');
}
