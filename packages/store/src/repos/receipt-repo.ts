/**
 * Signed receipts: those partners returned for our outbound messages (direction 'in', verified) and
 * those we issued for inbound messages (direction 'out'). A duplicate inbound message is answered
 * with the stored bytes of the original receipt.
 */
import type { MessageDirection } from './message-repo.js';

export interface ReceiptRow {
  /** The acknowledged message. */
  readonly messageId: string;
  /** 'in': a partner's receipt for our message; 'out': our receipt for a partner's message. */
  readonly direction: MessageDirection;
  /** For 'out' receipts: the sender of the acknowledged message (the dedup scope). */
  readonly peerCountry: string;
  readonly peerGateway: string;
  readonly receiptId: string;
  readonly outcome: 'accepted' | 'rejected';
  /** JSON array of issue summaries. */
  readonly issues: string;
  readonly raw: Uint8Array;
  /** Digest of the bytes the receiver says it received. */
  readonly receivedDigest: string;
  readonly createdAt: number;
}

export interface ReceiptRepo {
  insert(receipt: ReceiptRow): Promise<void>;
  /** Our receipt for an inbound message from that peer. */
  getIssued(peerCountry: string, peerGateway: string, messageId: string): Promise<ReceiptRow | undefined>;
  /** The partner's receipt for one of our outbound messages. */
  getReceived(messageId: string): Promise<ReceiptRow | undefined>;
}
