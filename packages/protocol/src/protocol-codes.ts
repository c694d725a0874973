/**
 * The registry of every protocol error code: one exhaustive, typed map. A receiving gateway that can
 * address a signed receipt puts the code in the receipt's issues; when it cannot (the message is not
 * readable or not authentic), its partner API answers with `httpStatus` and an RFC 9457 problem
 * carrying the code. Codes are never reused or renamed.
 */

export interface ProtocolCodeSpec {
  /** One line for the reference docs. */
  readonly summary: string;
  /** The HTTP status of the partner API's problem response when no signed receipt can be addressed. */
  readonly httpStatus: number;
}

export const protocolCodes = {
  'protocol.malformed': { httpStatus: 400, summary: 'The message is not JSON, or not a `{ envelope, payload, signature }` object of the protocol\'s shape.' },
  'protocol.unsupported-version': { httpStatus: 400, summary: 'The message uses a protocol version or a dataset version this gateway does not support.' },
  'protocol.wrong-receiver': { httpStatus: 400, summary: 'The envelope is addressed to another gateway.' },
  'protocol.unknown-sender': { httpStatus: 403, summary: 'The sender is not a partner of this gateway.' },
  'protocol.unknown-key': { httpStatus: 403, summary: 'The signature names a key (`kid`) that is not pinned for the sender.' },
  'protocol.bad-signature': { httpStatus: 403, summary: 'The signature does not verify, or its protected header is not the protocol\'s (only `alg`, `kid` and `typ` are allowed).' },
  'protocol.algorithm-not-allowed': { httpStatus: 403, summary: 'The signature algorithm is not allowed by configuration or is not the algorithm pinned for the key.' },
  'protocol.key-not-valid': { httpStatus: 403, summary: 'The signing key is pinned but outside its validity window (not yet valid or retired).' },
  'protocol.digest-mismatch': { httpStatus: 400, summary: 'The payload does not match the envelope\'s payload digest (it was altered after signing).' },
  'protocol.too-old': { httpStatus: 400, summary: 'The message was created longer ago than the gateway accepts.' },
  'protocol.from-future': { httpStatus: 400, summary: 'The message was created further in the future than the allowed clock skew.' },
  'protocol.payload-invalid': { httpStatus: 422, summary: 'The payload does not match the schema of the message kind.' },
  'protocol.unexpected-kind': { httpStatus: 422, summary: 'The message kind is not the one this endpoint or exchange expects.' },
  'protocol.receipt-mismatch': { httpStatus: 502, summary: 'A receipt does not acknowledge the message that was sent (other message, other partner or other bytes).' },
  'protocol.agreement-not-in-force': { httpStatus: 422, summary: 'No agreement with this code is in force between the sender and this gateway.' },
  'protocol.kind-not-supported': { httpStatus: 422, summary: 'This gateway does not handle messages of this kind (for this agreement).' },
} as const satisfies Record<string, ProtocolCodeSpec>;

export type ProtocolCode = keyof typeof protocolCodes;

export function isProtocolCode(code: string): code is ProtocolCode {
  return Object.hasOwn(protocolCodes, code);
}
