/**
 * Shared test fixtures: two gateways (Thailand exporting, Indonesia importing), fresh keys, a decode
 * context, a small valid message, and a way to forge a JWS with any header (for the attacks the
 * verifier must refuse). Used by tests only.
 */
import { createHmac } from 'node:crypto';
import { canonicalBytes } from '../canonical.js';
import type { DecodeContext } from '../decode-message.js';
import type { DetachedJws, Envelope, GatewayAddress, SignedMessage } from '../envelope.js';
import { publicJwk, type PinnedKey, type PrivateJwk, type SignatureAlgorithm } from '../jwk.js';
import { createMessage, encodeMessage } from '../messages.js';
import type { PayloadOf } from '../payloads.js';
import { createSigner, generateSigningKey, type Signer } from '../signing-keys.js';

export const exporter: GatewayAddress = { country: 'TH', gateway: 'th-dft' };
export const importer: GatewayAddress = { country: 'ID', gateway: 'id-insw' };
export const now = Date.parse('2025-06-02T08:30:00.000Z');
export const hour = 3_600_000;

export interface TestKey {
  readonly jwk: PrivateJwk;
  readonly signer: Signer;
  readonly pinned: PinnedKey;
}

/** A fresh key pinned with an optional window (epoch ms). */
export function testKey(alg: SignatureAlgorithm, options: { kid?: string; notBefore?: number; notAfter?: number } = {}): TestKey {
  const jwk = generateSigningKey(alg, options.kid);
  const pinned: PinnedKey = {
    kid: jwk.kid,
    alg,
    jwk: publicJwk(jwk),
    ...(options.notBefore === undefined ? {} : { notBefore: options.notBefore }),
    ...(options.notAfter === undefined ? {} : { notAfter: options.notAfter }),
  };
  return { jwk, signer: createSigner(jwk), pinned };
}

/** The importer's decode context, trusting `keys` for the exporter only. */
export function importerContext(keys: readonly PinnedKey[], overrides: Partial<DecodeContext> = {}): DecodeContext {
  return {
    self: importer,
    keysOf: (sender) => (sender.country === exporter.country && sender.gateway === exporter.gateway ? keys : undefined),
    allowedAlgorithms: ['ES256', 'EdDSA'],
    now,
    maxAgeMs: 24 * hour,
    maxFutureSkewMs: 5 * 60_000,
    supportedDatasetVersions: ['1.0.0'],
    ...overrides,
  };
}

export const cancellation: PayloadOf<'co.cancelled'> = {
  certificateNumber: 'TH-2025-000123',
  issuingCountry: 'TH',
  reasonCode: 'ISSUED-IN-ERROR',
  cancelledAt: '2025-06-02T08:00:00.000Z',
};

/** A signed co.cancelled message from the exporter to the importer. */
export function cancelledMessage(signer: Signer, overrides: { now?: number; receiver?: GatewayAddress; payload?: PayloadOf<'co.cancelled'> } = {}): SignedMessage<PayloadOf<'co.cancelled'>> {
  return createMessage(
    { kind: 'co.cancelled', sender: exporter, receiver: overrides.receiver ?? importer, agreement: 'ATIGA', datasetVersion: '1.0.0', payload: overrides.payload ?? cancellation, now: overrides.now ?? now },
    signer,
  );
}

/** Re-encodes a message after changing any part of it (the signature is kept as it was). */
export function tampered(message: SignedMessage, change: (wire: { envelope: Record<string, unknown>; payload: unknown; signature: Record<string, unknown> }) => void): Buffer {
  const wire = JSON.parse(encodeMessage(message).toString('utf8')) as { envelope: Record<string, unknown>; payload: unknown; signature: Record<string, unknown> };
  change(wire);
  return Buffer.from(JSON.stringify(wire), 'utf8');
}

/** A JWS with an arbitrary protected header, signed by `sign` over the protocol's signing input. */
export function forgeJws(envelope: Envelope, header: Record<string, unknown>, sign: (input: Buffer) => Uint8Array): DetachedJws {
  const protectedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
  const input = Buffer.from(`${protectedHeader}.${Buffer.from(canonicalBytes(envelope)).toString('base64url')}`, 'ascii');
  return { protected: protectedHeader, signature: Buffer.from(sign(input)).toString('base64url') };
}

/** HS256 keyed with the public key's `x`: the classic algorithm-confusion forgery. */
export function hmacWithPublicKey(key: PinnedKey): (input: Buffer) => Uint8Array {
  return (input) => createHmac('sha256', key.jwk.x).update(input).digest();
}
