/**
 * The partner API's intake: verify the message (envelope, sender, pinned key, signature, digest,
 * age), deduplicate, check the agreement, let the kind's handler validate the payload, then store
 * the message, the handler's records, our signed receipt and the dedup key in one durable
 * transaction, and only then answer with the receipt. A duplicate gets the original receipt bytes.
 * Messages that fail verification, or arrive under an agreement not in force, are not stored: only
 * a summary goes to the bounded rejection log (refuse-message.ts).
 */

import { createReceipt, decodeMessage, encodeMessage, type DecodeResult, type IssueSummary, type SignedMessage } from '@originlink/protocol';
import { StoreError, type Repositories } from '@originlink/store';
import type { GatewayContext } from '../gateway-context.js';
import { utcDate } from '../gateway-context.js';
import { rememberPayloadDocument } from './certificate-row.js';
import { handlers } from './handlers/index.js';
import { protocolIssue, refuseMessage } from './refuse-message.js';

export type ReceiveResult =
  | { readonly kind: 'receipt'; readonly status: 200; readonly body: Uint8Array; readonly outcome: 'accepted' | 'rejected' | 'duplicate' }
  | { readonly kind: 'unreadable'; readonly code: string; readonly detail: string };

/** Handles one POST /partner/v1/messages body. */
export async function receiveMessage(ctx: GatewayContext, raw: Uint8Array, remoteAddress: string): Promise<ReceiveResult> {
  const now = ctx.clock();
  await ctx.partners.refresh();
  const decoded = decodeMessage(raw, {
    self: ctx.config.self,
    keysOf: (sender) => ctx.partners.keysOf(sender),
    allowedAlgorithms: ['ES256', 'EdDSA'],
    now,
    maxAgeMs: ctx.config.inbound.maxMessageAgeMs,
    maxFutureSkewMs: ctx.config.inbound.maxFutureSkewMs,
    supportedDatasetVersions: ctx.agreements.datasetVersions,
  });

  if (!decoded.ok) return refuseMessage(ctx, { code: decoded.code, detail: decoded.detail, envelope: decoded.envelope, digest: decoded.digest }, raw, remoteAddress, now);
  rememberPayloadDocument(decoded.message.payload, decoded.canonicalPayload);

  // A copy of this message, or another message with the same certificate, may commit between our
  // checks and our transaction: the unique violation that follows means "handle it again against
  // what is now stored", which answers with the earlier receipt or as for a repeated certificate.
  for (let attempt = 1; ; attempt++) {
    try {
      return await acceptVerified(ctx, decoded, raw, remoteAddress, now);
    } catch (err) {
      if (attempt < 3 && err instanceof StoreError && err.reason === 'unique-violation') continue;
      throw err;
    }
  }
}

