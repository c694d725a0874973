/**
 * Test support: a network of real gateways in one process. Each node has its own temp SQLite file,
 * signing key, API tokens (one per role) and GatewayConfig built in code; nodes listen on reserved
 * loopback ports (real sockets) and are pinned to each other by writing the partner rows directly.
 * The clock runs at real speed but starts on a fixed day, so the corpus samples stay valid whatever
 * the date the tests run on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProfile, type Profile } from '@originlink/dataset';
import { createSigner, generateSigningKey, jwkThumbprint, publicJwk, type GatewayAddress, type PrivateJwk, type Signer } from '@originlink/protocol';
import { openStore, type Store } from '@originlink/store';
import { pino } from 'pino';
import type { GatewayConfig } from '../config/gateway-config.js';
import { createGateway, type Gateway, type GatewayDeps } from '../create-gateway.js';
import { hashToken } from '../auth/token-auth.js';

/** The day the test clock starts on: after every corpus sample's issue date. */
export const testEpoch = Date.parse('2026-11-15T08:00:00.000Z');

/** A clock at real speed that starts at `start` (epoch ms). */
export function shiftedClock(start = testEpoch): () => number {
  const offset = Date.now() - start;
  return () => Date.now() - offset;
}

/** Per-test changes to a node's configuration: whole top-level values, or some delivery/inbound/audit settings. */
export type ConfigOverrides = Partial<Omit<GatewayConfig, 'delivery' | 'inbound' | 'audit'>> & {
  readonly delivery?: Partial<GatewayConfig['delivery']>;
  readonly inbound?: Partial<GatewayConfig['inbound']>;
  readonly audit?: Partial<GatewayConfig['audit']>;
};

export interface NodeSpec {
  readonly country: string;
  /** Built-in profile ids, or Profile objects (a modified profile, say). */
  readonly profiles: readonly (string | Profile)[];
  readonly overrides?: ConfigOverrides;
  readonly deps?: Partial<Omit<GatewayDeps, 'store'>>;
  /** Wrap the store given to the gateway (a counting wrapper, say). */
  readonly wrapStore?: (store: Store) => Store;
}

