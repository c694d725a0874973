/**
 * Signing keys as JSON Web Keys (RFC 7517): the two algorithms the protocol allows, the public and
 * private JWK shapes, pinned partner keys with their validity window, and the RFC 7638 thumbprint that
 * names a key (and that operators compare, as a fingerprint, when they confirm a partner's key).
 */
import { createHash } from 'node:crypto';

/** The signature algorithms of the protocol (RFC 7518 ES256 on P-256; RFC 8037 EdDSA on Ed25519). */
export const signatureAlgorithms = ['ES256', 'EdDSA'] as const;
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

export function isSignatureAlgorithm(v: unknown): v is SignatureAlgorithm {
  return typeof v === 'string' && (signatureAlgorithms as readonly string[]).includes(v);
}

interface JwkCommon {
  readonly kid: string;
  readonly use: 'sig';
}
/** A P-256 public key for ES256. */
export interface EcPublicJwk extends JwkCommon {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly alg: 'ES256';
}
/** An Ed25519 public key for EdDSA. */
export interface OkpPublicJwk extends JwkCommon {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly alg: 'EdDSA';
}
export type PublicJwk = EcPublicJwk | OkpPublicJwk;
export type EcPrivateJwk = EcPublicJwk & { readonly d: string };
export type OkpPrivateJwk = OkpPublicJwk & { readonly d: string };
/** A private signing key: the public members plus the private scalar `d`. Never published. */
export type PrivateJwk = EcPrivateJwk | OkpPrivateJwk;

/** A partner key this gateway trusts, with the window (epoch ms, `notAfter` exclusive) it may sign in. */
export interface PinnedKey {
  readonly kid: string;
  readonly alg: SignatureAlgorithm;
  readonly jwk: PublicJwk;
  readonly notBefore?: number;
  readonly notAfter?: number;
}

/** Whether a pinned key may be used at `at` (epoch ms): `notBefore <= at < notAfter`. */
export function isKeyValidAt(key: PinnedKey, at: number): boolean {
  return (key.notBefore === undefined || at >= key.notBefore) && (key.notAfter === undefined || at < key.notAfter);
}

/** The public part of a key: drops `d` and any member that is not part of the protocol's JWK shape. */
export function publicJwk(jwk: EcPrivateJwk | EcPublicJwk): EcPublicJwk;
export function publicJwk(jwk: OkpPrivateJwk | OkpPublicJwk): OkpPublicJwk;
export function publicJwk(jwk: PrivateJwk | PublicJwk): PublicJwk;
export function publicJwk(jwk: PrivateJwk | PublicJwk): PublicJwk {
  return jwk.kty === 'EC'
    ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: jwk.kid, alg: 'ES256', use: 'sig' }
    : { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
}

/** The members a thumbprint covers. RSA is accepted only so that the RFC 7638 example can be checked. */
export type ThumbprintInput =
  | { readonly kty: 'EC'; readonly crv: string; readonly x: string; readonly y: string }
  | { readonly kty: 'OKP'; readonly crv: string; readonly x: string }
  | { readonly kty: 'RSA'; readonly e: string; readonly n: string };

/**
 * The RFC 7638 hash input: the required members only, in lexicographic order, no whitespace
 * (§3.2; the OKP members are from RFC 8037 §2). Built by hand: the order is part of the standard.
 */
function thumbprintInput(jwk: ThumbprintInput): string {
  const s = JSON.stringify;
  switch (jwk.kty) {
    case 'EC':
      return `{"crv":${s(jwk.crv)},"kty":"EC","x":${s(jwk.x)},"y":${s(jwk.y)}}`;
    case 'OKP':
      return `{"crv":${s(jwk.crv)},"kty":"OKP","x":${s(jwk.x)}}`;
    case 'RSA':
      return `{"e":${s(jwk.e)},"kty":"RSA","n":${s(jwk.n)}}`;
  }
}

function thumbprintHash(jwk: ThumbprintInput): Buffer {
  return createHash('sha256').update(thumbprintInput(jwk), 'utf8').digest();
}

/** The RFC 7638 JWK thumbprint: base64url(SHA-256(required members)), 43 characters. */
export function jwkThumbprint(jwk: ThumbprintInput): string {
  return thumbprintHash(jwk).toString('base64url');
}

/**
 * The same SHA-256 as {@link jwkThumbprint}, spelled for people reading it aloud or comparing it on
 * the phone: `SHA256:` + colon-separated upper-case hex pairs.
 */
export function displayFingerprint(jwk: ThumbprintInput): string {
  const hex = thumbprintHash(jwk).toString('hex').toUpperCase();
  return `SHA256:${hex.match(/../g)?.join(':') ?? ''}`;
}
