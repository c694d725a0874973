/**
 * Runs a gateway as a server: loads the configuration, opens and migrates the store, builds the
 * gateway, listens (HTTPS with optional mutual TLS, or plain HTTP on loopback), starts the
 * workers; `close()` drains: stop accepting, finish deliveries in flight and commits, close.
 */
import { openStore, type Store } from '@originlink/store';
import { pino } from 'pino';
import { loadConfig, type ConfigOverrides } from './config/load-config.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { insecureAllowed } from './workers/partner-client.js';

export interface ServerOptions {
  readonly configPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly overrides?: ConfigOverrides;
}

export interface RunningServer {
  readonly url: string;
  readonly gateway: Gateway;
  readonly store: Store;
  close(): Promise<void>;
}

/** Thrown when the configuration is invalid; `problems` lists each with its JSON pointer. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export async function runServer(options: ServerOptions): Promise<RunningServer> {
  const loaded = await loadConfig(options.configPath, options.env, options.overrides);
  if (!loaded.ok) throw new ConfigError(loaded.problems);
  const config = loaded.config;
  const listenUrl = new URL(`${config.tls ? 'https' : 'http'}://${config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host}:${config.listen.port}`);
  if (!config.tls && !insecureAllowed(listenUrl, config.allowInsecureHttp)) {
    throw new ConfigError([{ path: '/tls', message: `plain HTTP is only allowed on loopback; configure tls, or set allowInsecureHttp: true on a test network (listen.host is ${config.listen.host})` }]);
  }
  const log = pino({ level: config.logLevel, base: { gateway: `${config.self.country}/${config.self.gateway}` } });
  const store = await openStore(config.database);
  const migrated = await store.migrate();
  if (migrated.applied.length > 0) log.info({ applied: migrated.applied }, 'database migrated');
  const gateway = await createGateway(
    {
      store,
      logger: log,
      defaultMetrics: true,
      ...(config.tls ? { serverOptions: { https: { key: config.tls.key, cert: config.tls.cert, ca: config.tls.ca, requestCert: config.tls.requireClientCert, rejectUnauthorized: false } } } : {}),
    },
    config,
  );
  const address = await gateway.app.listen({ host: config.listen.host, port: config.listen.port });
  await gateway.start();
  log.info({ address, publicUrl: config.publicUrl, agreements: gateway.context.agreements.codes }, 'gateway ready');
  let closing: Promise<void> | undefined;
  return {
    url: address,
    gateway,
    store,
    close: () =>
      (closing ??= (async () => {
        log.info('draining');
        await gateway.app.close();
        await gateway.stop();
        await store.close();
        log.info('stopped');
      })()),
  };
}
