/**
 * Importing side: customs asks the issuing side to verify a received certificate. Stores the
 * request (outbound, `requested`, reply deadline from the profile), marks the certificate under
 * verification and queues the signed verification.request, in one transaction. The request moves to
 * `acknowledged` when the partner's receipt accepts it, and to `answered` with its response.
 */
import { randomUUID } from 'node:crypto';
import type { Repositories, VerificationRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import { utcDate, type GatewayContext } from '../../gateway-context.js';
import { outboundMessage } from '../outbound-message.js';

export interface VerificationRequestInput {
  readonly certificateId: string;
  readonly itemNumbers?: readonly number[];
  readonly reasons: readonly { readonly code: string; readonly text?: string }[];
}

const dayMs = 86_400_000;

/**
 * An earlier request on the certificate still waiting for its answer. One the partner refused (its
 * receipt rejected it) or that could not be delivered will never be answered: it does not block.
 */
async function openRequest(tx: Repositories, certificateId: string): Promise<VerificationRow | undefined> {
  for (const v of await tx.verifications.list({ direction: 'outbound', certificateId }, 100)) {
    if (v.state === 'answered') continue;
    if ((await tx.receipts.getReceived(v.requestMessageId))?.outcome === 'rejected') continue;
    if ((await tx.outbox.findByMessage(v.requestMessageId))?.state === 'failed') continue;
    return v;
  }
  return undefined;
}

/** Returns the stored row; throws a GatewayError for what the officer must fix. */
export async function requestVerification(ctx: GatewayContext, actor: string, input: VerificationRequestInput): Promise<VerificationRow> {
  const certificate = await ctx.store.certificates.get(input.certificateId);
  if (!certificate) throw new GatewayError('certificate.not-found', `no certificate with id ${input.certificateId}`);
  if (certificate.direction !== 'inbound') throw new GatewayError('verification.certificate-not-received', `certificate ${certificate.number} was issued here; its verification is requested by the importing side`);
  const items = new Set((await ctx.store.certificates.items(certificate.id)).map((i) => i.itemNumber));
  const itemNumbers = [...new Set(input.itemNumbers ?? [])].sort((a, b) => a - b);
  const unknown = itemNumbers.filter((n) => !items.has(n));
  if (unknown.length > 0) throw new GatewayError('verification.unknown-item', `certificate ${certificate.number} has no item ${unknown.join(', ')} (items: ${[...items].join(', ')})`);
  const profile = ctx.agreements.profiles.find((p) => p.id === certificate.profileId);
  if (!profile) throw new GatewayError('certificate.no-agreement', `profile ${certificate.profileId} of certificate ${certificate.number} is no longer configured`);
  await ctx.partners.refresh();
  const partner = ctx.partners.partner(certificate.issuingCountry);
  if (!partner) throw new GatewayError('partner.not-found', `no partner gateway for ${certificate.issuingCountry}, the certificate's issuing country`);

  const now = ctx.clock();
  const id = randomUUID();
  const replyBy = utcDate(now + profile.lifecycle.verificationReplyDays * dayMs);
  const reasons = input.reasons.map((r) => ({ code: r.code, ...(r.text !== undefined ? { text: r.text } : {}) }));
  const message = outboundMessage(ctx, {
    kind: 'verification.request',
    partner,
    agreement: certificate.agreement,
    datasetVersion: profile.datasetVersion,
    // requestId is our row's id: the partner quotes it in its response.
    payload: { certificateNumber: certificate.number, issuingCountry: certificate.issuingCountry, requestId: id, ...(itemNumbers.length > 0 ? { itemNumbers } : {}), reasons, replyBy, requestedAt: new Date(now).toISOString() },
    certificateId: certificate.id,
    orderKey: certificate.id,
    now,
  });
  const row: VerificationRow = {
    id, requestId: id, direction: 'outbound', partnerCountry: partner.country, certificateId: certificate.id, certificateNumber: certificate.number,
    issuingCountry: certificate.issuingCountry, itemNumbers: JSON.stringify(itemNumbers), reasons: JSON.stringify(reasons), replyBy, state: 'requested',
    outcome: null, findings: null, response: null, requestMessageId: message.id, responseMessageId: null, requestedAt: now, acknowledgedAt: null, answeredAt: null,
  };
  await ctx.commits.run(async (tx) => {
    // Checked inside the transaction: SQLite's single writer makes it exact; under PostgreSQL's read
    // committed two simultaneous requests may both pass, which is harmless (each is answered).
    const open = await openRequest(tx, certificate.id);
    if (open) throw new GatewayError('verification.already-requested', `verification ${open.id} of certificate ${certificate.number} is ${open.state}, reply by ${open.replyBy}`, { id: open.id });
    await tx.verifications.insert(row);
    await tx.certificates.setVerificationStatus(certificate.id, 'under-verification', now);
    await tx.audit.append({ at: now, actor, action: 'verification.requested', subject: certificate.id, details: JSON.stringify({ verificationId: id, messageId: message.id, itemNumbers, reasons: reasons.map((r) => r.code), replyBy }) });
    await message.write(tx);
  });
  ctx.wakeDispatcher();
  return row;
}
