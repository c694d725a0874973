/**
 * The reasons of a clearance decision on a preference claim (`claim.*`): a stable code, the effect
 * it has on the decision, and a one-line English summary (docs/reference/errors.md). Codes are
 * never renamed or reused. The per-occurrence messages are in claim-messages.ts.
 */

/** reject: preference refused; review: an officer decides; info: recorded, no effect. */
export const claimEffects = ['reject', 'review', 'info'] as const;
export type ClaimEffect = (typeof claimEffects)[number];

export interface ClaimReasonSpec {
  /** The usual effect; the summary says when another applies. */
  readonly effect: ClaimEffect;
  readonly summary: string;
}

export const claimReasonCodes = {
  'claim.certificate-not-received': { effect: 'reject', summary: 'No e-CO data was received (or could be pulled) for this certificate; manual review instead of rejection before the agreement profile\'s transition cut-over date' },
  'claim.pulled': { effect: 'info', summary: 'The certificate\'s data was obtained by a pull from the issuing side for this claim' },
  'claim.signature-evidence-missing': { effect: 'review', summary: 'No verified partner message is stored for the certificate, so its signature cannot be shown' },
  'claim.cancelled': { effect: 'reject', summary: 'The certificate was cancelled (withdrawn) by the issuing authority' },
  'claim.replaced': { effect: 'reject', summary: 'The certificate was replaced; the claim must quote the replacement' },
  'claim.outside-validity': { effect: 'reject', summary: 'The declaration date is outside the certificate\'s validity period' },
  'claim.importer-mismatch': { effect: 'reject', summary: 'The importer differs from the certificate\'s importer (or consignee): rejected when both identifiers are given and differ, manual review when only the names differ' },
  'claim.item-not-found': { effect: 'reject', summary: 'No certificate item matches the claimed item (by item number, or by HS subheading and invoice number)' },
  'claim.hs-mismatch': { effect: 'reject', summary: 'The HS subheading (first 6 digits) differs from the certificate item\'s, in the same HS edition' },
  'claim.hs-version-review': { effect: 'review', summary: 'The claim and the certificate item use different HS editions; no correlation table is bundled, so an officer compares them' },
  'claim.unit-mismatch': { effect: 'review', summary: 'The claimed quantity is not in the unit the certificate item is counted in' },
  'claim.quantity-exceeded': { effect: 'reject', summary: 'The claimed quantity is more than remains of the certificate item (partial utilisation)' },
  'claim.invoice-mismatch': { effect: 'reject', summary: 'The invoice number differs from the certificate\'s; manual review when the certificate has third-party invoicing' },
  'claim.under-verification': { effect: 'review', summary: 'A retroactive verification of the certificate is in progress' },
  'claim.origin-not-confirmed': { effect: 'reject', summary: 'Retroactive verification did not confirm the origin of the item (or of the whole certificate)' },
  'claim.officer-decision': { effect: 'info', summary: 'A customs officer decided the claim after manual review (with the officer\'s note)' },
} as const satisfies Record<string, ClaimReasonSpec>;

export type ClaimReasonCode = keyof typeof claimReasonCodes;
