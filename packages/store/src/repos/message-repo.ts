/** Every protocol message sent or received and verified, with its exact bytes kept as evidence. */
import type { MessageKind } from '@originlink/protocol';

export type MessageDirection = 'in' | 'out';

export interface MessageRow {
  readonly id: string;
  readonly direction: MessageDirection;
  readonly kind: MessageKind;
  readonly senderCountry: string;
  readonly senderGateway: string;
  readonly receiverCountry: string;
  readonly receiverGateway: string;
  readonly agreement: string;
  readonly refersTo: string | null;
  readonly certificateId: string | null;
  /** The exact bytes sent or received. */
  readonly raw: Uint8Array;
  /** sha-256:... of `raw`. */
  readonly digest: string;
  /** Envelope createdAt, epoch ms. */
  readonly createdAt: number;
  /** When this gateway stored it, epoch ms. */
  readonly storedAt: number;
}

export interface MessageRepo {
  /** Unique on (direction, senderCountry, senderGateway, id). */
  insert(message: MessageRow): Promise<void>;
  get(direction: MessageDirection, senderCountry: string, senderGateway: string, id: string): Promise<MessageRow | undefined>;
  /** Outbound messages are looked up by id alone (we are the sender). */
  getOutbound(id: string): Promise<MessageRow | undefined>;
  listForCertificate(certificateId: string): Promise<readonly MessageRow[]>;
  count(direction: MessageDirection): Promise<number>;
}
