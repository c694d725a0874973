/**
 * Exporting side of the Pull model: a partner's signed pull.request, verified like any partner
 * message, answered at once with our signed pull.response. Found only when the certificate was
 * issued by us, is addressed to the requester's country, is neither cancelled nor replaced, and (when
 * the agreement uses one) the verification code matches; "not found" does not say whether the
 * number exists for another country. Request and answer are stored as evidence and audited.
 */
import { timingSafeEqual } from 'node:crypto';
import { createMessage, decodeMessage, encodeMessage, sha256Digest, type PayloadOf, type SignedMessage } from '@originlink/protocol';
import { StoreError, type CertificateRow } from '@originlink/store';
import type { GatewayErrorCode } from '../../errors/gateway-errors.js';
import type { VerificationExchangeCode } from '../../errors/areas/verification-exchange-codes.js';
import { utcDate, type GatewayContext } from '../../gateway-context.js';
import type { RateLimiter } from './rate-limiter.js';

export type PullAnswer =
  | { readonly kind: 'response'; readonly body: Buffer; readonly found: boolean }
  | { readonly kind: 'problem'; readonly code: GatewayErrorCode; readonly detail: string; readonly protocolCode?: string; readonly retryAfterSeconds?: number };

/** Decoding failures that are about the bytes, not about who sent them. */
const unreadable = new Set(['protocol.malformed', 'protocol.unsupported-version', 'protocol.payload-invalid', 'protocol.unexpected-kind']);

type Decision = { readonly found: true; readonly certificate: CertificateRow; readonly datasetVersion: string } | { readonly found: false; readonly reason: VerificationExchangeCode };

const sameCode = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** What to answer a verified request (see the module comment for the rules). */
async function decide(ctx: GatewayContext, message: SignedMessage<PayloadOf<'pull.request'>>, today: string): Promise<Decision> {
  const { envelope: env, payload } = message;
  const requester = env.sender.country;
  const partner = ctx.partners.partner(requester);
  const inForce = (agreement: string): boolean => partner?.agreements.includes(agreement) === true && ctx.agreements.inForce(agreement, [requester, ctx.config.self.country], today);
  if (!inForce(env.agreement)) return { found: false, reason: 'exchange.pull-not-offered' };
  const row = payload.issuingCountry === ctx.config.self.country ? await ctx.store.certificates.findByNumber(payload.issuingCountry, payload.certificateNumber) : undefined;
  if (row?.direction !== 'outbound' || row.importingCountry !== requester) return { found: false, reason: 'exchange.pull-not-found' };
  const profile = ctx.agreements.profiles.find((p) => p.id === row.profileId);
  const pull = profile?.lifecycle.pull;
  if (!profile || !pull || !inForce(row.agreement)) return { found: false, reason: 'exchange.pull-not-offered' };
  if (row.lifecycle === 'cancelled') return { found: false, reason: 'exchange.pull-cancelled' };
  if (row.lifecycle === 'replaced') return { found: false, reason: 'exchange.pull-replaced' };
  if (pull.verificationCode) {
    const expected = (JSON.parse(row.document) as { header?: { verificationCode?: string } }).header?.verificationCode;
    if (payload.verificationCode === undefined) return { found: false, reason: 'exchange.pull-verification-code-required' };
    if (expected === undefined || !sameCode(payload.verificationCode, expected)) return { found: false, reason: 'exchange.pull-verification-code-mismatch' };
  }
  return { found: true, certificate: row, datasetVersion: profile.datasetVersion };
}

