/**
 * HTTP error codes for: retroactive verification, the Pull model and the exporter registry (national
 * API, and the partner API's /partner/v1/pull and /partner/v1/exporters). Merged into gateway-errors.ts.
 */
import type { GatewayErrorSpec } from '../gateway-error-spec.js';

export const verificationErrors = {
  'verification.not-found': { status: 404, title: 'No verification request with this id.' },
  'verification.certificate-not-received': { status: 422, title: 'Verification can be requested only for a certificate received from a partner.' },
  'verification.unknown-item': { status: 422, title: 'An item number is not an item of the certificate.' },
  'verification.already-requested': { status: 409, title: 'A verification of this certificate is already open; wait for its answer.' },
  'verification.not-inbound': { status: 409, title: 'Only verification requests received from a partner are answered on this gateway.' },
  'verification.already-answered': { status: 409, title: 'This verification request was already answered.' },
  'verification.items-required': { status: 422, title: 'A partially confirmed outcome must list the items, with at least one not confirmed.' },
  'pull.no-partner': { status: 422, title: 'No partner gateway serves the issuing country under an agreement in force that offers the Pull model.' },
  'pull.partner-unreachable': { status: 502, title: 'The partner gateway could not be reached for the pull; nothing was stored.' },
  'pull.response-invalid': { status: 502, title: 'The partner\'s pull answer could not be verified as its signed answer to our request; nothing was stored.' },
  'pull.certificate-invalid': { status: 502, title: 'The pulled certificate does not pass this gateway\'s checks (profile, issuer, addressee, number); nothing was stored.' },
  'pull.request-not-verified': { status: 401, title: 'The pull request could not be verified (receiver, sender, key, signature, digest or age); it was not answered.' },
  'partner.rate-limited': { status: 429, title: 'Too many partner API requests from this client (here, or at the partner); retry after Retry-After seconds.' },
  'exporter.statement-invalid': { status: 502, title: 'The partner\'s exporter statement could not be verified with its pinned keys or does not answer the question asked.' },
} as const satisfies Record<string, GatewayErrorSpec>;
