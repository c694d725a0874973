/**
 * Building messages: the envelope (fresh id, creation time, payload digest), its signature, and the
 * bytes on the wire. Also the payload check of each kind, shared by the decoder and by senders that
 * want to refuse to send what the partner would reject.
 */
import { randomUUID } from 'node:crypto';
import { payloadDigest, sha256Digest } from './digest.js';
import { protocolVersion, type Envelope, type GatewayAddress, type SignedMessage } from './envelope.js';
import { signEnvelope } from './jws.js';
import type { MessageKind } from './message-kinds.js';
import { payloadSchemas, type PayloadOf } from './payloads.js';
import type { Signer } from './signing-keys.js';
import { ajvProblems, lazyValidator } from './validators.js';

export interface CreateMessageInput<K extends MessageKind> {
  readonly kind: K;
  readonly sender: GatewayAddress;
  readonly receiver: GatewayAddress;
  readonly agreement: string;
  readonly datasetVersion: string;
  readonly payload: PayloadOf<K>;
  /** The earlier message this one is about. */
  readonly refersTo?: string;
  /** Defaults to a fresh random UUID. */
  readonly id?: string;
  /** Creation time, epoch ms (the caller's clock, so tests can fix it). */
  readonly now: number;
  /**
   * The RFC 8785 canonical JSON of `payload`, when the caller already has it (it is hashed as
   * given, not recomputed): saves canonicalising a large certificate twice.
   */
  readonly canonicalPayload?: string;
}

/** Builds and signs a message. Throws a TypeError only for a payload JSON cannot represent. */
export function createMessage<K extends MessageKind>(input: CreateMessageInput<K>, signer: Signer): SignedMessage<PayloadOf<K>> {
  const envelope: Envelope = {
    v: protocolVersion,
    id: input.id ?? randomUUID(),
    kind: input.kind,
    sender: { country: input.sender.country, gateway: input.sender.gateway },
    receiver: { country: input.receiver.country, gateway: input.receiver.gateway },
    agreement: input.agreement,
    datasetVersion: input.datasetVersion,
    createdAt: new Date(input.now).toISOString(),
    ...(input.refersTo === undefined ? {} : { refersTo: input.refersTo }),
    payloadDigest: input.canonicalPayload === undefined ? payloadDigest(input.payload) : sha256Digest(Buffer.from(input.canonicalPayload, 'utf8')),
  };
  return { envelope, payload: input.payload, signature: signEnvelope(envelope, signer) };
}

/** The bytes on the wire: `{ envelope, payload, signature }` as UTF-8 JSON. Receipts digest exactly these. */
export function encodeMessage(message: SignedMessage): Buffer {
  const { envelope, payload, signature } = message;
  return Buffer.from(JSON.stringify({ envelope, payload, signature }), 'utf8');
}

const payloadValidators = Object.fromEntries(
  Object.entries(payloadSchemas).map(([kind, schema]) => [kind, lazyValidator(schema)]),
) as Record<MessageKind, ReturnType<typeof lazyValidator>>;

export type PayloadCheck<K extends MessageKind> = { readonly ok: true; readonly payload: PayloadOf<K> } | { readonly ok: false; readonly problems: readonly string[] };

/** Checks a payload against the schema of its kind; problems are `pointer: message` (pointers into the payload). */
export function checkPayload<K extends MessageKind>(kind: K, payload: unknown): PayloadCheck<K> {
  const validate = payloadValidators[kind]();
  return validate(payload) ? { ok: true, payload: payload as PayloadOf<K> } : { ok: false, problems: ajvProblems(validate.errors) };
}

/** Narrows a decoded message (whose payload was checked against its kind) to one kind. */
export function isMessageOfKind<K extends MessageKind>(message: SignedMessage, kind: K): message is SignedMessage<PayloadOf<K>> {
  return message.envelope.kind === kind;
}
