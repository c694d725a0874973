/**
 * POST /api/v1/claims/{id}/decision: a customs officer resolves a claim waiting for manual review.
 * Accepting consumes the quantities the claim was matched to (all items or none: 409
 * claim.quantity-unavailable when other claims used them since, and the claim stays in review);
 * either decision is final, recorded with the officer's note, audited and, when the profile asks,
 * sent back as a utilisation notice. Only a claim in review can be decided (409 otherwise).
 */
import type { ClaimRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { itemDecision, parseItems, parseReasons } from './claim-record.js';
import type { OfficerDecision } from './claim-request.js';
import { reason } from './claim-reasons.js';
import { certificateCodes, consume, decisionAudit, QuantityTaken } from './record-claim.js';
import { utilisationNotice } from './utilisation-notice.js';

export async function decideClaim(ctx: GatewayContext, officer: string, id: string, input: OfficerDecision): Promise<ClaimRow> {
  const claim = await ctx.store.claims.get(id);
  if (!claim) throw new GatewayError('claim.not-found', `no claim with id ${id}`);
  if (claim.status !== 'review') throw notInReview(claim);
  const now = ctx.clock();
  const decision = input.decision;
  const officerReason = reason('claim.officer-decision', { officer, decision, note: input.note });
  const reasons = [...parseReasons(claim), officerReason];
  const items = parseItems(claim).map((i) => ({ ...i, decision: itemDecision(decision) }));
  const consumption = new Map<number, number>();
  if (decision === 'accepted') for (const i of items) if (i.itemNumber !== null && i.useMicro !== null) consumption.set(i.itemNumber, (consumption.get(i.itemNumber) ?? 0) + i.useMicro);

  const certificate = claim.certificateId ? await ctx.store.certificates.get(claim.certificateId) : undefined;
  const notice = certificate ? utilisationNotice(ctx, { certificate, declarationReference: claim.declarationReference, decision, items, certificateCodes: certificateCodes(reasons), now }) : undefined;
  const change = { decision, status: 'decided' as const, reasons: JSON.stringify(reasons), items: JSON.stringify(items), noticeMessageId: notice?.id ?? null };
  try {
    await ctx.commits.run(async (tx) => {
      // Compare-and-set from review: a concurrent decision committed since (on any instance) makes this one a 409.
      if (!(await tx.claims.update(id, change, now, { fromStatus: ['review'] }))) throw notInReview((await tx.claims.get(id)) ?? claim);
      if (certificate) await consume(tx, certificate.id, consumption, now);
      await tx.audit.append(decisionAudit({ ...claim, ...change }, officer, now, [officerReason], consumption, { note: input.note, by: 'officer' }));
      if (notice) await notice.write(tx);
    });
  } catch (err) {
    if (err instanceof QuantityTaken) {
      throw new GatewayError('claim.quantity-unavailable', `item ${err.itemNumber} of certificate ${claim.certificateNumber} no longer has the quantity this claim needs; the claim stays in review (reject it, or accept a new claim for what remains)`);
    }
    throw err;
  }
  if (notice) ctx.wakeDispatcher();
  return { ...claim, ...change, updatedAt: now };
}

function notInReview(claim: ClaimRow): GatewayError {
  return new GatewayError('claim.not-in-review', `claim ${claim.id} is ${claim.status} (${claim.decision}); only a claim in review can be decided`, { claimStatus: claim.status, claimDecision: claim.decision });
}