export interface TestNode {
  readonly country: string;
  readonly self: GatewayAddress;
  readonly config: GatewayConfig;
  readonly store: Store;
  readonly gateway: Gateway;
  readonly dbPath: string;
  /** http://127.0.0.1:<reserved port> (nothing listens there before listen()). */
  readonly url: string;
  readonly key: PrivateJwk;
  readonly signer: Signer;
  /** Bearer tokens by role. */
  readonly tokens: { readonly issuer: string; readonly customs: string; readonly admin: string };
  readonly clock: () => number;
  listen(): Promise<void>;
  /** listen() and start the workers (dispatcher, sealer). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A free loopback port (reserved by listening on port 0, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function profileOf(p: string | Profile): Profile {
  if (typeof p !== 'string') return p;
  const found = findProfile(p);
  if (!found) throw new Error(`no built-in profile ${p}`);
  return found;
}

/** The configuration of a test node: short backoffs, silent logs, loopback HTTP. */
export function testConfig(spec: NodeSpec, key: PrivateJwk, port: number, dbPath: string): GatewayConfig {
  const c = spec.country.toLowerCase();
  const { delivery, inbound, audit, ...o } = spec.overrides ?? {};
  return {
    self: { country: spec.country, gateway: `${c}-gw-1` },
    name: `${spec.country} test gateway`,
    publicUrl: `http://127.0.0.1:${port}`,
    listen: { host: '127.0.0.1', port },
    database: `sqlite:${dbPath}`,
    signingKeys: [key],
    profiles: spec.profiles.map(profileOf),
    tokens: (['issuer', 'customs', 'admin'] as const).map((role) => ({ name: `test-${role}`, sha256: hashToken(`${c}-${role}-token`), roles: [role] })),
    tls: undefined,
    allowInsecureHttp: false,
    logLevel: 'silent',
    ...o,
    delivery: { retryHorizonMs: 60_000, initialBackoffMs: 20, maxBackoffMs: 100, concurrency: 8, connections: 2, requestTimeoutMs: 5_000, leaseMs: 30_000, ...delivery },
    inbound: { maxMessageAgeMs: 3_600_000, maxFutureSkewMs: 300_000, dedupRetentionMs: 7_200_000, maxBodyBytes: 1_048_576, rejectionLogSize: 100, ...inbound },
    audit: { sealIntervalMs: 60_000, batchSize: 1000, ...audit },
  };
}

/** Creates one node in `dir` (store opened and migrated, gateway built, not listening). */
export async function createNode(spec: NodeSpec, dir: string, clock: () => number): Promise<TestNode> {
  const key = generateSigningKey('EdDSA');
  const port = await freePort();
  const dbPath = join(dir, `${spec.country.toLowerCase()}-${port}.sqlite`);
  const config = testConfig(spec, key, port, dbPath);
  const store = await openStore(config.database);
  const gateway = await createGateway({ logger: pino({ level: 'silent' }), clock, ...spec.deps, store: spec.wrapStore ? spec.wrapStore(store) : store }, config);
  const c = spec.country.toLowerCase();
  let listening = false;
  let started = false;
  let closed = false;
  const node: TestNode = {
    country: spec.country,
    self: config.self,
    config,
    store,
    gateway,
    dbPath,
    url: config.publicUrl,
    key,
    signer: createSigner(key),
    tokens: { issuer: `${c}-issuer-token`, customs: `${c}-customs-token`, admin: `${c}-admin-token` },
    clock,
    async listen() {
      if (listening) return;
      await gateway.app.listen({ host: '127.0.0.1', port });
      listening = true;
    },
    async start() {
      await node.listen();
      await gateway.start();
      started = true;
    },
    async close() {
      if (closed) return;
      closed = true;
      await gateway.app.close();
      if (started) await gateway.stop();
      await store.close();
    },
  };
  return node;
}

/** Pins `partner` at `node`: partner row (endpoint, agreements) and its public key. */
export async function pin(node: TestNode, partner: TestNode, agreements: readonly string[], endpoint = partner.url): Promise<void> {
  const now = node.clock();
  await node.store.partners.upsert({ country: partner.country, gatewayId: partner.self.gateway, name: partner.config.name, endpoint, agreements, addedAt: now, updatedAt: now });
  const pub = publicJwk(partner.key);
  await node.store.partners.putKey({ country: partner.country, gatewayId: partner.self.gateway, kid: partner.key.kid, alg: partner.key.alg, jwk: JSON.stringify(pub), thumbprint: jwkThumbprint(pub), notBefore: null, notAfter: null, addedAt: now });
  await node.gateway.context.partners.refresh(true);
}

export interface TestNetwork {
  readonly dir: string;
  readonly nodes: readonly TestNode[];
  node(country: string): TestNode;
  close(): Promise<void>;
}

/**
 * Builds a network: every node pinned to every other under the agreements both configure.
 * Nodes are not listening: call start() (or listen()) on those a test needs.
 */
export async function createNetwork(specs: readonly NodeSpec[], options: { clock?: () => number; pin?: boolean } = {}): Promise<TestNetwork> {
  const dir = await mkdtemp(join(tmpdir(), 'originlink-gw-test-'));
  const clock = options.clock ?? shiftedClock();
  const nodes: TestNode[] = [];
  for (const spec of specs) nodes.push(await createNode(spec, dir, clock));
  if (options.pin !== false) {
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const common = a.gateway.context.agreements.codes.filter((code) => b.gateway.context.agreements.codes.includes(code));
        if (common.length > 0) await pin(a, b, common);
      }
    }
  }
  return {
    dir,
    nodes,
    node(country) {
      const n = nodes.find((x) => x.country === country);
      if (!n) throw new Error(`no node ${country}`);
      return n;
    },
    async close() {
      for (const n of nodes) await n.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
