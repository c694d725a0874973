/**
 * Exporting side: the issuing authority answers a verification request a partner sent. The answer
 * is a compare-and-set to `answered` (a second answer, concurrent or not, is a 409) in the same
 * transaction as the queued verification.response, the certificate's verification status and the
 * audit entry.
 */
import type { PayloadOf } from '@originlink/protocol';
import type { VerificationOutcome, VerificationRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { outboundMessage } from '../outbound-message.js';

type ResponsePayload = PayloadOf<'verification.response'>;

export interface VerificationAnswerInput {
  readonly outcome: VerificationOutcome;
  readonly items?: ResponsePayload['items'];
  readonly findings: string;
  readonly attachments?: ResponsePayload['attachments'];
}

/** An outcome's item list is coherent: partially confirmed names at least one item not confirmed. */
export function itemsProblem(outcome: VerificationOutcome, items: ResponsePayload['items']): string | undefined {
  if (outcome === 'partially-confirmed' && !(items ?? []).some((i) => !i.confirmed)) return 'a partially confirmed outcome must list the items, with at least one not confirmed';
  const numbers = (items ?? []).map((i) => i.itemNumber);
  if (new Set(numbers).size !== numbers.length) return 'an item is listed twice';
  return undefined;
}

export async function answerVerification(ctx: GatewayContext, actor: string, id: string, input: VerificationAnswerInput): Promise<VerificationRow> {
  const row = await ctx.store.verifications.get(id);
  if (!row) throw new GatewayError('verification.not-found', `no verification with id ${id}`);
  if (row.direction !== 'inbound') throw new GatewayError('verification.not-inbound', `verification ${id} was requested by this gateway; the issuing side (${row.partnerCountry}) answers it`);
  if (row.state === 'answered') throw new GatewayError('verification.already-answered', `verification ${id} was answered on ${new Date(row.answeredAt ?? 0).toISOString()} (${row.outcome ?? ''})`);
  const problem = itemsProblem(input.outcome, input.items);
  if (problem) throw new GatewayError('verification.items-required', problem);
  const certificate = row.certificateId ? await ctx.store.certificates.get(row.certificateId) : undefined;
  if (!certificate) throw new GatewayError('certificate.not-found', `the certificate of verification ${id} is no longer stored`);
  const known = new Set((await ctx.store.certificates.items(certificate.id)).map((i) => i.itemNumber));
  const unknown = (input.items ?? []).map((i) => i.itemNumber).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new GatewayError('verification.unknown-item', `certificate ${certificate.number} has no item ${unknown.join(', ')}`);
  const profile = ctx.agreements.profiles.find((p) => p.id === certificate.profileId);
  if (!profile) throw new GatewayError('certificate.no-agreement', `profile ${certificate.profileId} of certificate ${certificate.number} is no longer configured`);
  await ctx.partners.refresh();
  const partner = ctx.partners.partner(row.partnerCountry);
  if (!partner) throw new GatewayError('partner.not-found', `no partner gateway for ${row.partnerCountry}, which asked for the verification`);

  const now = ctx.clock();
  const payload: ResponsePayload = {
    certificateNumber: row.certificateNumber,
    issuingCountry: row.issuingCountry,
    requestId: row.requestId,
    outcome: input.outcome,
    ...(input.items ? { items: input.items } : {}),
    findings: input.findings,
    ...(input.attachments ? { attachments: input.attachments } : {}),
    answeredAt: new Date(now).toISOString(),
  };
  const message = outboundMessage(ctx, {
    kind: 'verification.response', partner, agreement: certificate.agreement, datasetVersion: profile.datasetVersion, payload,
    refersTo: row.requestMessageId, certificateId: certificate.id, orderKey: certificate.id, now,
  });
  const change = { state: 'answered', outcome: input.outcome, findings: input.findings, response: JSON.stringify(payload), responseMessageId: message.id, answeredAt: now } as const;
  await ctx.commits.run(async (tx) => {
    if (!(await tx.verifications.transition(row.id, ['requested', 'acknowledged'], change))) {
      throw new GatewayError('verification.already-answered', `verification ${id} was answered meanwhile`);
    }
    await tx.certificates.setVerificationStatus(certificate.id, input.outcome, now);
    await tx.audit.append({ at: now, actor, action: 'verification.answered', subject: certificate.id, details: JSON.stringify({ verificationId: id, requestId: row.requestId, outcome: input.outcome, messageId: message.id }) });
    await message.write(tx);
  });
  ctx.wakeDispatcher();
  return { ...row, ...change };
}
