/**
 * Signed statements: a compact JWS (RFC 7515 §7.1) over a small JSON object, for synchronous answers
 * that are not protocol messages, such as the registered-exporter lookup (GET /partner/v1/exporters/{id}).
 * The same pinned-key rules as envelopes apply: a pinned algorithm list, a pinned key by kid, its window.
 */
import { canonicalBytes } from './canonical.js';
import { isKeyValidAt, type PinnedKey, type SignatureAlgorithm } from './jwk.js';
import type { SignatureFailureCode } from './jws.js';
import { verifySignature, type Signer } from './signing-keys.js';

/** The `typ` of signed statements. */
export const statementType = 'originlink-statement+jws';

/** Signs a JSON object; the payload is its RFC 8785 canonical form. */
export function signStatement(payload: Readonly<Record<string, unknown>>, signer: Signer): string {
  const header = Buffer.from(JSON.stringify({ alg: signer.alg, kid: signer.kid, typ: statementType }), 'utf8').toString('base64url');
  const body = Buffer.from(canonicalBytes(payload)).toString('base64url');
  const signature = Buffer.from(signer.sign(Buffer.from(`${header}.${body}`, 'ascii'))).toString('base64url');
  return `${header}.${body}.${signature}`;
}

export type StatementResult =
  | { readonly ok: true; readonly payload: Record<string, unknown>; readonly kid: string }
  | { readonly ok: false; readonly code: SignatureFailureCode | 'protocol.malformed'; readonly detail: string };

/** Verifies a statement against the issuer's pinned keys; the payload is returned only when it verifies. */
export function verifyStatement(token: string, keys: readonly PinnedKey[], options: { allowedAlgorithms: readonly SignatureAlgorithm[]; at: number }): StatementResult {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return { ok: false, code: 'protocol.malformed', detail: 'not a compact JWS' };
  const [h, b, s] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
    payload = JSON.parse(Buffer.from(b, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'protocol.malformed', detail: 'the header or payload is not base64url JSON' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, code: 'protocol.malformed', detail: 'the payload is not a JSON object' };
  const extra = Object.keys(header).filter((k) => k !== 'alg' && k !== 'kid' && k !== 'typ');
  if (extra.length > 0 || header['typ'] !== statementType || typeof header['alg'] !== 'string' || typeof header['kid'] !== 'string') {
    return { ok: false, code: 'protocol.bad-signature', detail: `the header must be exactly { alg, kid, typ: "${statementType}" }` };
  }
  const alg = header['alg'];
  if (!(options.allowedAlgorithms as readonly string[]).includes(alg)) return { ok: false, code: 'protocol.algorithm-not-allowed', detail: `alg ${alg} is not allowed` };
  const key = keys.find((k) => k.kid === header['kid']);
  if (!key) return { ok: false, code: 'protocol.unknown-key', detail: `kid ${String(header['kid'])} is not pinned` };
  if (key.alg !== alg) return { ok: false, code: 'protocol.algorithm-not-allowed', detail: `alg ${alg} is not the alg ${key.alg} pinned for kid ${key.kid}` };
  if (!isKeyValidAt(key, options.at)) return { ok: false, code: 'protocol.key-not-valid', detail: `key ${key.kid} is not valid now` };
  let valid: boolean;
  try {
    valid = verifySignature(key.jwk, Buffer.from(`${h}.${b}`, 'ascii'), Buffer.from(s, 'base64url'));
  } catch {
    // Unusable pinned key material: no statement can be verified with it.
    valid = false;
  }
  return valid ? { ok: true, payload: payload as Record<string, unknown>, kid: key.kid } : { ok: false, code: 'protocol.bad-signature', detail: `the signature does not verify with key ${key.kid}` };
}
