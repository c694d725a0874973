/**
 * The checks every document the issuing authority hands to the national API goes through before
 * anything is signed or stored: an agreement profile for it, validation against the dataset and the
 * profile, our country as the issuer, and a partner gateway for the importing country. Shared by
 * the submission, the replacement and the amendment of a certificate.
 */
import { validateDocument, type EcoDocument, type Profile } from '@originlink/dataset';
import type { PartnerRow } from '@originlink/store';
import { GatewayError } from '../errors/gateway-errors.js';
import type { GatewayContext } from '../gateway-context.js';
import { canonicalDocument } from './certificate-row.js';

export interface SubmissionWarning {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** A document that passed every check, with what the callers need to store and send it. */
export interface ValidSubmission {
  readonly profile: Profile;
  readonly document: EcoDocument;
  readonly partner: PartnerRow;
  readonly canonical: { readonly text: string; readonly digest: string };
  /** Issues below error severity (the document is accepted with them). */
  readonly warnings: readonly SubmissionWarning[];
}

/**
 * Validates a national API document; throws the GatewayError the client gets (certificate.no-agreement,
 * certificate.invalid with every issue, certificate.wrong-issuer, certificate.no-partner).
 */
export async function validateSubmission(ctx: GatewayContext, body: unknown, now: number): Promise<ValidSubmission> {
  const profile = ctx.agreements.forDocument(body);
  if (!profile) {
    const header = (body as { header?: { agreementCode?: unknown; typeCode?: unknown } } | null)?.header;
    throw new GatewayError('certificate.no-agreement', `no agreement profile configured for agreement ${JSON.stringify(header?.agreementCode)} and document type ${JSON.stringify(header?.typeCode)}; configured: ${ctx.agreements.codes.join(', ')}`);
  }
  const result = validateDocument(body, { profile, now: new Date(now) });
  if (!result.ok) throw new GatewayError('certificate.invalid', `${result.issues.filter((i) => i.severity === 'error').length} error(s) against profile ${profile.id}`, { profile: profile.id, issues: result.issues });
  const document: EcoDocument = result.value;
  const { header } = document;
  if (header.issuingCountry !== ctx.config.self.country) throw new GatewayError('certificate.wrong-issuer', `header.issuingCountry is ${header.issuingCountry}; this gateway issues for ${ctx.config.self.country}`);
  await ctx.partners.refresh();
  const partner = ctx.partners.partner(header.importingCountry);
  if (!partner || !partner.agreements.includes(header.agreementCode)) {
    throw new GatewayError('certificate.no-partner', partner ? `partner ${partner.country} is not configured for agreement ${header.agreementCode} (configured: ${partner.agreements.join(', ')})` : `no partner gateway for ${header.importingCountry}; add it with \`originlink partners add <url>\``);
  }
  const warnings = result.issues.filter((i) => i.severity !== 'error').map((i) => ({ code: i.code, path: i.path, message: i.message }));
  return { profile, document, partner, canonical: canonicalDocument(document), warnings };
}

/** The message kind that carries a document: declaration.issued for a declaration of origin (862), else co.issued. */
export function issuedKind(profile: Profile, document: EcoDocument): 'co.issued' | 'declaration.issued' {
  return profile.documentTypes.includes('862') && document.header.typeCode === '862' ? 'declaration.issued' : 'co.issued';
}
