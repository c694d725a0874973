/** HTTP error codes of the national API for: Replacement, amendment, cancellation and the timeline. Merged into gateway-errors.ts. */
import type { GatewayErrorSpec } from '../gateway-error-spec.js';

export const lifecycleErrors = {
  'certificate.not-issued-here': { status: 409, title: 'Only a certificate this gateway issued can be replaced, amended or cancelled; this one was received from a partner.' },
  'certificate.already-cancelled': { status: 409, title: 'The certificate was cancelled: it can no longer be replaced, amended or cancelled.' },
  'certificate.already-replaced': { status: 409, title: 'The certificate was replaced: replace, amend or cancel its replacement instead.' },
  'certificate.replaced-number-mismatch': { status: 422, title: 'The replacement\'s replacement.replacedNumber must be the number of the certificate it replaces; nothing was stored.' },
  'certificate.parties-changed': { status: 422, title: 'A replacement or amendment must keep the importing country, agreement and document type of the certificate it changes; nothing was stored.' },
  'certificate.amendment-not-allowed': { status: 422, title: 'The agreement profile allows no amendments (lifecycle.amendment: replacement-only): issue a replacement instead.' },
  'certificate.amendment-number-mismatch': { status: 422, title: 'An amendment keeps the certificate\'s number; a new number is a replacement.' },
  'certificate.amendment-version': { status: 422, title: 'An amendment\'s header.version must be the certificate\'s current version plus one; nothing was stored.' },
} as const satisfies Record<string, GatewayErrorSpec>;
