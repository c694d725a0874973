/**
 * Refusing a partner message without storing it: a summary goes to the bounded rejection log and,
 * when the envelope could be read, the sender gets a signed rejection. Used for messages that fail
 * verification (nothing unverified is stored) and for refusals the partner may lift by fixing its
 * configuration (an agreement not in force): those must not be remembered as answered, or the
 * sender's retry after the fix would get the old rejection back from deduplication.
 */
import { createReceipt, encodeMessage, isProtocolCode, protocolMessageEn, type Envelope, type IssueSummary } from '@originlink/protocol';
import type { GatewayContext } from '../gateway-context.js';

export interface Refusal {
  readonly code: string;
  readonly detail: string;
  /** The envelope, when it could be read (it is not trusted). */
  readonly envelope: Envelope | undefined;
  /** Digest of the raw bytes received. */
  readonly digest: string;
}

export type RefusalAnswer =
  | { readonly kind: 'receipt'; readonly status: 200; readonly body: Uint8Array; readonly outcome: 'rejected' }
  | { readonly kind: 'unreadable'; readonly code: string; readonly detail: string };

export async function refuseMessage(ctx: GatewayContext, refusal: Refusal, raw: Uint8Array, remoteAddress: string, now: number): Promise<RefusalAnswer> {
  const env = refusal.envelope;
  // Through the commit queue: a burst of refused messages shares fsyncs instead of paying one each.
  await ctx.commits.run((tx) => tx.rejections.append(
    { at: now, remoteAddress, code: refusal.code, detail: refusal.detail.slice(0, 1000), claimedSender: env ? `${env.sender.country}/${env.sender.gateway}` : null, claimedMessageId: env?.id ?? null, size: raw.byteLength },
    ctx.config.inbound.rejectionLogSize,
  ));
  ctx.metrics.messages.inc({ direction: 'in', kind: env?.kind ?? 'unknown', partner: env?.sender.country ?? 'unknown', outcome: 'refused' });
  ctx.log.warn({ code: refusal.code, detail: refusal.detail, remoteAddress, claimedSender: env?.sender, messageId: env?.id }, 'partner message refused');
  if (!env) return { kind: 'unreadable', code: refusal.code, detail: refusal.detail };
  const receipt = createReceipt({ original: env, receivedDigest: refusal.digest, outcome: 'rejected', issues: [protocolIssue(refusal.code, refusal.detail)], self: ctx.config.self, now }, ctx.signer);
  return { kind: 'receipt', status: 200, body: encodeMessage(receipt), outcome: 'rejected' };
}

/** A protocol code as a receipt issue (messages come from the protocol package's message layer). */
export function protocolIssue(code: string, detail: string): IssueSummary {
  return { code, path: '', severity: 'error', message: isProtocolCode(code) ? protocolMessageEn(code, detail) : detail };
}
