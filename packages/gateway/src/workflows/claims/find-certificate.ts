/**
 * Finding the certificate a claim names. When it was not received, the agreement profile decides
 * what happens: a pull from the issuing side first (lifecycle.pull.autoPullOnClaim), then
 * claim.certificate-not-received, which goes to manual review (paper accepted) before the
 * profile's transition cut-over date and rejects after it.
 */
import type { Profile } from '@originlink/dataset';
import type { CertificateRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { autoPull } from './auto-pull.js';
import type { ClaimRequest } from './claim-request.js';
import { reason, type ClaimReason } from './claim-reasons.js';

export type Found =
  | { readonly certificate: CertificateRow; readonly reasons: readonly ClaimReason[] }
  | { readonly certificate: undefined; readonly reasons: readonly ClaimReason[] };

export async function findClaimedCertificate(ctx: GatewayContext, request: ClaimRequest, actor: string): Promise<Found> {
  const { certificateNumber, issuingCountry } = request;
  const stored = await ctx.store.certificates.findByNumber(issuingCountry, certificateNumber);
  if (stored) return { certificate: stored, reasons: [] };

  const profile = claimProfile(ctx, request);
  let pullError: string | undefined;
  if (profile.lifecycle.pull?.autoPullOnClaim) {
    const pulled = await autoPull(ctx, { certificateNumber, issuingCountry }, actor);
    if (pulled.ok) {
      const certificate = await ctx.store.certificates.findByNumber(issuingCountry, certificateNumber);
      if (certificate) return { certificate, reasons: [reason('claim.pulled', { issuingCountry })] };
      pullError = 'the pulled certificate was not stored';
    } else pullError = pulled.error;
  }
  const cutOverDate = profile.lifecycle.transition?.cutOverDate;
  // The declaration's date, not today's, decides: a declaration lodged during the grace period
  // keeps its paper-based treatment when an officer reviews it later.
  const beforeCutOver = cutOverDate !== undefined && request.declarationDate < cutOverDate;
  const params = { certificateNumber, issuingCountry, agreement: profile.agreement.code, cutOverDate: cutOverDate ?? null, beforeCutOver, ...(pullError !== undefined ? { pullError } : {}) };
  return { certificate: undefined, reasons: [reason('claim.certificate-not-received', params, beforeCutOver ? { effect: 'review' } : {})] };
}

/**
 * The agreement profile a claim on an unreceived certificate falls under: the claim's `agreement`,
 * else the only agreement configured with the issuing country's partner. An agreement's profiles
 * (certificate, declaration) share their lifecycle settings; the first that has both countries as
 * parties is used.
 */
export function claimProfile(ctx: GatewayContext, request: ClaimRequest): Profile {
  const self = ctx.config.self.country;
  const partner = ctx.partners.partner(request.issuingCountry);
  const candidates = request.agreement !== undefined ? [request.agreement] : (partner?.agreements ?? []).filter((a) => ctx.agreements.codes.includes(a));
  if (candidates.length !== 1) {
    throw new GatewayError('claim.agreement-unknown', candidates.length === 0
      ? `certificate ${request.certificateNumber} was not received and no agreement is configured with ${request.issuingCountry}; name it in \`agreement\``
      : `certificate ${request.certificateNumber} was not received and ${request.issuingCountry} is a partner under ${candidates.join(', ')}; name one in \`agreement\``);
  }
  const code = candidates[0] as string;
  const profile = ctx.agreements.profiles.find((p) => p.agreement.code === code && p.parties.includes(request.issuingCountry) && p.parties.includes(self));
  if (!profile) throw new GatewayError('claim.agreement-unknown', `no ${code} profile on this gateway has ${request.issuingCountry} and ${self} as parties (configured: ${ctx.agreements.codes.join(', ')})`);
  return profile;
}
