/**
 * English messages of the claim reason codes (see claim-codes.ts), rendered from each reason's
 * params. The map is exhaustive: a code without a message does not compile.
 */
import type { ClaimReasonCode } from './claim-codes.js';

export type ClaimParams = Readonly<Record<string, string | number | boolean | null | readonly (string | number)[]>>;

const v = (x: ClaimParams, key: string): string => {
  const value = x[key];
  return Array.isArray(value) ? value.join(', ') : String(value ?? '?');
};

export const claimMessagesEn: Record<ClaimReasonCode, (x: ClaimParams) => string> = {
  'claim.certificate-not-received': (x) =>
    `No e-CO data for certificate ${v(x, 'certificateNumber')} from ${v(x, 'issuingCountry')} was received${x['pullError'] ? ` and the pull failed (${v(x, 'pullError')})` : ''}${x['cutOverDate'] ? (x['beforeCutOver'] ? `; before the ${v(x, 'agreement')} cut-over on ${v(x, 'cutOverDate')} the paper certificate may be accepted by an officer` : `; since the ${v(x, 'agreement')} cut-over on ${v(x, 'cutOverDate')} preference needs the e-data`) : ''}.`,
  'claim.pulled': (x) => `The certificate's data was pulled from ${v(x, 'issuingCountry')} for this claim.`,
  'claim.signature-evidence-missing': (x) => `No verified message from the issuing side is stored for certificate ${v(x, 'certificateNumber')} (expected message ${v(x, 'messageId')}).`,
  'claim.cancelled': (x) => `The certificate was cancelled${x['reason'] ? `: ${v(x, 'reason')}` : ''}.`,
  'claim.replaced': (x) => (x['replacementNumber'] ? `The certificate was replaced by ${v(x, 'replacementNumber')}; claim preference on the replacement.` : 'The certificate was replaced; its replacement was not received here yet.'),
  'claim.outside-validity': (x) => `The declaration date ${v(x, 'declarationDate')} is outside the validity period ${x['validFrom'] ? v(x, 'validFrom') : v(x, 'issueDate')} to ${v(x, 'validUntil')}.`,
  'claim.importer-mismatch': (x) =>
    x['field'] === 'id'
      ? `The importer identifier ${v(x, 'claimed')} differs from the certificate's ${v(x, 'party')} identifier ${v(x, 'expected')}.`
      : `The importer name "${v(x, 'claimed')}" differs from the certificate's ${v(x, 'party')} "${v(x, 'expected')}".`,
  'claim.item-not-found': (x) => (x['itemNumber'] !== undefined ? `The certificate has no item ${v(x, 'itemNumber')}.` : `No certificate item has HS subheading ${v(x, 'hsCode')}${x['invoiceNumber'] ? ` and invoice ${v(x, 'invoiceNumber')}` : ''}.`),
  'claim.hs-mismatch': (x) => `HS subheading ${v(x, 'claimed')} differs from the certificate item's ${v(x, 'expected')} (HS ${v(x, 'hsVersion')}).`,
  'claim.hs-version-review': (x) => `The claim uses HS ${v(x, 'claimVersion')} and the certificate item HS ${v(x, 'itemVersion')}: compare ${v(x, 'claimed')} with ${v(x, 'expected')} by correlation.`,
  'claim.unit-mismatch': (x) => `The quantity is claimed in ${v(x, 'claimed')}; the certificate item is counted in ${v(x, 'expected')}.`,
  'claim.quantity-exceeded': (x) => `${v(x, 'claimed')} ${v(x, 'unitCode')} claimed on item ${v(x, 'itemNumber')}, but only ${v(x, 'remaining')} of ${v(x, 'total')} remain.`,
  'claim.invoice-mismatch': (x) => `Invoice ${v(x, 'claimed')} is not the certificate's (${v(x, 'expected')})${x['thirdPartyInvoicing'] ? '; the certificate has third-party invoicing, so an officer checks the link' : ''}.`,
  'claim.under-verification': () => 'A retroactive verification of the certificate is in progress.',
  'claim.origin-not-confirmed': (x) => (x['itemNumber'] !== undefined ? `Retroactive verification did not confirm the origin of item ${v(x, 'itemNumber')}.` : 'Retroactive verification did not confirm the origin of the goods.'),
  'claim.officer-decision': (x) => `${v(x, 'officer')} decided ${v(x, 'decision')}${x['note'] ? `: ${v(x, 'note')}` : ''}.`,
};
