/**
 * The pull a claim triggers on a certificate not received (profile lifecycle.pull.autoPullOnClaim),
 * through the Pull model's pullCertificate, reduced to what the claim needs: whether the
 * certificate is now stored here, or why not (kept in the claim.certificate-not-received reason).
 */
import type { GatewayContext } from '../../gateway-context.js';
import { pullCertificate } from '../pull/pull-certificate.js';

export type AutoPullResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

export async function autoPull(ctx: GatewayContext, ref: { certificateNumber: string; issuingCountry: string }, actor: string): Promise<AutoPullResult> {
  const outcome = await pullCertificate(ctx, ref, actor);
  if (outcome.found) return { ok: true };
  return { ok: false, error: `${outcome.reason}: ${outcome.detail}` };
}