export async function answerPull(ctx: GatewayContext, raw: Uint8Array, remoteAddress: string, limiter: RateLimiter): Promise<PullAnswer> {
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
    expectKind: 'pull.request',
  });
  if (!decoded.ok) {
    const env = decoded.envelope;
    await ctx.commits.run((tx) => tx.rejections.append(
      { at: now, remoteAddress, code: decoded.code, detail: decoded.detail.slice(0, 1000), claimedSender: env ? `${env.sender.country}/${env.sender.gateway}` : null, claimedMessageId: env?.id ?? null, size: raw.byteLength },
      ctx.config.inbound.rejectionLogSize,
    ));
    ctx.metrics.messages.inc({ direction: 'in', kind: 'pull.request', partner: env?.sender.country ?? 'unknown', outcome: 'refused' });
    return { kind: 'problem', code: unreadable.has(decoded.code) ? 'message.unreadable' : 'pull.request-not-verified', detail: `${decoded.code}: ${decoded.detail}`, protocolCode: decoded.code };
  }
  const message = decoded.message as SignedMessage<PayloadOf<'pull.request'>>;
  const env = message.envelope;
  const requester = `${env.sender.country}/${env.sender.gateway}`;
  // Limited per verified partner, so nobody can spend a partner's allowance by claiming to be it.
  const rate = limiter.take(`partner:${requester}`);
  if (!rate.ok) return { kind: 'problem', code: 'partner.rate-limited', detail: `more than the pull rate allowed to ${requester}`, retryAfterSeconds: rate.retryAfterSeconds };

  const duplicate: Decision = { found: false, reason: 'exchange.pull-duplicate-request' };
  // A repeated request id is answered, but not as found: the first answer is the one on record.
  let storeRequest = !(await ctx.store.messages.get('in', env.sender.country, env.sender.gateway, env.id));
  let decision = storeRequest ? await decide(ctx, message, utcDate(now)) : duplicate;
  for (;;) {
    const response = createMessage({
      kind: 'pull.response', sender: ctx.config.self, receiver: env.sender,
      agreement: decision.found ? decision.certificate.agreement : env.agreement,
      datasetVersion: decision.found ? decision.datasetVersion : env.datasetVersion,
      payload: decision.found ? { found: true, certificate: JSON.parse(decision.certificate.document) as Record<string, unknown>, originalMessageId: decision.certificate.messageId } : { found: false, reason: decision.reason },
      refersTo: env.id,
      now,
    }, ctx.signer);
    const body = encodeMessage(response);
    const certificateId = decision.found ? decision.certificate.id : null;
    const details = { requestId: env.id, responseId: response.envelope.id, number: message.payload.certificateNumber, found: decision.found, ...(decision.found ? {} : { reason: decision.reason }) };
    try {
      await ctx.commits.run(async (tx) => {
        if (storeRequest) {
          await tx.messages.insert({ id: env.id, direction: 'in', kind: 'pull.request', senderCountry: env.sender.country, senderGateway: env.sender.gateway, receiverCountry: env.receiver.country, receiverGateway: env.receiver.gateway, agreement: env.agreement, refersTo: null, certificateId, raw, digest: decoded.digest, createdAt: Date.parse(env.createdAt), storedAt: now });
        }
        await tx.messages.insert({ id: response.envelope.id, direction: 'out', kind: 'pull.response', senderCountry: ctx.config.self.country, senderGateway: ctx.config.self.gateway, receiverCountry: env.sender.country, receiverGateway: env.sender.gateway, agreement: response.envelope.agreement, refersTo: env.id, certificateId, raw: body, digest: sha256Digest(body), createdAt: now, storedAt: now });
        await tx.audit.append({ at: now, actor: `partner:${requester}`, action: 'pull.answered', subject: certificateId ?? `message:${env.id}`, details: JSON.stringify(details) });
      });
    } catch (err) {
      // The same request stored concurrently: answered as a repeat.
      if (storeRequest && err instanceof StoreError && err.reason === 'unique-violation') {
        storeRequest = false;
        decision = duplicate;
        continue;
      }
      throw err;
    }
    ctx.metrics.messages.inc({ direction: 'in', kind: 'pull.request', partner: env.sender.country, outcome: decision.found ? 'accepted' : 'rejected' });
    return { kind: 'response', body, found: decision.found };
  }
}
