/**
 * Receipts: the signed acknowledgement a receiving gateway returns once a message is stored (or
 * refused). A receipt names the message it acknowledges and the digest of the exact bytes received,
 * so the sender can prove which bytes were delivered; `checkReceipt` is the sender's side of that.
 */
import type { Envelope, GatewayAddress, SignedMessage } from './envelope.js';
import { checkPayload, createMessage } from './messages.js';
import type { IssueSummary, ReceiptPayload } from './payloads.js';
import type { Signer } from './signing-keys.js';
import { joinProblems } from './validators.js';

export interface CreateReceiptInput {
  /** The envelope of the message acknowledged. */
  readonly original: Envelope;
  /** The digest of the raw bytes received (`DecodeResult.digest`). */
  readonly receivedDigest: string;
  readonly outcome: 'accepted' | 'rejected';
  readonly issues: readonly IssueSummary[];
  /** This gateway, the receipt's sender. */
  readonly self: GatewayAddress;
  /** Epoch ms: the receipt's creation time and `receivedAt`. */
  readonly now: number;
}

/** Builds the signed receipt for a received message, addressed back to its sender. */
export function createReceipt(input: CreateReceiptInput, signer: Signer): SignedMessage<ReceiptPayload> {
  const { original } = input;
  return createMessage(
    {
      kind: 'receipt',
      sender: input.self,
      receiver: original.sender,
      agreement: original.agreement,
      datasetVersion: original.datasetVersion,
      refersTo: original.id,
      payload: {
        messageId: original.id,
        receivedDigest: input.receivedDigest,
        outcome: input.outcome,
        issues: input.issues.map((i) => ({ code: i.code, path: i.path, severity: i.severity, message: i.message })),
        receivedAt: new Date(input.now).toISOString(),
      },
      now: input.now,
    },
    signer,
  );
}

export interface ExpectedReceipt {
  /** The id of the message sent. */
  readonly messageId: string;
  /** The digest of the exact bytes sent (`sha256Digest(encodeMessage(message))`). */
  readonly sentDigest: string;
  /** The partner the message was sent to. */
  readonly partner: GatewayAddress;
}

export type ReceiptCheck =
  | { readonly ok: true; readonly payload: ReceiptPayload }
  | { readonly ok: false; readonly code: 'protocol.receipt-mismatch'; readonly detail: string };

/**
 * Checks that a (decoded, signature-verified) receipt acknowledges exactly what was sent: it is a
 * receipt, from the partner sent to, about our message id, carrying the digest of our bytes.
 */
export function checkReceipt(receipt: SignedMessage, expected: ExpectedReceipt): ReceiptCheck {
  const mismatch = (detail: string): ReceiptCheck => ({ ok: false, code: 'protocol.receipt-mismatch', detail });
  const { envelope } = receipt;
  if (envelope.kind !== 'receipt') return mismatch(`a ${envelope.kind} message is not a receipt`);
  if (envelope.sender.country !== expected.partner.country || envelope.sender.gateway !== expected.partner.gateway) {
    return mismatch(`the receipt comes from ${envelope.sender.country}/${envelope.sender.gateway}, the message went to ${expected.partner.country}/${expected.partner.gateway}`);
  }
  const checked = checkPayload('receipt', receipt.payload);
  if (!checked.ok) return mismatch(`the receipt payload is invalid: ${joinProblems(checked.problems)}`);
  const { payload } = checked;
  if (envelope.refersTo !== expected.messageId || payload.messageId !== expected.messageId) {
    return mismatch(`the receipt acknowledges ${payload.messageId} (refersTo ${envelope.refersTo ?? 'absent'}), not ${expected.messageId}`);
  }
  if (payload.receivedDigest !== expected.sentDigest) return mismatch(`the receipt acknowledges bytes with digest ${payload.receivedDigest}, not the ${expected.sentDigest} sent`);
  return { ok: true, payload };
}
