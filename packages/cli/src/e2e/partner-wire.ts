/**
 * The partner API seen from the wire, for tests that play a partner gateway by hand: sign a
 * co.issued message with a gateway's own key file (or a rogue key), post exact bytes to
 * /partner/v1/messages, and verify the signed receipt with the receiver's published keys.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findProfile } from '@originlink/dataset';
import {
  createMessage,
  createSigner,
  decodeMessage,
  encodeMessage,
  generateSigningKey,
  parseMetadata,
  parsePrivateJwk,
  type GatewayAddress,
  type PinnedKey,
  type ReceiptPayload,
  type SignatureAlgorithm,
  type SignedMessage,
  type Signer,
} from '@originlink/protocol';
import type { TestGateway } from './e2e-network.js';
import type { TestCertificate } from './e2e-certificates.js';
import { call, callOk, type CallResult, type ClientTls } from './http-call.js';

export const address = (g: TestGateway): GatewayAddress => ({ country: g.country, gateway: g.gatewayId });

/** The gateway's own signing key (the file its configuration names): messages a real partner would sign. */
export async function gatewaySigner(g: TestGateway): Promise<Signer> {
  const parsed = parsePrivateJwk(await readFile(join(g.dir, 'signing.jwk.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`${g.country} signing key: ${parsed.problem}`);
  return createSigner(parsed.jwk);
}

/** A key no gateway has pinned; `kid` and `alg` let it pose as a pinned key. */
export function rogueSigner(kid?: string, alg: SignatureAlgorithm = 'ES256'): Signer {
  return createSigner(generateSigningKey(alg, kid));
}

/** The keys a gateway publishes in /.well-known/originlink.json, as a partner pins them. */
export async function publishedKeys(g: TestGateway): Promise<PinnedKey[]> {
  const parsed = parseMetadata(await callOk<unknown>(g.url, '/.well-known/originlink.json', g.clientTls ? { tls: g.clientTls } : {}));
  if (!parsed.ok) throw new Error(`${g.country} metadata: ${parsed.problems.join('; ')}`);
  return parsed.pinnedKeys;
}

const chkfta = findProfile('chkfta-certificate');

/** A signed co.issued message carrying `certificate` under ChKFTA. */
export function issuedMessage(input: { signer: Signer; from: GatewayAddress; to: GatewayAddress; certificate: TestCertificate; now?: number; id?: string }): SignedMessage {
  if (!chkfta) throw new Error('the chkfta-certificate profile is not built in');
  return createMessage(
    {
      kind: 'co.issued',
      sender: input.from,
      receiver: input.to,
      agreement: 'CHKFTA',
      datasetVersion: chkfta.datasetVersion,
      payload: { certificate: input.certificate },
      now: input.now ?? Date.now(),
      ...(input.id ? { id: input.id } : {}),
    },
    input.signer,
  );
}

export { encodeMessage };

/** POSTs exact bytes to the gateway's partner API (as a partner gateway would). */
export function postMessage(g: TestGateway, bytes: Buffer, tls: ClientTls | undefined = g.clientTls): Promise<CallResult> {
  return call(g.url, '/partner/v1/messages', { body: bytes, ...(tls ? { tls } : {}) });
}

/** Verifies a receipt's signature with the issuer's published keys (as the addressee would); throws if it does not verify. */
export function openReceipt(raw: Uint8Array, issuerKeys: readonly PinnedKey[], issuer: GatewayAddress, addressee: GatewayAddress): SignedMessage<ReceiptPayload> {
  const decoded = decodeMessage(raw, {
    self: addressee,
    keysOf: (sender) => (sender.country === issuer.country && sender.gateway === issuer.gateway ? issuerKeys : undefined),
    allowedAlgorithms: ['ES256', 'EdDSA'],
    now: Date.now(),
    maxAgeMs: 3_600_000,
    maxFutureSkewMs: 300_000,
    supportedDatasetVersions: chkfta ? [chkfta.datasetVersion] : [],
    expectKind: 'receipt',
  });
  if (!decoded.ok) throw new Error(`the receipt does not verify: ${decoded.code} ${decoded.detail}`);
  return decoded.message as SignedMessage<ReceiptPayload>;
}
