/**
 * node:crypto behind the JWKs: generating a signing key, a signer that builds its private KeyObject
 * once, and the raw sign/verify primitives. ES256 signatures are r||s (IEEE P1363, 64 bytes) as JWS
 * requires (RFC 7518 §3.4), not DER; Ed25519 hashes internally, so it signs with a null digest.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { jwkThumbprint, publicJwk, type EcPrivateJwk, type OkpPrivateJwk, type PrivateJwk, type PublicJwk, type SignatureAlgorithm } from './jwk.js';

/** Signs with one private key; the KeyObject is built once, when the signer is created. */
export interface Signer {
  readonly kid: string;
  readonly alg: SignatureAlgorithm;
  /** The public half, e.g. for publishing in the partner metadata. */
  readonly publicJwk: PublicJwk;
  sign(data: Uint8Array): Uint8Array;
}

/** Generates a fresh signing key; `kid` defaults to its RFC 7638 thumbprint. */
export function generateSigningKey(alg: 'ES256', kid?: string): EcPrivateJwk;
export function generateSigningKey(alg: 'EdDSA', kid?: string): OkpPrivateJwk;
export function generateSigningKey(alg: SignatureAlgorithm, kid?: string): PrivateJwk;
export function generateSigningKey(alg: SignatureAlgorithm, kid?: string): PrivateJwk {
  if (alg === 'ES256') {
    const raw = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    const base = { kty: 'EC', crv: 'P-256', x: String(raw.x), y: String(raw.y) } as const;
    return { ...base, d: String(raw.d), kid: kid ?? jwkThumbprint(base), alg, use: 'sig' };
  }
  const raw = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const base = { kty: 'OKP', crv: 'Ed25519', x: String(raw.x) } as const;
  return { ...base, d: String(raw.d), kid: kid ?? jwkThumbprint(base), alg, use: 'sig' };
}

/** The algorithm a key's type implies; a JWK whose `alg` disagrees is a configuration error. */
function checkAlg(jwk: PrivateJwk | PublicJwk): void {
  const implied = jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : undefined;
  if (implied === undefined || implied !== jwk.alg) throw new TypeError(`key ${jwk.kid}: alg ${String(jwk.alg)} does not match kty ${String(jwk.kty)} / crv ${String(jwk.crv)}`);
}

/**
 * A signer for a private JWK. Throws (a configuration error, not bad input) when the key is not a
 * valid P-256 or Ed25519 private key or its `alg` does not match its type.
 */
export function createSigner(privateJwk: PrivateJwk): Signer {
  checkAlg(privateJwk);
  const key = createPrivateKey({ key: { ...privateJwk }, format: 'jwk' });
  const { kid, alg } = privateJwk;
  return {
    kid,
    alg,
    publicJwk: publicJwk(privateJwk),
    sign: alg === 'ES256' ? (data) => sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }) : (data) => sign(null, data, key),
  };
}

/** Public KeyObjects by thumbprint: pinned keys are rebuilt from rows per request, parsing them is not. */
const publicKeys = new Map<string, KeyObject>();
const maxCachedKeys = 256;

/** The public KeyObject of a JWK, cached (least recently used evicted). Throws for invalid key material. */
export function publicKeyObject(jwk: PublicJwk): KeyObject {
  const thumbprint = jwkThumbprint(jwk);
  const cached = publicKeys.get(thumbprint);
  if (cached) {
    // Re-inserting moves the entry to the end of the Map's order: the first entry is the least recent.
    publicKeys.delete(thumbprint);
    publicKeys.set(thumbprint, cached);
    return cached;
  }
  checkAlg(jwk);
  const key = createPublicKey({ key: { ...publicJwk(jwk) }, format: 'jwk' });
  if (publicKeys.size >= maxCachedKeys) {
    const oldest = publicKeys.keys().next();
    if (!oldest.done) publicKeys.delete(oldest.value);
  }
  publicKeys.set(thumbprint, key);
  return key;
}

/** Checks a raw signature; false (never a throw) for a wrong signature or one of the wrong length. */
export function verifySignature(jwk: PublicJwk, data: Uint8Array, signature: Uint8Array): boolean {
  const key = publicKeyObject(jwk);
  // Both algorithms have 64-byte signatures; anything else is refused before OpenSSL sees it.
  if (signature.length !== 64) return false;
  try {
    return jwk.alg === 'ES256' ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature) : verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Reads a private JWK from a key file's text (as `originlink keys generate` writes it). Problems are
 * returned as text for the configuration loader: not JSON, not a P-256/Ed25519 private key, an
 * `alg` that does not match the key type, no `kid`.
 */
export function parsePrivateJwk(text: string): { ok: true; jwk: PrivateJwk } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not a JSON Web Key file (not valid JSON)' };
  }
  const v = value as Partial<Record<'kty' | 'crv' | 'x' | 'y' | 'd' | 'kid' | 'alg', unknown>>;
  if (typeof value !== 'object' || value === null || typeof v.d !== 'string') return { ok: false, problem: 'not a private JWK (no "d" member)' };
  if (typeof v.kid !== 'string' || v.kid === '') return { ok: false, problem: 'the key has no "kid"' };
  const jwk = (v.kty === 'EC'
    ? { kty: 'EC', crv: v.crv, x: v.x, y: v.y, d: v.d, kid: v.kid, alg: v.alg, use: 'sig' }
    : { kty: v.kty, crv: v.crv, x: v.x, d: v.d, kid: v.kid, alg: v.alg, use: 'sig' }) as PrivateJwk;
  try {
    createSigner(jwk);
  } catch (err) {
    return { ok: false, problem: `not a usable ES256 (P-256) or EdDSA (Ed25519) private key: ${(err as Error).message}` };
  }
  return { ok: true, jwk };
}
