/**
 * National API, Pull model (registered by verification-routes.ts): customs pulls one certificate
 * from the issuing country's gateway. 201 when pulled and stored, 200 when it was already here or
 * when the partner's signed answer says it has none for us (found: false with its reason code).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { sendProblem } from '../../http/error-handler.js';
import { ProblemSchema } from '../../http/schemas.js';
import { pullCertificate } from '../../workflows/pull/pull-certificate.js';

type App = Parameters<FastifyPluginCallbackTypebox>[0];

const PullResultSchema = Type.Object({
  found: Type.Boolean(),
  stored: Type.Optional(Type.Boolean({ description: 'found: stored by this pull (false: it was already here)' })),
  certificateId: Type.Optional(Type.String({ format: 'uuid' })),
  messageId: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'The partner\'s signed pull.response, kept as evidence' })),
  reason: Type.Optional(Type.String({ description: 'not found: the partner\'s reason code (exchange.pull-*)' })),
  detail: Type.Optional(Type.String()),
});

export function pullRoutes(app: App, ctx: GatewayContext, authorize: Authorize): void {
  app.post('/pulls', {
    preHandler: authorize('customs'),
    schema: {
      tags: ['pulls'],
      summary: 'Pull one certificate from the issuing country\'s gateway (signed pull.request and pull.response)',
      description: 'The pulled certificate is validated against this gateway\'s profile and stored with source `pull`. Local failures are problems: pull.no-partner, pull.partner-unreachable, pull.response-invalid, pull.certificate-invalid, partner.rate-limited.',
      body: Type.Object({
        certificateNumber: Type.String({ minLength: 1, maxLength: 70 }),
        issuingCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
        verificationCode: Type.Optional(Type.String({ minLength: 1, maxLength: 35 })),
      }, { additionalProperties: false }),
      response: { 200: PullResultSchema, 201: PullResultSchema, 422: ProblemSchema, 429: ProblemSchema, 502: ProblemSchema },
      security: [{ bearer: [] }],
    },
  }, async (request, reply) => {
    const outcome = await pullCertificate(ctx, request.body, principalOf(request).name);
    if (outcome.found) return reply.code(outcome.stored ? 201 : 200).send(outcome);
    if (outcome.refusedBy === 'partner') return reply.code(200).send({ found: false, reason: outcome.reason, detail: outcome.detail, messageId: outcome.messageId });
    if (outcome.reason === 'partner.rate-limited') {
      if (outcome.retryAfterSeconds !== undefined) void reply.header('retry-after', String(outcome.retryAfterSeconds));
      return sendProblem(reply, request, outcome.reason, outcome.detail);
    }
    throw new GatewayError(outcome.reason, outcome.detail, outcome.issues ? { issues: outcome.issues } : {});
  });
}
