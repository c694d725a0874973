/**
 * Operations: /healthz (the process is up), /readyz (the database answers and the gateway is not
 * draining), /metrics (Prometheus text format).
 */
import type { FastifyPluginCallback } from 'fastify';
import type { GatewayContext } from '../../gateway-context.js';

export function opsRoutes(ctx: GatewayContext, isDraining: () => boolean): FastifyPluginCallback {
  return (app, _options, done) => {
    app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness: the process answers' } }, () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { tags: ['operations'], summary: 'Readiness: the database answers and the gateway is not draining' } }, async (_request, reply) => {
      if (isDraining()) return reply.code(503).send({ status: 'draining' });
      try {
        await ctx.store.ping();
      } catch (err) {
        return reply.code(503).send({ status: 'database unavailable', detail: (err as Error).message });
      }
      return { status: 'ready', country: ctx.config.self.country, gateway: ctx.config.self.gateway, outbox: await ctx.store.outbox.depth() };
    });
    app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics' } }, async (_request, reply) =>
      reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics()),
    );
    done();
  };
}
