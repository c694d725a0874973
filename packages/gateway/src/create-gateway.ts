/**
 * createGateway(deps, config) builds one gateway: the Fastify app (national API, partner API,
 * metadata, operations, OpenAPI docs) and its workers (dispatcher, audit sealer, dedup purge).
 * It does not listen: server.ts does, and tests call the app in-process or on port 0.
 */
// Keeps @fastify/swagger's `app.swagger()` on the FastifyInstance type in the emitted declarations,
// for packages that build against dist (the value import below is not part of the .d.ts).
/// <reference types="@fastify/swagger" preserve="true" />
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createSigner } from '@originlink/protocol';
import { startAuditSealer, type Store } from '@originlink/store';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { pino, type Logger } from 'pino';
import { createAgreementRegistry } from './agreements/agreement-registry.js';
import type { GatewayConfig } from './config/gateway-config.js';
import type { GatewayContext } from './gateway-context.js';
import { createAuthorize } from './http/authorize.js';
import { installErrorHandling } from './http/error-handler.js';
import { ProblemSchema } from './http/schemas.js';
import { createMetrics } from './metrics.js';
import { createPartnerDirectory } from './partners/partner-directory.js';
import { certificateRoutes } from './routes/national/certificate-routes.js';
import { claimRoutes } from './routes/national/claim-routes.js';
import { lifecycleRoutes } from './routes/national/lifecycle-routes.js';
import { verificationRoutes } from './routes/national/verification-routes.js';
import { partnerPullRoutes } from './routes/partner/pull-routes.js';
import { deliveryRoutes } from './routes/national/delivery-routes.js';
import { partnerRoutes } from './routes/national/partner-routes.js';
import { opsRoutes } from './routes/ops/ops-routes.js';
import { partnerMessageRoutes } from './routes/partner/message-routes.js';
import { wellKnownRoutes } from './routes/well-known-routes.js';
import { createCommitQueue } from './workers/commit-queue.js';
import { createDispatcher } from './workers/dispatcher.js';
import { createPartnerClient, type PartnerClient } from './workers/partner-client.js';

export interface GatewayDeps {
  readonly store: Store;
  /** Default: a pino logger at config.logLevel. */
  readonly logger?: Logger;
  /** Epoch ms; default Date.now. */
  readonly clock?: () => number;
  /** Register process-wide default metrics (off in tests that run several gateways). */
  readonly defaultMetrics?: boolean;
  readonly partnerClient?: PartnerClient;
  /** Extra Fastify server options (https, for instance: server.ts sets them from config.tls). */
  readonly serverOptions?: Partial<FastifyServerOptions> & Record<string, unknown>;
}

export interface Gateway {
  readonly app: FastifyInstance;
  readonly context: GatewayContext;
  /** Starts the workers (dispatcher, audit sealer, dedup purge). */
  start(): Promise<void>;
  /** Stops accepting work, waits for deliveries in flight and pending commits. */
  stop(): Promise<void>;
}

export async function createGateway(deps: GatewayDeps, config: GatewayConfig): Promise<Gateway> {
  const log = deps.logger ?? pino({ level: config.logLevel, base: { gateway: `${config.self.country}/${config.self.gateway}` } });
  const clock = deps.clock ?? Date.now;
  const metrics = createMetrics(deps.store, { defaultMetrics: deps.defaultMetrics ?? false });
  const commits = createCommitQueue(deps.store, { onBatch: (n) => metrics.commitGroupSize.observe(n) });
  const signingKey = config.signingKeys[0];
  if (!signingKey) throw new Error('no signing key configured');
  let draining = false;
  const context: GatewayContext = {
    config,
    store: deps.store,
    signer: createSigner(signingKey),
    agreements: createAgreementRegistry(config.profiles),
    partners: createPartnerDirectory(deps.store, clock),
    commits,
    metrics,
    log,
    clock,
    // The dispatcher is created just below, from this context; nothing wakes it before then.
    wakeDispatcher: () => dispatcher.wake(),
  };
  const client = deps.partnerClient ?? createPartnerClient({ tls: config.tls, allowInsecureHttp: config.allowInsecureHttp, connections: config.delivery.connections });
  const dispatcher = createDispatcher(context, client);

  const app = Fastify({
    loggerInstance: log,
    bodyLimit: config.inbound.maxBodyBytes,
    requestIdHeader: 'x-request-id',
    logController: new LogController({ disableRequestLogging: true }),
    ...deps.serverOptions,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ProblemSchema);
  installErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `OriginLink gateway ${config.self.country}/${config.self.gateway}`,
        version: '1',
        description: 'National API (/api/v1, bearer tokens with roles issuer, customs, admin) and partner API (/partner/v1, signed messages, mutual TLS). Errors are RFC 9457 problem+json with a stable `code` (docs/reference/errors.md).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [{ name: 'certificates' }, { name: 'deliveries' }, { name: 'partners' }, { name: 'partner' }, { name: 'operations' }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  const authorize = createAuthorize(config.tokens);
  await app.register(certificateRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(deliveryRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(partnerRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(claimRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(lifecycleRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(verificationRoutes(context, authorize), { prefix: '/api/v1' });
  await app.register(partnerPullRoutes(context), { prefix: '/partner/v1' });
  await app.register(partnerMessageRoutes(context), { prefix: '/partner/v1' });
  await app.register(wellKnownRoutes(context));
  await app.register(opsRoutes(context, () => draining));

  let stopSealer: (() => Promise<void>) | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  return {
    app,
    context,
    async start() {
      await context.partners.refresh(true);
      dispatcher.start();
      stopSealer = startAuditSealer(deps.store, { intervalMs: config.audit.sealIntervalMs, batchSize: config.audit.batchSize, onError: (err) => log.error({ err }, 'audit sealing failed') });
      purgeTimer = setInterval(() => {
        deps.store.dedup.purgeExpired(clock()).catch((err: unknown) => log.error({ err }, 'dedup purge failed'));
        deps.store.idempotency.purgeOlderThan(clock() - config.inbound.dedupRetentionMs).catch((err: unknown) => log.error({ err }, 'idempotency purge failed'));
      }, 3_600_000);
      purgeTimer.unref();
    },
    async stop() {
      draining = true;
      clearInterval(purgeTimer);
      await dispatcher.stop();
      await commits.drain();
      await stopSealer?.();
      await client.close();
    },
  };
}
