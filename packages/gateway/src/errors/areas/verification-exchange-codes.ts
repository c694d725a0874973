/**
 * Business refusal codes for: retroactive verification (issues in receipts of verification.request
 * and verification.response) and the Pull model (the `reason` of a pull.response with found: false).
 * Merged into exchange-codes.ts.
 */

export const verificationExchangeCodes = {
  'exchange.verification-certificate-unknown': 'No certificate with this number was issued by this gateway to the requesting country',
  'exchange.verification-unknown-item': 'An item number is not an item of the certificate',
  'exchange.verification-duplicate-request': 'A verification request with this requestId was already received from this partner',
  'exchange.verification-unknown-request': 'No verification request with this requestId and certificate was sent to this partner',
  'exchange.verification-already-answered': 'This verification request was already answered; a second response is refused',
  'exchange.verification-items-missing': 'A partially confirmed outcome must list the items, with at least one not confirmed',
  // Pull reasons never say whether a number exists for another country: not found covers both.
  'exchange.pull-not-found': 'No certificate with this number, issued by this gateway and addressed to the requesting country',
  'exchange.pull-not-offered': 'The agreement does not offer the Pull model between these countries, or is not in force',
  'exchange.pull-verification-code-required': 'The agreement requires the certificate\'s verification code in a pull request',
  'exchange.pull-verification-code-mismatch': 'The verification code does not match the certificate\'s',
  'exchange.pull-cancelled': 'The certificate was cancelled by its issuer',
  'exchange.pull-replaced': 'The certificate was replaced by its issuer; pull the replacement',
  'exchange.pull-duplicate-request': 'A pull request with this message id was already answered',
} as const satisfies Record<string, string>;

export type VerificationExchangeCode = keyof typeof verificationExchangeCodes;
