/**
 * Cancellation (withdrawal, issuing side): the certificate becomes `cancelled` with its reason and
 * co.cancelled is queued behind every earlier message of its chain, so the partner never learns of
 * the cancellation before the certificate. Cancelling twice, or cancelling a replaced certificate
 * (cancel its replacement), is a 409.
 */
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { iso } from '../../http/schemas.js';
import { outboundMessage } from '../outbound-message.js';
import { assertChangeable, originalId, recheck, recheckOrConflict } from './lifecycle-guards.js';
import { lifecycleView, type LifecycleResult } from './lifecycle-view.js';
import { loadCertificate, mustGet } from './load-certificate.js';

export interface CancelRequest {
  /** The issuing authority's reason code (35 characters at most). */
  readonly reasonCode: string;
  readonly reason?: string;
}

export async function cancelCertificate(ctx: GatewayContext, actor: string, id: string, request: CancelRequest): Promise<LifecycleResult> {
  const now = ctx.clock();
  const row = await loadCertificate(ctx, id);
  assertChangeable(row, 'cancel');
  await ctx.partners.refresh();
  const partner = ctx.partners.partner(row.partnerCountry);
  if (!partner) throw new GatewayError('certificate.no-partner', `no partner gateway for ${row.partnerCountry} any more; add it with \`originlink partners add <url>\` to send the cancellation`);
  const profile = ctx.agreements.profiles.find((p) => p.id === row.profileId);
  if (!profile) throw new GatewayError('certificate.no-agreement', `profile ${row.profileId}, under which the certificate was issued, is no longer configured`);

  const message = outboundMessage(ctx, {
    kind: 'co.cancelled',
    partner,
    agreement: row.agreement,
    datasetVersion: profile.datasetVersion,
    payload: { certificateNumber: row.number, issuingCountry: row.issuingCountry, reasonCode: request.reasonCode, ...(request.reason === undefined ? {} : { reason: request.reason }), cancelledAt: iso(now) },
    refersTo: row.messageId,
    certificateId: row.id,
    orderKey: await originalId(ctx.store.certificates, row),
    now,
  });
  const cancelReason = request.reason === undefined ? request.reasonCode : `${request.reasonCode}: ${request.reason}`;
  await ctx.commits.run(async (tx) => {
    await recheck(tx.certificates, row, 'cancel');
    // Compare-and-set: another instance may have cancelled or replaced it since the check.
    if (!(await tx.certificates.setLifecycle(row.id, { lifecycle: 'cancelled', cancelReason }, now, { from: ['active'] }))) await recheckOrConflict(tx.certificates, row, 'cancel');
    await tx.audit.append({ at: now, actor, action: 'certificate.cancelled', subject: row.id, details: JSON.stringify({ number: row.number, reasonCode: request.reasonCode, reason: request.reason ?? null, messageId: message.id }) });
    await message.write(tx);
  });
  ctx.wakeDispatcher();
  return { status: 202, body: lifecycleView(await mustGet(ctx, row.id), message.id) };
}
