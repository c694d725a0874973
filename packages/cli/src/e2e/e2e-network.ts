/**
 * A network of gateways for the end-to-end tests: each gateway a separate `originlink serve`
 * process with its own folder, signing key, configuration and SQLite file (or PostgreSQL schema)
 * in a temporary directory, on a free loopback port (HTTP, or HTTPS with mutual TLS). Gateways can
 * be stopped (SIGTERM drain), killed and restarted on the same configuration and database, and
 * run as several instances (processes on their own ports sharing the configuration and database).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoNetwork, type DemoGateway } from '../demo/demo-setup.js';
import { startGatewayProcess, type GatewayProcess } from '../demo/gateway-process.js';
import { freePorts } from './free-port.js';
import { call, callOk, type CallOptions, type CallResult, type ClientTls } from './http-call.js';

export type Role = 'issuer' | 'customs' | 'admin';

export interface TestGateway {
  readonly country: string;
  readonly gatewayId: string;
  /** Base URL (https:// when the network uses TLS). */
  readonly url: string;
  readonly dir: string;
  readonly configPath: string;
  /** The gateway's SQLite file (unused when it runs on PostgreSQL). */
  readonly databasePath: string;
  /** The database URL of its configuration (sqlite:<file> or postgres://...?schema=...). */
  readonly databaseUrl: string;
  /** TLS material a test client trusts (only the CA: the national API needs no client certificate). */
  readonly clientTls: ClientTls | undefined;
  readonly running: boolean;
  /** The current process's id (undefined while stopped). */
  readonly pid: number | undefined;
  start(): Promise<void>;
  /** SIGTERM (graceful drain); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash). */
  kill(): Promise<void>;
  /** Everything the current (or last) process wrote. */
  output(): string;
  /** The national API with the demo token of `role`; fails unless 2xx. */
  api<T>(role: Role, path: string, body?: unknown): Promise<T>;
  /** The national API without the 2xx check. */
  apiCall(role: Role, path: string, options?: CallOptions): Promise<CallResult>;
}

export interface NetworkOptions {
  readonly countries: readonly string[];
  readonly agreements?: readonly string[];
  /** The database URL of a country's gateway (undefined, or no function: a SQLite file in its folder). */
  readonly database?: (country: string) => string | undefined;
  /** Configuration keys merged into every gateway's file (e.g. `delivery`, `inbound`). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** HTTPS (with mutual TLS if the config block says so); paths in `config` are relative to each gateway's folder. */
  readonly tls?: {
    readonly config: Readonly<Record<string, unknown>>;
    /** Writes the gateway's PEM files into its folder before it starts. */
    writeFiles(gateway: DemoGateway): Promise<void>;
    /** The CA a test client trusts to reach the gateways. */
    readonly clientCa: string;
  };
}

export interface TestNetwork {
  readonly root: string;
  readonly gateways: Readonly<Record<string, TestGateway>>;
  gateway(country: string): TestGateway;
  /**
   * Starts another instance of a country's gateway: a process with the same configuration and
   * database on a port of its own (ORIGINLINK_PORT, ORIGINLINK_PUBLIC_URL), as behind a load
   * balancer. Only meaningful on PostgreSQL (SQLite serves one instance). Closed with the network.
   */
  addInstance(country: string): Promise<TestGateway>;
  /** Every pair pins the other (POST /api/v1/partners/preview, then /api/v1/partners with the thumbprints). */
  pinAll(): Promise<void>;
  /** Stops every running gateway and removes the folder. */
  close(): Promise<void>;
}

