/**
 * The envelope: routing and evidence metadata kept separate from the payload (as the IPPC ePhyto hub
 * does). It is what the sender signs; it binds the payload through `payloadDigest`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { messageKinds } from './message-kinds.js';

/** The protocol version this build speaks. */
export const protocolVersion = 1;

export const GatewayAddressSchema = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country of the administration' }),
    gateway: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Gateway identifier within the country' }),
  },
  { additionalProperties: false },
);
export type GatewayAddress = Static<typeof GatewayAddressSchema>;

/**
 * A message id: a UUID in its one lower-case hyphenated spelling (crypto.randomUUID's). The `uuid`
 * format alone would also admit upper case and a `urn:uuid:` prefix, i.e. several spellings of one
 * deduplication key.
 */
export const messageIdPattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
export const MessageIdSchema = Type.String({ format: 'uuid', pattern: messageIdPattern });

export const EnvelopeSchema = Type.Object(
  {
    v: Type.Literal(protocolVersion),
    id: Type.String({ format: 'uuid', pattern: messageIdPattern, description: 'Message id (UUID), unique per sender; the deduplication key with the sender' }),
    kind: Type.Union(messageKinds.map((k) => Type.Literal(k))),
    sender: GatewayAddressSchema,
    receiver: GatewayAddressSchema,
    agreement: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', description: 'Agreement code (header.agreementCode)' }),
    datasetVersion: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    createdAt: Type.String({ format: 'date-time', description: 'When the sender created the message (UTC, RFC 3339)' }),
    refersTo: Type.Optional(Type.String({ format: 'uuid', pattern: messageIdPattern, description: 'The earlier message this one is about (a receipt names the message it acknowledges)' })),
    payloadDigest: Type.String({ pattern: '^sha-256:[A-Za-z0-9_-]{43}$', description: 'SHA-256 of the RFC 8785 canonical payload, base64url' }),
  },
  { additionalProperties: false },
);
export type Envelope = Static<typeof EnvelopeSchema>;

/** A flattened JWS (RFC 7515 §7.2.2) with the payload detached: the signed payload is the canonical envelope. */
export const DetachedJwsSchema = Type.Object(
  {
    protected: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
    signature: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
  },
  { additionalProperties: false },
);
export type DetachedJws = Static<typeof DetachedJwsSchema>;

/** A message on the wire: `{ envelope, payload, signature }` as one JSON object. */
export interface SignedMessage<P = unknown> {
  readonly envelope: Envelope;
  readonly payload: P;
  readonly signature: DetachedJws;
}
