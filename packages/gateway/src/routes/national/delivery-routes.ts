/** National API, deliveries (admin): the outbox, and retrying a failed or rejected delivery. */
import { Type } from '@sinclair/typebox';
import type { OutboxEntry } from '@originlink/store';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { DeliverySchema, ProblemSchema, iso } from '../../http/schemas.js';
import { resendDelivery } from '../../workflows/lifecycle/resend-delivery.js';

export function deliveryView(e: OutboxEntry) {
  return { id: e.seq, messageId: e.messageId, partner: `${e.partnerCountry}/${e.partnerGateway}`, state: e.state, attempts: e.attempts, nextAttemptAt: e.state === 'pending' ? iso(e.nextAttemptAt) : null, lastError: e.lastError, expiresAt: iso(e.expiresAt), updatedAt: iso(e.updatedAt) };
}

export function deliveryRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  return (app, _options, done) => {
    app.get('/deliveries', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['deliveries'],
        summary: 'Outbox entries by state (pending, delivered, rejected, failed) and partner',
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('rejected'), Type.Literal('failed')])),
          partner: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ depth: Type.Record(Type.String(), Type.Integer()), items: Type.Array(DeliverySchema) }) },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const { state, partner, limit } = request.query;
      const items = await ctx.store.outbox.list({ ...(state ? { state } : {}), ...(partner ? { partnerCountry: partner } : {}) }, limit);
      return { depth: await ctx.store.outbox.depth(), items: items.map(deliveryView) };
    });

    app.post('/deliveries/:id/retry', {
      preHandler: authorize('admin'),
      schema: {
        tags: ['deliveries'],
        summary: 'Retry a failed or rejected delivery now, as a newly signed message, with a new retry horizon',
        description: 'The message is signed again with the same payload and a new id and creation time, and replaces the old one in the same outbox entry (which keeps its place in its certificate\'s order); the certificate points to the new message when it was the one carried. A partner that refused the old message, or would find it too old, judges the new one afresh.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: DeliverySchema, 404: ProblemSchema, 409: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => deliveryView(await resendDelivery(ctx, principalOf(request).name, request.params.id)));
    done();
  };
}