export async function startNetwork(options: NetworkOptions): Promise<TestNetwork> {
  const root = await mkdtemp(join(tmpdir(), 'originlink-e2e-'));
  const ports = await freePorts(options.countries.length);
  const agreements = options.agreements ?? ['chkfta-certificate'];
  const specs = options.countries.map((country, i) => ({ country, name: `${country} gateway (e2e)`, port: ports[i]!, agreements }));
  const database = options.database;
  const written = await writeDemoNetwork(root, specs, { ...options.config, ...(options.tls ? { tls: options.tls.config } : {}) }, database && ((spec) => database(spec.country) ?? 'sqlite:./gateway.sqlite'));
  const gateways: Record<string, TestGateway> = {};
  const instances: TestGateway[] = [];
  const clientTls = options.tls ? { ca: options.tls.clientCa } : undefined;
  for (const g of written) {
    await options.tls?.writeFiles(g);
    gateways[g.country] = testGateway(g, clientTls, database?.(g.country));
  }
  const network: TestNetwork = {
    root,
    gateways,
    gateway(country) {
      const g = gateways[country];
      if (!g) throw new Error(`no gateway ${country} in this network`);
      return g;
    },
    async addInstance(country) {
      const g = written.find((w) => w.country === country);
      if (!g) throw new Error(`no gateway ${country} in this network`);
      const [port] = await freePorts(1);
      const instance = testGateway({ ...g, port: port!, url: `http://127.0.0.1:${port!}` }, clientTls, database?.(country), true);
      instances.push(instance);
      await instance.start();
      return instance;
    },
    async pinAll() {
      for (const g of Object.values(gateways)) {
        for (const p of Object.values(gateways)) {
          if (p === g) continue;
          const preview = await g.api<{ keys: { thumbprint: string }[] }>('admin', '/api/v1/partners/preview', { url: p.url });
          await g.api('admin', '/api/v1/partners', { url: p.url, thumbprints: preview.keys.map((k) => k.thumbprint) });
        }
      }
    },
    async close() {
      await Promise.all([...Object.values(gateways), ...instances].map((g) => g.stop()));
      if (!process.env['ORIGINLINK_E2E_KEEP']) await rm(root, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(Object.values(gateways).map((g) => g.start()));
  } catch (err) {
    await network.close();
    throw err;
  }
  return network;
}

/** `databaseUrl` overrides the configuration's SQLite file; `ownPort` passes the port and URL of an extra instance through the environment. */
function testGateway(g: DemoGateway, clientTls: ClientTls | undefined, databaseUrl?: string, ownPort = false): TestGateway {
  const url = clientTls ? g.url.replace(/^http:/, 'https:') : g.url;
  const env: Record<string, string> = { ORIGINLINK_PUBLIC_URL: url, ...(ownPort ? { ORIGINLINK_PORT: String(g.port) } : {}) };
  let proc: GatewayProcess | undefined;
  let lastOutput = '';
  const gateway: TestGateway = {
    country: g.country,
    gatewayId: g.gatewayId,
    url,
    dir: g.dir,
    configPath: g.configPath,
    databasePath: join(g.dir, 'gateway.sqlite'),
    databaseUrl: databaseUrl ?? `sqlite:${join(g.dir, 'gateway.sqlite')}`,
    clientTls,
    get running() {
      return proc !== undefined;
    },
    get pid() {
      return proc?.child.pid;
    },
    async start() {
      if (proc) throw new Error(`${g.country} is already running`);
      proc = await startGatewayProcess({ name: ownPort ? `${g.country}:${g.port}` : g.country, configPath: g.configPath, url, env, readyTimeoutMs: 60_000, ...(clientTls ? { readyProbe: async (readyz) => (await call(readyz.origin, readyz.pathname, { tls: clientTls, timeoutMs: 1000 })).status } : {}) });
    },
    async stop() {
      if (!proc) return null;
      const code = await proc.stop();
      lastOutput = proc.output();
      proc = undefined;
      return code;
    },
    async kill() {
      if (!proc) return;
      await proc.kill();
      lastOutput = proc.output();
      proc = undefined;
    },
    output: () => proc?.output() ?? lastOutput,
    api: <T>(role: Role, path: string, body?: unknown) => callOk<T>(url, path, { token: g.tokens[role], ...(body === undefined ? {} : { body }), ...(clientTls ? { tls: clientTls } : {}) }),
    apiCall: (role, path, options = {}) => call(url, path, { token: g.tokens[role], ...(clientTls ? { tls: clientTls } : {}), ...options }),
  };
  return gateway;
}
