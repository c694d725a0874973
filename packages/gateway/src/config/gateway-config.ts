/** The resolved gateway configuration createGateway receives: durations in ms, files loaded. */
import type { Profile } from '@originlink/dataset';
import type { GatewayAddress, PrivateJwk } from '@originlink/protocol';
import type { Role } from './config-schema.js';

export interface TokenConfig {
  readonly name: string;
  readonly sha256: string;
  readonly roles: readonly Role[];
}

export interface TlsConfig {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
  readonly requireClientCert: boolean;
}

export interface GatewayConfig {
  readonly self: GatewayAddress;
  readonly name: string;
  readonly publicUrl: string;
  readonly listen: { readonly host: string; readonly port: number };
  readonly database: string;
  /** Private signing keys; the first signs, all are published. */
  readonly signingKeys: readonly PrivateJwk[];
  readonly profiles: readonly Profile[];
  readonly tokens: readonly TokenConfig[];
  readonly tls: TlsConfig | undefined;
  readonly allowInsecureHttp: boolean;
  readonly delivery: {
    readonly retryHorizonMs: number;
    readonly initialBackoffMs: number;
    readonly maxBackoffMs: number;
    readonly concurrency: number;
    readonly connections: number;
    readonly requestTimeoutMs: number;
    readonly leaseMs: number;
  };
  readonly inbound: {
    readonly maxMessageAgeMs: number;
    readonly maxFutureSkewMs: number;
    readonly dedupRetentionMs: number;
    readonly maxBodyBytes: number;
    readonly rejectionLogSize: number;
  };
  readonly audit: { readonly sealIntervalMs: number; readonly batchSize: number };
  readonly logLevel: string;
}
