/**
 * Loads the gateway configuration: the YAML file, then environment variables, then flags
 * (precedence flag > env > file > default), validates it and loads the files it names (keys,
 * profiles, TLS material) relative to the config file. Problems are returned as data.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { findProfile, parseProfile, type Profile } from '@originlink/dataset';
import { parsePrivateJwk, type PrivateJwk } from '@originlink/protocol';
import { parse as parseYaml } from 'yaml';
import { ConfigFileSchema, type ConfigFile } from './config-schema.js';
import { parseDuration } from './duration.js';
import type { GatewayConfig } from './gateway-config.js';

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}
export type ConfigResult = { readonly ok: true; readonly config: GatewayConfig } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Overrides from flags (highest precedence). */
export interface ConfigOverrides {
  readonly port?: number;
  readonly host?: string;
  readonly database?: string;
  readonly publicUrl?: string;
  readonly logLevel?: string;
}

/** The environment variables the gateway reads, for --help texts. */
export const configEnv = {
  DATABASE_URL: 'database URL (sqlite:<path> or postgres://...), overrides `database`',
  ORIGINLINK_HOST: 'listen interface, overrides `listen.host`',
  ORIGINLINK_PORT: 'listen port, overrides `listen.port`',
  ORIGINLINK_PUBLIC_URL: 'base URL partners use, overrides `publicUrl`',
  ORIGINLINK_LOG_LEVEL: 'log level, overrides `logLevel`',
} as const;

const validateFile = new Ajv({ allErrors: true, useDefaults: true, strict: false }).compile<ConfigFile>(ConfigFileSchema);

function applyOverrides(raw: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>, flags: ConfigOverrides): void {
  const listen = (raw['listen'] ??= {}) as Record<string, unknown>;
  const set = (target: Record<string, unknown>, key: string, ...values: (string | number | undefined)[]) => {
    const v = values.find((x) => x !== undefined && x !== '');
    if (v !== undefined) target[key] = v;
  };
  set(raw, 'database', flags.database, env['DATABASE_URL']);
  set(listen, 'host', flags.host, env['ORIGINLINK_HOST']);
  // A port that is not all digits stays a string, so the schema reports it at /listen/port.
  const port = env['ORIGINLINK_PORT']?.trim();
  set(listen, 'port', flags.port, port === undefined || port === '' ? undefined : /^\d+$/.test(port) ? Number(port) : port);
  set(raw, 'publicUrl', flags.publicUrl, env['ORIGINLINK_PUBLIC_URL']);
  set(raw, 'logLevel', flags.logLevel, env['ORIGINLINK_LOG_LEVEL']);
}

