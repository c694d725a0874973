/**
 * Recording a decided claim in one transaction: the quantities an accepted claim consumes (each
 * with the store's conditional update, so concurrent claims on any number of instances never
 * over-use an item), the claim row, the audit entry the timeline shows as "claimed", and the
 * utilisation notice. If one item can no longer give its quantity, the transaction is rolled back
 * whole (QuantityTaken): nothing is half-consumed.
 */
import type { CertificateRow, ClaimRow, Repositories } from '@originlink/store';
import type { GatewayContext } from '../../gateway-context.js';
import type { StoredClaimItem } from './claim-record.js';
import type { ClaimReason } from './claim-reasons.js';
import { utilisationNotice } from './utilisation-notice.js';

/** Thrown inside the transaction when an item no longer has the quantity a claim was decided on. */
export class QuantityTaken extends Error {
  constructor(readonly itemNumber: number) {
    super(`item ${itemNumber} no longer has the quantity claimed`);
    this.name = 'QuantityTaken';
  }
}

export interface ClaimDraft {
  readonly row: Omit<ClaimRow, 'updatedAt'>;
  readonly certificate: CertificateRow | undefined;
  /** Certificate item number -> millionths to consume (empty unless accepted). */
  readonly consumption: ReadonlyMap<number, number>;
  readonly reasons: readonly ClaimReason[];
  readonly items: readonly StoredClaimItem[];
}

/** Consumes every item's quantity or throws QuantityTaken (the caller's transaction then rolls back). */
export async function consume(tx: Repositories, certificateId: string, consumption: ReadonlyMap<number, number>, now: number): Promise<void> {
  for (const [itemNumber, micro] of consumption) {
    if (!(await tx.certificates.useQuantity(certificateId, itemNumber, micro, now))) throw new QuantityTaken(itemNumber);
  }
}

/** The codes of the reasons about the whole certificate (not about one line). */
export const certificateCodes = (reasons: readonly ClaimReason[]): string[] => reasons.filter((r) => r.itemLine === undefined).map((r) => r.code);

/** The audit entry of a decision; its subject is the certificate, so its timeline shows the claim. */
export function decisionAudit(row: Pick<ClaimRow, 'id' | 'certificateId' | 'declarationReference' | 'decision' | 'noticeMessageId'>, actor: string, now: number, reasons: readonly ClaimReason[], consumption: ReadonlyMap<number, number>, extra: Record<string, unknown> = {}) {
  return {
    at: now,
    actor,
    action: 'claim.decided',
    subject: row.certificateId ?? `claim:${row.id}`,
    details: JSON.stringify({ claimId: row.id, declarationReference: row.declarationReference, decision: row.decision, codes: [...new Set(reasons.map((r) => r.code))], consumed: Object.fromEntries(consumption), noticeMessageId: row.noticeMessageId, ...extra }),
  };
}

export async function recordClaim(ctx: GatewayContext, draft: ClaimDraft, now: number): Promise<ClaimRow> {
  const { certificate } = draft;
  const notice = certificate
    ? utilisationNotice(ctx, { certificate, declarationReference: draft.row.declarationReference, decision: draft.row.decision, items: draft.items, certificateCodes: certificateCodes(draft.reasons), now })
    : undefined;
  const row = { ...draft.row, noticeMessageId: notice?.id ?? null };
  await ctx.commits.run(async (tx) => {
    if (certificate) await consume(tx, certificate.id, draft.consumption, now);
    await tx.claims.insert(row);
    await tx.audit.append(decisionAudit(row, draft.row.actor, now, draft.reasons, draft.consumption));
    if (notice) await notice.write(tx);
  });
  if (notice) ctx.wakeDispatcher();
  return { ...row, updatedAt: now };
}
