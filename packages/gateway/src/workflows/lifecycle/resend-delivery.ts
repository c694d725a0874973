/**
 * Admin retry of a failed or rejected delivery, as a new message: the same payload signed again
 * with a new id and creation time, carried by the same outbox entry (so it keeps its place in its
 * certificate's order). A partner that refused the old message remembers it (deduplication answers
 * the old receipt again) or finds it too old; the new one is judged afresh.
 */
import type { MessageKind, SignedMessage } from '@originlink/protocol';
import type { OutboxEntry } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { outboundMessage } from '../outbound-message.js';

/** Resends delivery `seq`; returns the entry as it now stands (pending, due now). */
export async function resendDelivery(ctx: GatewayContext, actor: string, seq: number): Promise<OutboxEntry> {
  const entry = await ctx.store.outbox.get(seq);
  if (!entry) throw new GatewayError('delivery.not-found', `no delivery ${seq}`);
  if (entry.state !== 'failed' && entry.state !== 'rejected') throw new GatewayError('delivery.not-retryable', `delivery ${entry.seq} is ${entry.state}`);
  const previous = await ctx.store.messages.getOutbound(entry.messageId);
  if (!previous) throw new GatewayError('delivery.not-retryable', `the message of delivery ${entry.seq} (${entry.messageId}) is missing from the store`);
  const original = JSON.parse(Buffer.from(previous.raw).toString('utf8')) as SignedMessage;
  const env = original.envelope;
  const now = ctx.clock();
  await ctx.partners.refresh();
  // Addressed to the partner's gateway as configured now (the fix may have been a new gateway id).
  const partner = ctx.partners.partner(entry.partnerCountry) ?? { country: entry.partnerCountry, gatewayId: entry.partnerGateway };
  const message = outboundMessage<MessageKind>(ctx, {
    kind: env.kind,
    partner,
    agreement: env.agreement,
    datasetVersion: env.datasetVersion,
    payload: original.payload as never,
    ...(env.refersTo === undefined ? {} : { refersTo: env.refersTo }),
    certificateId: previous.certificateId,
    orderKey: entry.orderKey,
    now,
  });
  const certificateId = previous.certificateId;
  await ctx.commits.run(async (tx) => {
    // Another admin (or instance) may have requeued it since it was read.
    if (!(await message.requeueAs(tx, entry.seq))) throw new GatewayError('delivery.not-retryable', `delivery ${entry.seq} is no longer failed or rejected`);
    if (certificateId) {
      // The certificate's own message (not a cancellation about it, say) now travels under the new id.
      if ((await tx.certificates.get(certificateId))?.messageId === previous.id) await tx.certificates.setMessage(certificateId, message.id, now);
      await tx.certificates.setStatus(certificateId, 'pending', now);
    }
    await tx.audit.append({ at: now, actor, action: 'delivery.requeued', subject: certificateId ?? `message:${entry.messageId}`, details: JSON.stringify({ delivery: entry.seq, previousState: entry.state, kind: env.kind, previousMessageId: previous.id, messageId: message.id }) });
  });
  ctx.wakeDispatcher();
  return (await ctx.store.outbox.get(entry.seq))!;
}
