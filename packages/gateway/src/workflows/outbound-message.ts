/**
 * Building an outbound protocol message and queueing it: sign it now, then (inside the caller's
 * transaction) store its exact bytes and an outbox entry. Every flow that tells a partner something
 * (issuance, replacement, cancellation, utilisation, verification) goes through here, so all get
 * the same evidence, retries, ordering (orderKey) and audit trail.
 */
import { createMessage, encodeMessage, sha256Digest, type MessageKind, type PayloadOf } from '@originlink/protocol';
import type { PartnerRow, Repositories } from '@originlink/store';
import type { GatewayContext } from '../gateway-context.js';

export interface OutboundInput<K extends MessageKind> {
  readonly kind: K;
  readonly partner: Pick<PartnerRow, 'country' | 'gatewayId'>;
  readonly agreement: string;
  readonly datasetVersion: string;
  readonly payload: PayloadOf<K>;
  readonly refersTo?: string;
  /** The certificate the message is about (linked to the stored message; its timeline subject). */
  readonly certificateId: string | null;
  /** Messages with the same orderKey are delivered in order: use the original certificate's id. */
  readonly orderKey: string;
  readonly now: number;
  /** The payload's RFC 8785 text when already known (saves canonicalising a certificate twice). */
  readonly canonicalPayload?: string;
}

export interface OutboundMessage {
  readonly id: string;
  readonly raw: Buffer;
  /** Stores the message and its outbox entry, and appends `message.queued` to the audit log. */
  readonly write: (tx: Repositories) => Promise<void>;
  /**
   * Admin resend: points the existing outbox entry `seq` (failed or rejected, keeping its place in
   * its orderKey's order) at this message and stores the message; false, with nothing written, when
   * the entry is no longer failed or rejected.
   */
  readonly requeueAs: (tx: Repositories, seq: number) => Promise<boolean>;
}

/** Signs a message for a partner and returns it with the writes that queue it. */
export function outboundMessage<K extends MessageKind>(ctx: GatewayContext, input: OutboundInput<K>): OutboundMessage {
  const message = createMessage(
    {
      kind: input.kind,
      sender: ctx.config.self,
      receiver: { country: input.partner.country, gateway: input.partner.gatewayId },
      agreement: input.agreement,
      datasetVersion: input.datasetVersion,
      payload: input.payload,
      ...(input.refersTo ? { refersTo: input.refersTo } : {}),
      now: input.now,
      ...(input.canonicalPayload === undefined ? {} : { canonicalPayload: input.canonicalPayload }),
    },
    ctx.signer,
  );
  const raw = encodeMessage(message);
  const id = message.envelope.id;
  const store = (tx: Repositories) => tx.messages.insert({
    id, direction: 'out', kind: input.kind, senderCountry: ctx.config.self.country, senderGateway: ctx.config.self.gateway,
    receiverCountry: input.partner.country, receiverGateway: input.partner.gatewayId, agreement: input.agreement, refersTo: input.refersTo ?? null,
    certificateId: input.certificateId, raw, digest: sha256Digest(raw), createdAt: input.now, storedAt: input.now,
  });
  return {
    id,
    raw,
    write: async (tx) => {
      await store(tx);
      await tx.outbox.enqueue({ messageId: id, partnerCountry: input.partner.country, partnerGateway: input.partner.gatewayId, orderKey: input.orderKey, nextAttemptAt: input.now, createdAt: input.now, expiresAt: input.now + ctx.config.delivery.retryHorizonMs });
      await tx.audit.append({ at: input.now, actor: 'system', action: 'message.queued', subject: input.certificateId ?? `message:${id}`, details: JSON.stringify({ messageId: id, kind: input.kind, to: `${input.partner.country}/${input.partner.gatewayId}` }) });
    },
    requeueAs: async (tx, seq) => {
      if (!(await tx.outbox.requeueAs(seq, id, input.now, input.now + ctx.config.delivery.retryHorizonMs))) return false;
      await store(tx);
      return true;
    },
  };
}
