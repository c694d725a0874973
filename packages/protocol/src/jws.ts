/**
 * The envelope signature: a flattened JWS (RFC 7515 §7.2.2) with a detached payload (Appendix F).
 * The signed payload is the RFC 8785 canonical JSON of the envelope, which binds the payload through
 * its digest. The verifier pins everything: the algorithm list, the keys and their windows; nothing in
 * the header can choose an algorithm, point at a key (`jku`, `jwk`, `x5u`) or add critical extensions.
 */
import { canonicalBytes } from './canonical.js';
import type { DetachedJws, Envelope } from './envelope.js';
import { isKeyValidAt, type PinnedKey, type SignatureAlgorithm } from './jwk.js';
import type { ProtocolCode } from './protocol-codes.js';
import { verifySignature, type Signer } from './signing-keys.js';

/** The JWS `typ` of protocol messages (RFC 7515 §4.1.9, media type without `application/`). */
export const jwsType = 'originlink+jws';

/** The only header members the protocol writes or accepts. */
const headerMembers = new Set(['alg', 'kid', 'typ']);

function signingInput(protectedHeader: string, envelope: Envelope): Buffer {
  const payload = Buffer.from(canonicalBytes(envelope)).toString('base64url');
  return Buffer.from(`${protectedHeader}.${payload}`, 'ascii');
}

/** Signs an envelope; the payload travels beside it, not inside the JWS. */
export function signEnvelope(envelope: Envelope, signer: Signer): DetachedJws {
  const header = { alg: signer.alg, kid: signer.kid, typ: jwsType };
  const protectedHeader = Buffer.from(JSON.stringify(header), 'utf8').toString('base64url');
  return { protected: protectedHeader, signature: Buffer.from(signer.sign(signingInput(protectedHeader, envelope))).toString('base64url') };
}

export interface VerifyOptions {
  /** The algorithms this gateway accepts (configuration, never the message's choice). */
  readonly allowedAlgorithms: readonly SignatureAlgorithm[];
  /** The time (epoch ms) the key must be valid at: the receiver's clock, so a retired key stops at once. */
  readonly at: number;
}

export type SignatureFailureCode = Extract<ProtocolCode, 'protocol.bad-signature' | 'protocol.unknown-key' | 'protocol.algorithm-not-allowed' | 'protocol.key-not-valid'>;
export type VerifyResult = { readonly ok: true; readonly kid: string } | { readonly ok: false; readonly code: SignatureFailureCode; readonly detail: string };

type HeaderRead = { readonly ok: true; readonly alg: string; readonly kid: string } | { readonly ok: false; readonly reason: string };

/** Reads the protected header, refusing anything but a JSON object of exactly alg, kid and typ. */
function readHeader(encoded: string): HeaderRead {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the protected header is not base64url-encoded JSON' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return { ok: false, reason: 'the protected header is not a JSON object' };
  // `crit` (RFC 7515 §4.1.11) must be refused when not understood; `jku`, `jwk`, `x5u`, `x5c` would let
  // the message choose its own key. Refusing every other member covers them all.
  const extra = Object.keys(header).filter((k) => !headerMembers.has(k));
  if (extra.length > 0) return { ok: false, reason: `the protected header has members the protocol refuses: ${extra.join(', ')}` };
  const { alg, kid, typ } = header as Record<string, unknown>;
  if (typ !== jwsType) return { ok: false, reason: `the protected header typ is ${JSON.stringify(typ)}, not "${jwsType}"` };
  if (typeof alg !== 'string' || typeof kid !== 'string') return { ok: false, reason: 'the protected header lacks a string alg or kid' };
  return { ok: true, alg, kid };
}

/** An instant for a detail message; a far-off bound (e.g. MAX_SAFE_INTEGER) is not a Date and must not throw. */
function instant(ms: number | undefined): string {
  if (ms === undefined) return '-';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

const fail = (code: SignatureFailureCode, detail: string): VerifyResult => ({ ok: false, code, detail });

/**
 * Verifies an envelope's detached JWS against the sender's pinned keys. Checks, in order: the header
 * (only alg, kid, typ), the algorithm is allowed, the kid names a pinned key, the header alg equals that
 * key's alg, the key is valid at `options.at`, and the signature.
 */
export function verifyEnvelopeSignature(envelope: Envelope, jws: DetachedJws, keys: readonly PinnedKey[], options: VerifyOptions): VerifyResult {
  const header = readHeader(jws.protected);
  if (!header.ok) return fail('protocol.bad-signature', header.reason);
  if (!(options.allowedAlgorithms as readonly string[]).includes(header.alg)) {
    return fail('protocol.algorithm-not-allowed', `alg ${JSON.stringify(header.alg)} is not one of ${options.allowedAlgorithms.join(', ')}`);
  }
  const key = keys.find((k) => k.kid === header.kid);
  if (!key) return fail('protocol.unknown-key', `kid ${JSON.stringify(header.kid)} is not a pinned key of the sender`);
  if (key.alg !== header.alg || key.jwk.alg !== key.alg) {
    return fail('protocol.algorithm-not-allowed', `alg ${header.alg} is not the alg ${key.alg} pinned for kid ${key.kid}`);
  }
  if (!isKeyValidAt(key, options.at)) {
    return fail('protocol.key-not-valid', `key ${key.kid} is valid ${instant(key.notBefore)} .. ${instant(key.notAfter)}, not at ${instant(options.at)}`);
  }
  const input = signingInput(jws.protected, envelope);
  let valid: boolean;
  try {
    valid = verifySignature(key.jwk, input, Buffer.from(jws.signature, 'base64url'));
  } catch (e) {
    // Unusable pinned key material: the message cannot be authenticated with it.
    return fail('protocol.bad-signature', `pinned key ${key.kid} cannot be used: ${e instanceof Error ? e.message : String(e)}`);
  }
  return valid ? { ok: true, kid: key.kid } : fail('protocol.bad-signature', `the signature does not verify with key ${key.kid}`);
}
