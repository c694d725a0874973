/**
 * Digests in the protocol's one spelling, `sha-256:` + unpadded base64url (43 characters): the
 * envelope's `payloadDigest` (over the canonical payload) and a receipt's `receivedDigest` (over the
 * exact bytes received).
 */
import { createHash } from 'node:crypto';
import { canonicalBytes } from './canonical.js';

/** The pattern every digest matches (the same as the envelope and receipt schemas use). */
export const digestPattern = /^sha-256:[A-Za-z0-9_-]{43}$/;

/** `sha-256:` + base64url(SHA-256(bytes)). */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha-256:${createHash('sha256').update(bytes).digest('base64url')}`;
}

/**
 * The digest of a payload over its RFC 8785 canonical JSON, so that it does not depend on how the
 * JSON was spelled on the wire. Throws a TypeError for a value JSON cannot represent.
 */
export function payloadDigest(payload: unknown): string {
  return sha256Digest(canonicalBytes(payload));
}
