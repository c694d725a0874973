/**
 * RFC 9457 problem details: `type` is a stable URN built from the code, `code` repeats it for
 * clients that switch on it, `detail` explains this occurrence, and `instance` is the request id.
 */
import { gatewayErrors, type GatewayErrorCode } from './gateway-errors.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly instance?: string;
  readonly [extra: string]: unknown;
}

export const problemContentType = 'application/problem+json';

export function problem(code: GatewayErrorCode, detail: string | undefined, requestId: string | undefined, extra: Readonly<Record<string, unknown>> = {}): Problem {
  const spec = gatewayErrors[code];
  return {
    type: `urn:originlink:error:${code}`,
    title: spec.title,
    status: spec.status,
    code,
    detail: detail ?? spec.title,
    ...(requestId ? { instance: `urn:originlink:request:${requestId}` } : {}),
    ...extra,
  };
}
