/**
 * The gateway configuration file: one validated object. Defaults and units are stated here; the
 * precedence is flag > environment > file > default (load-config.ts). Secrets are never stored in
 * clear: API tokens are kept as SHA-256 hashes, private keys in their own files.
 */
import { Type, type Static } from '@sinclair/typebox';

const Duration = (def: string, description: string) => Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d)$', default: def, description: `${description} (default ${def})` });

export const roles = ['issuer', 'customs', 'admin'] as const;
export type Role = (typeof roles)[number];

export const ConfigFileSchema = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code of this administration' }),
    gatewayId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Identifier of this gateway within the country' }),
    name: Type.String({ minLength: 1, description: 'Human-readable name, published in the partner metadata' }),
    publicUrl: Type.String({ pattern: '^https?://', description: 'Base URL partners use to reach this gateway (env ORIGINLINK_PUBLIC_URL)' }),
    listen: Type.Object(
      {
        host: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (env ORIGINLINK_HOST; default 127.0.0.1)' }),
        port: Type.Integer({ minimum: 0, maximum: 65535, default: 7100, description: 'TCP port (env ORIGINLINK_PORT; default 7100; 0 picks a free port)' }),
      },
      { additionalProperties: false, default: {} },
    ),
    database: Type.String({ minLength: 1, description: 'sqlite:<path> (default, embedded) or postgres://... (env DATABASE_URL)' }),
    signingKeys: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Files holding private JWKs; the first signs, all are published (rotation)' }),
    agreements: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Agreement profiles in use: built-in ids or profile file paths' }),
    tokens: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 (hex) of the bearer token; `originlink tokens hash` computes it' }),
          roles: Type.Array(Type.Union(roles.map((r) => Type.Literal(r))), { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { default: [] },
    ),
    tls: Type.Optional(
      Type.Object(
        {
          cert: Type.String({ description: 'PEM certificate of this gateway (server and client)' }),
          key: Type.String({ description: 'PEM private key' }),
          ca: Type.String({ description: 'PEM CA bundle trusted for partner certificates' }),
          requireClientCert: Type.Boolean({ default: true, description: 'Mutual TLS: refuse partner connections without a certificate from `ca`' }),
        },
        { additionalProperties: false },
      ),
    ),
    allowInsecureHttp: Type.Boolean({ default: false, description: 'Allow plain HTTP to and from non-loopback addresses (never in production)' }),
    delivery: Type.Object(
      {
        retryHorizon: Duration('7d', 'How long a message is retried before it is marked failed'),
        initialBackoff: Duration('1s', 'First retry delay; doubles per attempt, with full jitter'),
        maxBackoff: Duration('1h', 'Longest delay between attempts'),
        concurrency: Type.Integer({ minimum: 1, maximum: 256, default: 32, description: 'Messages in flight per partner (default 32)' }),
        connections: Type.Integer({ minimum: 1, maximum: 256, default: 32, description: 'Keep-alive connections per partner (default 32: one per message in flight, so the partner can commit them in groups)' }),
        requestTimeout: Duration('30s', 'Timeout of one delivery attempt'),
        lease: Duration('2m', 'How long a claimed outbox entry stays leased to this instance'),
      },
      { additionalProperties: false, default: {} },
    ),
    inbound: Type.Object(
      {
        maxMessageAge: Duration('8d', 'Older messages are refused as replays (must exceed delivery.retryHorizon)'),
        maxFutureSkew: Duration('5m', 'Tolerated clock skew of partners'),
        dedupRetention: Duration('30d', 'How long message ids are remembered (must exceed inbound.maxMessageAge)'),
        maxBodyBytes: Type.Integer({ minimum: 1024, default: 8_388_608, description: 'Largest accepted message, bytes (default 8 MiB)' }),
        rejectionLogSize: Type.Integer({ minimum: 100, default: 10_000, description: 'Rows kept in the rejection log (default 10000)' }),
      },
      { additionalProperties: false, default: {} },
    ),
    audit: Type.Object(
      {
        sealInterval: Duration('2s', 'How often the audit sealer runs'),
        batchSize: Type.Integer({ minimum: 1, default: 5000, description: 'Most rows per seal (default 5000)' }),
      },
      { additionalProperties: false, default: {} },
    ),
    logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info', description: 'env ORIGINLINK_LOG_LEVEL' }),
  },
  { additionalProperties: false },
);

export type ConfigFile = Static<typeof ConfigFileSchema>;
