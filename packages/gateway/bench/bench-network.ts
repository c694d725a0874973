/**
 * The two gateways of the push benchmark, China (sender) and Korea (receiver), under ChKFTA: keys,
 * tokens and configuration files in a folder, durable SQLite files (WAL, synchronous=FULL) or
 * PostgreSQL schemas, each gateway its own process on a free loopback port (a sender may run as
 * several instances on one database), pinned to the other through the admin API.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateSigningKey, type PrivateJwk } from '@originlink/protocol';
import { stringify } from 'yaml';
import { hashToken } from '../src/index.js';
import { startChild, type BenchChild } from './child-process.js';

export interface BenchGateway {
  readonly country: string;
  readonly gatewayId: string;
  readonly url: string;
  readonly configPath: string;
  readonly signingKey: PrivateJwk;
  readonly tokens: { readonly issuer: string; readonly admin: string };
  process: BenchChild | undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host: '127.0.0.1', port: 0 }, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Writes the configuration of one gateway under `root`; `config` keys override the defaults. */
export async function writeGateway(root: string, country: string, config: Readonly<Record<string, unknown>> = {}): Promise<BenchGateway> {
  const dir = join(root, country.toLowerCase());
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const gatewayId = `${country.toLowerCase()}-gw-1`;
  const signingKey = generateSigningKey('ES256');
  await writeFile(join(dir, 'signing.jwk.json'), JSON.stringify(signingKey), { mode: 0o600 });
  const tokens = { issuer: `bench-${country.toLowerCase()}-issuer`, admin: `bench-${country.toLowerCase()}-admin` };
  const url = `http://127.0.0.1:${port}`;
  const file = {
    country,
    gatewayId,
    name: `${country} gateway (benchmark)`,
    publicUrl: url,
    listen: { host: '127.0.0.1', port },
    database: 'sqlite:./gateway.sqlite',
    signingKeys: ['./signing.jwk.json'],
    agreements: ['chkfta-certificate'],
    tokens: (['issuer', 'admin'] as const).map((role) => ({ name: `bench-${role}`, sha256: hashToken(tokens[role]), roles: [role] })),
    logLevel: 'warn',
    ...config,
  };
  const configPath = join(dir, 'gateway.yaml');
  await writeFile(configPath, stringify(file));
  return { country, gatewayId, url, configPath, signingKey, tokens, process: undefined };
}

/** DATABASE_URL would override the configuration's database: each benchmark gateway uses its own file or schema. */
const ownDatabase = { DATABASE_URL: '' };

/** Starts the gateway's process; with `profilePath`, SIGUSR2 starts its CPU profiler and SIGTERM writes the profile there. */
export async function startGateway(g: BenchGateway, profilePath?: string): Promise<void> {
  g.process = await startChild(g.country, 'serve-gateway.ts', [g.configPath, ...(profilePath ? [profilePath] : [])], { env: ownDatabase });
}

/**
 * Starts another instance of `g`: a process with the same configuration and database on its own
 * port (ORIGINLINK_PORT, ORIGINLINK_PUBLIC_URL), as behind a load balancer. PostgreSQL only.
 */
export async function startInstance(g: BenchGateway, name: string): Promise<BenchGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const instance: BenchGateway = { ...g, url, process: undefined };
  instance.process = await startChild(name, 'serve-gateway.ts', [g.configPath], { env: { ...ownDatabase, ORIGINLINK_PORT: String(port), ORIGINLINK_PUBLIC_URL: url } });
  return instance;
}

export async function adminCall<T>(g: BenchGateway, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, g.url), {
    method,
    headers: { authorization: `Bearer ${g.tokens.admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} at ${g.country}: HTTP ${res.status} ${text.slice(0, 1000)}`);
  return JSON.parse(text) as T;
}

/** `a` pins `b` the way an operator does: preview the metadata, then confirm the thumbprints. */
export async function pin(a: BenchGateway, b: BenchGateway): Promise<void> {
  const preview = await adminCall<{ keys: { thumbprint: string }[] }>(a, 'POST', '/api/v1/partners/preview', { url: b.url });
  await adminCall(a, 'POST', '/api/v1/partners', { url: b.url, thumbprints: preview.keys.map((k) => k.thumbprint) });
}