async function loadProfiles(ids: readonly string[], base: string, problems: ConfigProblem[]): Promise<Profile[]> {
  const out: Profile[] = [];
  for (const [i, id] of ids.entries()) {
    const builtin = findProfile(id);
    if (builtin) {
      out.push(builtin);
      continue;
    }
    try {
      const parsed = parseProfile(await readFile(resolve(base, id), 'utf8'));
      if (parsed.ok) out.push(parsed.profile);
      else problems.push(...parsed.problems.map((p) => ({ path: `/agreements/${i}${p.path}`, message: `${id}: ${p.message}` })));
    } catch (err) {
      problems.push({ path: `/agreements/${i}`, message: `${id} is neither a built-in profile nor a readable file (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    }
  }
  return out;
}

async function readText(path: string, base: string, at: string, problems: ConfigProblem[]): Promise<string> {
  try {
    return await readFile(isAbsolute(path) ? path : resolve(base, path), 'utf8');
  } catch (err) {
    problems.push({ path: at, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return '';
  }
}

/** Resolves a validated file object into a GatewayConfig (reads keys, profiles and TLS files). */
export async function resolveConfig(file: ConfigFile, base: string): Promise<ConfigResult> {
  const problems: ConfigProblem[] = [];
  const ms = (path: string, value: string): number => {
    const v = parseDuration(value);
    if (v === undefined) problems.push({ path, message: `not a duration: ${value}` });
    return v ?? 0;
  };
  const signingKeys: PrivateJwk[] = [];
  for (const [i, path] of file.signingKeys.entries()) {
    const text = await readText(path, base, `/signingKeys/${i}`, problems);
    if (!text) continue;
    const parsed = parsePrivateJwk(text);
    if (parsed.ok) signingKeys.push(parsed.jwk);
    else problems.push({ path: `/signingKeys/${i}`, message: `${path}: ${parsed.problem}` });
  }
  const profiles = await loadProfiles(file.agreements, base, problems);
  const tls = file.tls
    ? { cert: await readText(file.tls.cert, base, '/tls/cert', problems), key: await readText(file.tls.key, base, '/tls/key', problems), ca: await readText(file.tls.ca, base, '/tls/ca', problems), requireClientCert: file.tls.requireClientCert }
    : undefined;
  const database = file.database.startsWith('sqlite:') && !file.database.startsWith('sqlite::memory:') ? `sqlite:${resolve(base, file.database.slice('sqlite:'.length))}` : file.database;
  const config: GatewayConfig = {
    self: { country: file.country, gateway: file.gatewayId },
    name: file.name,
    publicUrl: file.publicUrl.replace(/\/+$/, ''),
    listen: { host: file.listen.host, port: file.listen.port },
    database,
    signingKeys,
    profiles,
    tokens: file.tokens,
    tls,
    allowInsecureHttp: file.allowInsecureHttp,
    delivery: {
      retryHorizonMs: ms('/delivery/retryHorizon', file.delivery.retryHorizon),
      initialBackoffMs: ms('/delivery/initialBackoff', file.delivery.initialBackoff),
      maxBackoffMs: ms('/delivery/maxBackoff', file.delivery.maxBackoff),
      concurrency: file.delivery.concurrency,
      connections: file.delivery.connections,
      requestTimeoutMs: ms('/delivery/requestTimeout', file.delivery.requestTimeout),
      leaseMs: ms('/delivery/lease', file.delivery.lease),
    },
    inbound: {
      maxMessageAgeMs: ms('/inbound/maxMessageAge', file.inbound.maxMessageAge),
      maxFutureSkewMs: ms('/inbound/maxFutureSkew', file.inbound.maxFutureSkew),
      dedupRetentionMs: ms('/inbound/dedupRetention', file.inbound.dedupRetention),
      maxBodyBytes: file.inbound.maxBodyBytes,
      rejectionLogSize: file.inbound.rejectionLogSize,
    },
    audit: { sealIntervalMs: ms('/audit/sealInterval', file.audit.sealInterval), batchSize: file.audit.batchSize },
    logLevel: file.logLevel,
  };
  // Replays older than the dedup window would be accepted again: the windows must nest.
  if (config.inbound.maxMessageAgeMs <= config.delivery.retryHorizonMs) problems.push({ path: '/inbound/maxMessageAge', message: 'must be longer than delivery.retryHorizon, or late retries would be refused as too old' });
  if (config.inbound.dedupRetentionMs <= config.inbound.maxMessageAgeMs) problems.push({ path: '/inbound/dedupRetention', message: 'must be longer than inbound.maxMessageAge, or a replay could be accepted twice' });
  if (config.delivery.maxBackoffMs < config.delivery.initialBackoffMs) problems.push({ path: '/delivery/maxBackoff', message: 'must not be shorter than delivery.initialBackoff' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** A schema violation as a problem; an unknown key is pointed at itself, not at its parent. */
function fileProblem(e: NonNullable<typeof validateFile.errors>[number]): ConfigProblem {
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty?: string }).additionalProperty);
    return { path: `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `unknown key ${JSON.stringify(key)}` };
  }
  return { path: e.instancePath, message: e.message ?? 'invalid' };
}

/** Loads and resolves a configuration file with environment and flag overrides. */
export async function loadConfig(path: string, env: Readonly<Record<string, string | undefined>>, flags: ConfigOverrides = {}): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `${path} is not valid YAML: ${(err as Error).message}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: [{ path: '', message: `${path} must contain a mapping (key: value lines)` }] };
  applyOverrides(raw as Record<string, unknown>, env, flags);
  if (!validateFile(raw)) return { ok: false, problems: (validateFile.errors ?? []).map(fileProblem) };
  return resolveConfig(raw, dirname(resolve(path)));
}

/** The configuration as text with secrets redacted, for `serve --print-config` and logs. */
export function redactConfig(config: GatewayConfig): Record<string, unknown> {
  return {
    ...config,
    signingKeys: config.signingKeys.map((k) => ({ kid: k.kid, alg: k.alg, d: '<redacted>' })),
    tokens: config.tokens.map((t) => ({ name: t.name, roles: t.roles, sha256: '<redacted>' })),
    tls: config.tls ? { ...config.tls, key: '<redacted>' } : undefined,
    profiles: config.profiles.map((p) => p.id),
    database: config.database.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:<redacted>@'),
  };
}
