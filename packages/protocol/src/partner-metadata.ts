/**
 * The partner metadata a gateway publishes at `/.well-known/originlink.json`: who it is, where to send
 * messages, what it speaks, and its public signing keys as a JWKS (with JWT-style `nbf`/`exp` in
 * seconds). A partner reads it once, an operator confirms the key fingerprints out of band, and the
 * keys are then pinned; nothing is fetched again at verification time.
 */
import { Type, type Static } from '@sinclair/typebox';
import { GatewayAddressSchema, protocolVersion } from './envelope.js';
import { publicJwk, type PinnedKey, type PublicJwk } from './jwk.js';
import { publicKeyObject } from './signing-keys.js';
import { ajvProblems, lazyValidator } from './validators.js';

const Base64url32 = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: '32 bytes, base64url' });
const Kid = Type.String({ minLength: 1, maxLength: 128 });
const Seconds = Type.Integer({ minimum: 0, description: 'Epoch seconds (JWT NumericDate)' });
const window = { nbf: Type.Optional(Seconds), exp: Type.Optional(Seconds) };

export const PublishedJwkSchema = Type.Union([
  Type.Object({ kty: Type.Literal('EC'), crv: Type.Literal('P-256'), x: Base64url32, y: Base64url32, kid: Kid, alg: Type.Literal('ES256'), use: Type.Literal('sig'), ...window }, { additionalProperties: false }),
  Type.Object({ kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Base64url32, kid: Kid, alg: Type.Literal('EdDSA'), use: Type.Literal('sig'), ...window }, { additionalProperties: false }),
]);
/** A public JWK as published, with its validity window in epoch seconds. */
export type PublishedJwk = Static<typeof PublishedJwkSchema>;

const Url = Type.String({ format: 'uri', pattern: '^https?://' });

/** Unknown top-level members are allowed (a later version may add some); keys allow none. */
export const PartnerMetadataSchema = Type.Object({
  protocolVersions: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 }),
  country: GatewayAddressSchema.properties.country,
  gatewayId: GatewayAddressSchema.properties.gateway,
  name: Type.String({ minLength: 1, maxLength: 256 }),
  endpoints: Type.Object({ messages: Url, pull: Type.Optional(Url), exporters: Type.Optional(Url) }),
  datasetVersions: Type.Array(Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }), { minItems: 1 }),
  agreements: Type.Array(Type.Object({ code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$' }), profiles: Type.Array(Type.String({ minLength: 1 })) }, { additionalProperties: false })),
  keys: Type.Object({ keys: Type.Array(PublishedJwkSchema, { minItems: 1 }) }, { additionalProperties: false }),
});
export type PartnerMetadata = Static<typeof PartnerMetadataSchema>;

export type MetadataInput = Omit<PartnerMetadata, 'protocolVersions' | 'keys'> & {
  /** This gateway's signing keys (public halves are taken; private members never leave). */
  readonly keys: readonly PinnedKey[];
};

/** The published form of a key; the window is rounded inwards to whole seconds. */
function publishedJwk(key: PinnedKey): PublishedJwk {
  return {
    ...publicJwk(key.jwk),
    ...(key.notBefore === undefined ? {} : { nbf: Math.ceil(key.notBefore / 1000) }),
    ...(key.notAfter === undefined ? {} : { exp: Math.floor(key.notAfter / 1000) }),
  };
}

/** Builds this gateway's metadata document. */
export function buildMetadata(input: MetadataInput): PartnerMetadata {
  return { ...input, protocolVersions: [protocolVersion], keys: { keys: input.keys.map(publishedJwk) } };
}

export type MetadataResult =
  | { readonly ok: true; readonly metadata: PartnerMetadata; readonly pinnedKeys: PinnedKey[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** JWK members that carry private key material (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function privateKeyProblems(value: unknown): string[] {
  const keys: unknown = (value as { keys?: { keys?: unknown } } | null)?.keys?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((jwk: unknown, i) =>
    typeof jwk === 'object' && jwk !== null
      ? privateMembers.filter((m) => Object.hasOwn(jwk, m)).map((m) => `/keys/keys/${i}/${m}: private key material must never be published; replace this key`)
      : [],
  );
}

const metadataValidator = lazyValidator<PartnerMetadata>(PartnerMetadataSchema);

/** Reads a partner's metadata document and the keys to pin from it. Problems are `pointer: message`. */
export function parseMetadata(value: unknown): MetadataResult {
  // Before the schema, for a clear message: a published private key is compromised, not just malformed.
  const leaked = privateKeyProblems(value);
  if (leaked.length > 0) return { ok: false, problems: leaked };
  const validate = metadataValidator();
  if (!validate(value)) return { ok: false, problems: ajvProblems(validate.errors) };
  const problems: string[] = [];
  if (!value.protocolVersions.includes(protocolVersion)) problems.push(`/protocolVersions: none of ${value.protocolVersions.join(', ')} is protocol version ${protocolVersion}`);
  const seen = new Set<string>();
  const pinnedKeys = value.keys.keys.map((jwk, i): PinnedKey => {
    if (seen.has(jwk.kid)) problems.push(`/keys/keys/${i}/kid: kid ${jwk.kid} is used by an earlier key`);
    seen.add(jwk.kid);
    if (jwk.nbf !== undefined && jwk.exp !== undefined && jwk.exp <= jwk.nbf) problems.push(`/keys/keys/${i}/exp: exp ${jwk.exp} is not after nbf ${jwk.nbf}`);
    const pub: PublicJwk = publicJwk(jwk);
    try {
      publicKeyObject(pub);
    } catch (e) {
      problems.push(`/keys/keys/${i}: not a usable ${jwk.crv} public key (${e instanceof Error ? e.message : String(e)})`);
    }
    return {
      kid: jwk.kid,
      alg: jwk.alg,
      jwk: pub,
      ...(jwk.nbf === undefined ? {} : { notBefore: jwk.nbf * 1000 }),
      ...(jwk.exp === undefined ? {} : { notAfter: jwk.exp * 1000 }),
    };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, metadata: value, pinnedKeys };
}
