/**
 * Every HTTP error code of the gateway's APIs, with its status: one exhaustive map, documented in
 * docs/reference/errors.md (generated) and never reused. Responses are RFC 9457 problem+json.
 */

import { claimsErrors } from './areas/claims-errors.js';
import { lifecycleErrors } from './areas/lifecycle-errors.js';
import { verificationErrors } from './areas/verification-errors.js';
import type { GatewayErrorSpec } from './gateway-error-spec.js';

export type { GatewayErrorSpec };

export const gatewayErrors = {
  'auth.missing-token': { status: 401, title: 'An API token is required (Authorization: Bearer <token>).' },
  'auth.invalid-token': { status: 401, title: 'The API token is not valid.' },
  'auth.forbidden': { status: 403, title: 'The API token lacks the role this operation needs.' },
  'auth.client-certificate-required': { status: 401, title: 'The partner API requires mutual TLS: a client certificate issued by a trusted CA.' },
  'request.invalid': { status: 400, title: 'The request does not match the API schema.' },
  'request.too-large': { status: 413, title: 'The request body is larger than the configured limit.' },
  'request.unsupported-media-type': { status: 415, title: 'The request body must be JSON (application/json).' },
  'route.not-found': { status: 404, title: 'No such endpoint.' },
  'certificate.invalid': { status: 422, title: 'The certificate is not valid against the dataset and the agreement profile; nothing was stored.' },
  'certificate.exists': { status: 409, title: 'A different certificate with this number was already submitted; issue a replacement instead.' },
  'certificate.not-found': { status: 404, title: 'No certificate with this id or number.' },
  'certificate.wrong-issuer': { status: 422, title: 'The certificate\'s issuing country is not this gateway\'s country.' },
  'certificate.no-agreement': { status: 422, title: 'No agreement profile configured for the certificate\'s agreement and document type.' },
  'certificate.no-partner': { status: 422, title: 'No partner gateway is configured for the importing country under this agreement.' },
  'idempotency.key-reused': { status: 422, title: 'The Idempotency-Key was already used with a different request body.' },
  'delivery.not-found': { status: 404, title: 'No delivery (outbox entry) with this id.' },
  'delivery.not-retryable': { status: 409, title: 'Only failed or rejected deliveries can be retried.' },
  'partner.not-found': { status: 404, title: 'No partner gateway for this country.' },
  'partner.unreachable': { status: 502, title: 'The partner gateway could not be reached.' },
  'partner.metadata-invalid': { status: 502, title: 'The partner\'s /.well-known/originlink.json is not valid partner metadata.' },
  'message.unreadable': { status: 400, title: 'The partner message cannot be read as an OriginLink envelope; no receipt can be addressed.' },
  'service.unavailable': { status: 503, title: 'The database is unavailable; nothing was accepted. Retry later.' },
  internal: { status: 500, title: 'Unexpected error; see the gateway log with the request id.' },
  ...claimsErrors,
  ...lifecycleErrors,
  ...verificationErrors,
} as const satisfies Record<string, GatewayErrorSpec>;

export type GatewayErrorCode = keyof typeof gatewayErrors;

/** An error that becomes a problem+json response with its code; `extra` members are added to the body. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    detail?: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? gatewayErrors[code].title);
    this.name = 'GatewayError';
  }

  get status(): number {
    return gatewayErrors[this.code].status;
  }
}
