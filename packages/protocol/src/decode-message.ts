/**
 * Reading a message received from a partner: every check a receiving gateway makes before it stores
 * anything, in a fixed order that stops at the first failure (shape, versions, receiver, sender,
 * signature, payload digest, age, payload schema, kind). Bad input is a result with a protocol code,
 * never an exception; the envelope is returned whenever it could be read, to address a signed rejection.
 */
import { Type } from '@sinclair/typebox';
import { canonicalJson } from './canonical.js';
import { sha256Digest } from './digest.js';
import { DetachedJwsSchema, EnvelopeSchema, protocolVersion, type Envelope, type GatewayAddress, type SignedMessage } from './envelope.js';
import { verifyEnvelopeSignature } from './jws.js';
import type { PinnedKey, SignatureAlgorithm } from './jwk.js';
import type { MessageKind } from './message-kinds.js';
import { checkPayload } from './messages.js';
import type { ProtocolCode } from './protocol-codes.js';
import { ajvProblems, joinProblems, lazyValidator } from './validators.js';

export interface DecodeContext {
  /** This gateway: messages addressed elsewhere are refused. */
  readonly self: GatewayAddress;
  /** The sender's pinned keys; undefined when the sender is not a partner. */
  keysOf(sender: GatewayAddress): readonly PinnedKey[] | undefined;
  readonly allowedAlgorithms: readonly SignatureAlgorithm[];
  /** The receiver's clock, epoch ms. */
  readonly now: number;
  readonly maxAgeMs: number;
  readonly maxFutureSkewMs: number;
  readonly supportedDatasetVersions: readonly string[];
  /** When set, a message of another kind is refused (e.g. a receipt where a receipt is awaited). */
  readonly expectKind?: MessageKind;
}

export type DecodeResult =
  | {
      readonly ok: true;
      readonly message: SignedMessage;
      /** Of the raw bytes. */
      readonly digest: string;
      readonly kid: string;
      /** The RFC 8785 canonical JSON of the payload, as hashed (handlers reuse it instead of canonicalising again). */
      readonly canonicalPayload: string;
    }
  | { readonly ok: false; readonly code: ProtocolCode; readonly detail: string; readonly digest: string; readonly envelope?: Envelope };

const wireSchema = Type.Object({ envelope: EnvelopeSchema, payload: Type.Unknown(), signature: DetachedJwsSchema }, { additionalProperties: false });
const wireValidator = lazyValidator<SignedMessage>(wireSchema);
const envelopeValidator = lazyValidator<Envelope>(EnvelopeSchema);

const sameAddress = (a: GatewayAddress, b: GatewayAddress): boolean => a.country === b.country && a.gateway === b.gateway;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Decodes and checks a received message; see the module comment for the order of the checks. */
export function decodeMessage(bytes: Uint8Array, ctx: DecodeContext): DecodeResult {
  const digest = sha256Digest(bytes);
  let envelope: Envelope | undefined;
  const fail = (code: ProtocolCode, detail: string): DecodeResult => ({ ok: false, code, detail, digest, ...(envelope ? { envelope } : {}) });

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return fail('protocol.malformed', `not UTF-8 JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(parsed)) return fail('protocol.malformed', 'the message is not a JSON object');
  // The version is read before the shape: another version's envelope may legitimately look different.
  if (isObject(parsed['envelope']) && parsed['envelope']['v'] !== undefined && parsed['envelope']['v'] !== protocolVersion) {
    return fail('protocol.unsupported-version', `protocol version ${JSON.stringify(parsed['envelope']['v'])} is not supported (supported: ${protocolVersion})`);
  }
  const validEnvelope = envelopeValidator();
  if (validEnvelope(parsed['envelope'])) envelope = parsed['envelope'];
  const validWire = wireValidator();
  if (!validWire(parsed)) return fail('protocol.malformed', joinProblems(ajvProblems(validWire.errors)));
  const message = parsed;
  envelope = message.envelope;

  if (!ctx.supportedDatasetVersions.includes(envelope.datasetVersion)) {
    return fail('protocol.unsupported-version', `dataset version ${envelope.datasetVersion} is not supported (supported: ${ctx.supportedDatasetVersions.join(', ')})`);
  }
  if (!sameAddress(envelope.receiver, ctx.self)) {
    return fail('protocol.wrong-receiver', `addressed to ${envelope.receiver.country}/${envelope.receiver.gateway}, this gateway is ${ctx.self.country}/${ctx.self.gateway}`);
  }
  const keys = ctx.keysOf(envelope.sender);
  if (!keys) return fail('protocol.unknown-sender', `${envelope.sender.country}/${envelope.sender.gateway} is not a partner`);

  const verified = verifyEnvelopeSignature(envelope, message.signature, keys, { allowedAlgorithms: ctx.allowedAlgorithms, at: ctx.now });
  if (!verified.ok) return fail(verified.code, verified.detail);

  let actual: string;
  let canonicalPayload: string;
  try {
    canonicalPayload = canonicalJson(message.payload);
    actual = sha256Digest(Buffer.from(canonicalPayload, 'utf8'));
  } catch (e) {
    return fail('protocol.malformed', `the payload cannot be canonicalised: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (actual !== envelope.payloadDigest) return fail('protocol.digest-mismatch', `the payload digest is ${actual}, the envelope says ${envelope.payloadDigest}`);

  const createdAt = Date.parse(envelope.createdAt);
  // RFC 3339 allows what Date cannot read (a leap second); NaN would slip through both comparisons.
  if (Number.isNaN(createdAt)) return fail('protocol.malformed', `createdAt ${envelope.createdAt} is not a usable time`);
  if (ctx.now - createdAt > ctx.maxAgeMs) return fail('protocol.too-old', `created at ${envelope.createdAt}, more than ${ctx.maxAgeMs} ms ago`);
  if (createdAt - ctx.now > ctx.maxFutureSkewMs) return fail('protocol.from-future', `created at ${envelope.createdAt}, more than ${ctx.maxFutureSkewMs} ms ahead of ${new Date(ctx.now).toISOString()}`);

  const payload = checkPayload(envelope.kind, message.payload);
  if (!payload.ok) return fail('protocol.payload-invalid', `${envelope.kind} payload: ${joinProblems(payload.problems)}`);
  if (ctx.expectKind !== undefined && envelope.kind !== ctx.expectKind) return fail('protocol.unexpected-kind', `expected ${ctx.expectKind}, got ${envelope.kind}`);

  return { ok: true, message, digest, kid: verified.kid, canonicalPayload };
}