/** A verified message: deduplicate, let the kind's handler check it, store everything, answer. */
async function acceptVerified(ctx: GatewayContext, decoded: Extract<DecodeResult, { ok: true }>, raw: Uint8Array, remoteAddress: string, now: number): Promise<ReceiveResult> {
  const message = decoded.message;
  const env = message.envelope;
  const sender = env.sender;
  const duplicate = await findIssuedReceipt(ctx.store, sender.country, sender.gateway, env.id);
  if (duplicate) {
    ctx.metrics.messages.inc({ direction: 'in', kind: env.kind, partner: sender.country, outcome: 'duplicate' });
    return { kind: 'receipt', status: 200, body: duplicate, outcome: 'duplicate' };
  }

  const partner = ctx.partners.partner(sender.country);
  if (!partner?.agreements.includes(env.agreement) || !ctx.agreements.inForce(env.agreement, [sender.country, ctx.config.self.country], utcDate(now))) {
    // Lifted by configuration on either side: refused without being remembered (see refuse-message.ts).
    const detail = `agreement ${env.agreement} is not in force between ${sender.country} and ${ctx.config.self.country} on this gateway`;
    return refuseMessage(ctx, { code: 'protocol.agreement-not-in-force', detail, envelope: env, digest: decoded.digest }, raw, remoteAddress, now);
  }
  let issues: IssueSummary[] = [];
  let write: ((tx: Repositories) => Promise<void>) | undefined;
  let certificateId: string | null = null;
  const handler = handlers[env.kind];
  if (!handler) issues = [protocolIssue('protocol.kind-not-supported', `this gateway does not accept ${env.kind} messages`)];
  else {
    const outcome = await handler(ctx, message as SignedMessage<never>, now);
    issues = outcome.issues;
    write = outcome.write;
    certificateId = outcome.certificateId ?? null;
  }
  const rejected = issues.some((i) => i.severity === 'error');
  const receipt = createReceipt({ original: env, receivedDigest: decoded.digest, outcome: rejected ? 'rejected' : 'accepted', issues, self: ctx.config.self, now }, ctx.signer);
  const receiptRaw = encodeMessage(receipt);

  const stored = await ctx.commits.run(async (tx) => {
    // The dedup key first: a copy committed since the check above (same group, or another
    // instance, for which insertIfAbsent waits) makes this one a duplicate before anything is written.
    const fresh = await tx.dedup.insertIfAbsent({ senderCountry: sender.country, senderGateway: sender.gateway, messageId: env.id, receiptId: receipt.envelope.id, expiresAt: now + ctx.config.inbound.dedupRetentionMs });
    if (!fresh) {
      const earlier = await tx.receipts.getIssued(sender.country, sender.gateway, env.id);
      if (earlier) return earlier.raw;
      throw new StoreError('unique-violation', `message ${env.id} from ${sender.country}/${sender.gateway} is being stored concurrently`);
    }
    await tx.messages.insert({
      id: env.id, direction: 'in', kind: env.kind, senderCountry: sender.country, senderGateway: sender.gateway,
      receiverCountry: env.receiver.country, receiverGateway: env.receiver.gateway, agreement: env.agreement, refersTo: env.refersTo ?? null,
      certificateId: rejected ? null : certificateId, raw, digest: decoded.digest, createdAt: Date.parse(env.createdAt), storedAt: now,
    });
    if (!rejected && write) await write(tx);
    await tx.receipts.insert({
      messageId: env.id, direction: 'out', peerCountry: sender.country, peerGateway: sender.gateway, receiptId: receipt.envelope.id,
      outcome: rejected ? 'rejected' : 'accepted', issues: JSON.stringify(issues), raw: receiptRaw, receivedDigest: decoded.digest, createdAt: now,
    });
    await tx.audit.append({
      at: now, actor: `partner:${sender.country}/${sender.gateway}`, action: rejected ? 'message.rejected' : 'message.received',
      subject: certificateId ?? `message:${env.id}`, details: JSON.stringify({ messageId: env.id, kind: env.kind, digest: decoded.digest, receiptId: receipt.envelope.id, codes: issues.map((i) => i.code) }),
    });
    return undefined;
  });
  if (stored) {
    ctx.metrics.messages.inc({ direction: 'in', kind: env.kind, partner: sender.country, outcome: 'duplicate' });
    return { kind: 'receipt', status: 200, body: stored, outcome: 'duplicate' };
  }
  ctx.metrics.messages.inc({ direction: 'in', kind: env.kind, partner: sender.country, outcome: rejected ? 'rejected' : 'accepted' });
  return { kind: 'receipt', status: 200, body: receiptRaw, outcome: rejected ? 'rejected' : 'accepted' };
}

async function findIssuedReceipt(store: GatewayContext['store'], country: string, gateway: string, id: string): Promise<Uint8Array | undefined> {
  const dedup = await store.dedup.find(country, gateway, id);
  if (!dedup) return undefined;
  return (await store.receipts.getIssued(country, gateway, id))?.raw;
}
