/** HTTP error codes of the national API for: Claims at clearance, utilisation notices, transition. Merged into gateway-errors.ts. */
import type { GatewayErrorSpec } from '../gateway-error-spec.js';

export const claimsErrors = {
  'claim.not-found': { status: 404, title: 'No claim with this id.' },
  'claim.exists': { status: 409, title: 'A different claim with this declaration reference was already made on this certificate; the first decision stands.' },
  'claim.issued-here': { status: 422, title: 'The certificate was issued by this gateway\'s country; preference is claimed at the importing side.' },
  'claim.agreement-unknown': { status: 422, title: 'The certificate was not received and its agreement cannot be told: name it in `agreement` (one configured with the issuing country).' },
  'claim.not-in-review': { status: 409, title: 'Only a claim waiting for manual review can be decided by an officer.' },
  'claim.quantity-unavailable': { status: 409, title: 'The claim cannot be accepted: less of a certificate item remains than it claims (other claims used it since).' },
} as const satisfies Record<string, GatewayErrorSpec>;
