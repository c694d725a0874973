/**
 * National API: retroactive verification (customs requests, the issuing authority answers), and the
 * plugin that also carries the area's other national endpoints: pulls (pull-routes.ts) and the
 * exporter registry (exporter-routes.ts).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { ProblemSchema } from '../../http/schemas.js';
import { answerVerification } from '../../workflows/verification/answer-verification.js';
import { requestVerification } from '../../workflows/verification/request-verification.js';
import { listVerifications, verificationView } from '../../workflows/verification/verification-view.js';
import { exporterRoutes } from './exporter-routes.js';
import { pullRoutes } from './pull-routes.js';

const State = Type.Union([Type.Literal('requested'), Type.Literal('acknowledged'), Type.Literal('answered')]);
const Outcome = Type.Union([Type.Literal('confirmed'), Type.Literal('not-confirmed'), Type.Literal('partially-confirmed')]);
const Reason = Type.Object({ code: Type.String({ minLength: 1, maxLength: 35 }), text: Type.Optional(Type.String({ maxLength: 2048 })) }, { additionalProperties: false });
const ItemAnswer = Type.Object({ itemNumber: Type.Integer({ minimum: 1 }), confirmed: Type.Boolean(), finding: Type.Optional(Type.String({ maxLength: 2048 })) }, { additionalProperties: false });
const Attachment = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), mediaType: Type.String({ minLength: 1, maxLength: 127 }), content: Type.String({ contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]*={0,2}$' }) }, { additionalProperties: false });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const VerificationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  requestId: Type.String(),
  direction: Type.String({ description: 'outbound: our customs asked; inbound: a partner asked us' }),
  partnerCountry: Type.String(),
  certificateId: Nullable(Type.String()),
  certificateNumber: Type.String(),
  issuingCountry: Type.String(),
  itemNumbers: Type.Array(Type.Integer(), { description: 'Items in doubt; empty: the whole certificate' }),
  reasons: Type.Array(Reason),
  replyBy: Type.String({ format: 'date' }),
  state: State,
  overdue: Type.Boolean({ description: 'replyBy has passed without an answer' }),
  outcome: Nullable(Type.String()),
  findings: Nullable(Type.String()),
  response: Nullable(Type.Record(Type.String(), Type.Unknown())),
  requestMessageId: Type.String(),
  responseMessageId: Nullable(Type.String()),
  requestedAt: Type.String({ format: 'date-time' }),
  acknowledgedAt: Nullable(Type.String({ format: 'date-time' })),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  partnerReceipt: Nullable(Type.Object({ outcome: Type.String(), codes: Type.Array(Type.String()), at: Type.String({ format: 'date-time' }) }, { description: 'The partner\'s signed receipt for the message we sent (request or response)' })),
});

export function verificationRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  return (app, _options, done) => {
    const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

    app.post('/verifications', {
      preHandler: authorize('customs'),
      schema: {
        tags: ['verifications'],
        summary: 'Ask the issuing side to verify a received certificate (retroactive verification)',
        description: 'Sends `verification.request`; the reply deadline is today plus the profile\'s lifecycle.verificationReplyDays. The certificate is under verification until the answer arrives.',
        body: Type.Object({ certificateId: Type.String({ format: 'uuid' }), itemNumbers: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 999 })), reasons: Type.Array(Reason, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
        response: { 201: VerificationSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const row = await requestVerification(ctx, principalOf(request).name, request.body);
      return reply.code(201).send(await verificationView(ctx, row));
    });

    app.get('/verifications', {
      preHandler: authorize('customs', 'issuer'),
      schema: {
        tags: ['verifications'],
        summary: 'List verification requests, newest first (outbound: ours; inbound: partners\' requests to answer)',
        querystring: Type.Object({
          direction: Type.Optional(Type.Union([Type.Literal('outbound'), Type.Literal('inbound')])),
          state: Type.Optional(State),
          overdue: Type.Optional(Type.Boolean()),
          certificateId: Type.Optional(Type.String({ format: 'uuid' })),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(VerificationSchema) }) },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const { limit, ...query } = request.query;
      return { items: await listVerifications(ctx, query, limit) };
    });

    app.get('/verifications/:id', {
      preHandler: authorize('customs', 'issuer'),
      schema: { tags: ['verifications'], summary: 'One verification request', params: Id, response: { 200: VerificationSchema, 404: ProblemSchema }, security: [{ bearer: [] }] },
    }, async (request) => {
      const row = await ctx.store.verifications.get(request.params.id);
      if (!row) throw new GatewayError('verification.not-found', `no verification with id ${request.params.id}`);
      return verificationView(ctx, row);
    });

    app.post('/verifications/:id/answer', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['verifications'],
        summary: 'Answer a partner\'s verification request (sends verification.response)',
        description: 'Answering twice is a 409 verification.already-answered. A partially confirmed outcome lists the items, at least one not confirmed.',
        params: Id,
        body: Type.Object({ outcome: Outcome, items: Type.Optional(Type.Array(ItemAnswer, { maxItems: 999 })), findings: Type.String({ maxLength: 8192 }), attachments: Type.Optional(Type.Array(Attachment, { maxItems: 20 })) }, { additionalProperties: false }),
        response: { 200: VerificationSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const row = await answerVerification(ctx, principalOf(request).name, request.params.id, request.body);
      return verificationView(ctx, row);
    });

    pullRoutes(app, ctx, authorize);
    exporterRoutes(app, ctx, authorize);
    done();
  };
}
