/**
 * The checks a certificate (or declaration of origin) from a partner must pass before it is stored,
 * however it arrived (pushed in co.issued / declaration.issued, or pulled in pull.response): a
 * profile for it here, valid against that profile, issued by the sender's country, addressed to
 * this gateway's country, under the envelope's agreement.
 */
import { validateDocument, type EcoDocument, type Profile } from '@originlink/dataset';
import type { Envelope, IssueSummary } from '@originlink/protocol';
import type { GatewayContext } from '../../gateway-context.js';
import { exchangeIssue } from './handler.js';

export type PartnerDocumentCheck =
  | { readonly ok: true; readonly document: EcoDocument; readonly profile: Profile; /** Warnings and notes. */ readonly issues: IssueSummary[] }
  | { readonly ok: false; readonly issues: IssueSummary[] };

/**
 * Checks a document received from `envelope.sender`; issue paths are prefixed with `base`
 * (the document's JSON pointer in the message, e.g. `/payload/certificate`).
 */
export function checkPartnerDocument(ctx: GatewayContext, document: unknown, envelope: Pick<Envelope, 'sender' | 'agreement'>, base: string, now: number): PartnerDocumentCheck {
  const profile = ctx.agreements.forDocument(document);
  if (!profile) return { ok: false, issues: [exchangeIssue('exchange.no-profile', `${base}/header/agreementCode`)] };

  const result = validateDocument(document, { profile, now: new Date(now) });
  const issues: IssueSummary[] = result.issues.map((i) => ({ code: i.code, path: `${base}${i.path}`, severity: i.severity, message: i.message }));
  if (!result.ok) return { ok: false, issues };
  const { header } = result.value;
  if (header.issuingCountry !== envelope.sender.country) issues.push(exchangeIssue('exchange.issuer-mismatch', `${base}/header/issuingCountry`, `${header.issuingCountry} sent by ${envelope.sender.country}`));
  if (header.importingCountry !== ctx.config.self.country) issues.push(exchangeIssue('exchange.not-for-receiver', `${base}/header/importingCountry`, `${header.importingCountry}, received by ${ctx.config.self.country}`));
  if (header.agreementCode !== envelope.agreement) issues.push(exchangeIssue('exchange.agreement-mismatch', `${base}/header/agreementCode`, `${header.agreementCode} in a ${envelope.agreement} envelope`));
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, document: result.value, profile, issues };
}
