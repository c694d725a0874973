/**
 * Partner API, synchronous answers: POST /partner/v1/pull (a signed pull.request answered with our
 * signed pull.response) and GET /partner/v1/exporters/{id} (a signed statement on an exporter's
 * registration). Both need mutual TLS when it is required, and are rate-limited per client: pulls
 * per verified partner; lookups per remote address, since the registry is public data (a lookup is
 * not signed, and with mutual TLS optional anyone may ask).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallback } from 'fastify';
import type { GatewayContext } from '../../gateway-context.js';
import { utcDate } from '../../gateway-context.js';
import { sendProblem } from '../../http/error-handler.js';
import { ExporterIdSchema, exporterStatement } from '../../workflows/exporters/exporter-statement.js';
import { answerPull } from '../../workflows/pull/answer-pull.js';
import { createRateLimiter, partnerApiRateLimit } from '../../workflows/pull/rate-limiter.js';
import { clientCertificateMissing } from './message-routes.js';

export function partnerPullRoutes(ctx: GatewayContext): FastifyPluginCallback {
  return (app, _options, done) => {
    const pulls = createRateLimiter(partnerApiRateLimit, ctx.clock);
    const lookups = createRateLimiter(partnerApiRateLimit, ctx.clock);
    // The request's exact bytes are kept as evidence, so the body is read raw (as on /messages).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.inbound.maxBodyBytes }, (_req, body, parsed) => parsed(null, body));

    app.post('/pull', {
      schema: {
        tags: ['partner'],
        summary: 'Pull one certificate (gateway to gateway): a signed pull.request, answered with a signed pull.response',
        description: 'Found only for a certificate issued here and addressed to the requester\'s country (and with the verification code where the agreement uses one); otherwise `found: false` with an exchange.pull-* reason. A request that cannot be verified gets a 400 or 401 problem; more than 5 requests a second (bursts of 20) per partner a 429.',
      },
    }, async (request, reply) => {
      const tlsProblem = clientCertificateMissing(ctx, request);
      if (tlsProblem) return sendProblem(reply, request, 'auth.client-certificate-required', `mutual TLS is required on the partner API: ${tlsProblem}`);
      const answer = await answerPull(ctx, (request.body as Buffer | undefined) ?? Buffer.alloc(0), request.ip, pulls);
      if (answer.kind === 'response') return reply.code(200).type('application/json').send(answer.body);
      if (answer.retryAfterSeconds !== undefined) void reply.header('retry-after', String(answer.retryAfterSeconds));
      return sendProblem(reply, request, answer.code, answer.detail, answer.protocolCode ? { protocolCode: answer.protocolCode } : {});
    });

    app.get<{ Params: { id: string }; Querystring: { date?: string } }>('/exporters/:id', {
      schema: {
        tags: ['partner'],
        summary: 'Whether an exporter is in this country\'s registry and valid on a date: a signed statement (compact JWS, application/jose)',
        params: Type.Object({ id: ExporterIdSchema }),
        querystring: Type.Object({ date: Type.Optional(Type.String({ format: 'date', description: 'Default: today' })) }),
      },
    }, async (request, reply) => {
      const tlsProblem = clientCertificateMissing(ctx, request);
      if (tlsProblem) return sendProblem(reply, request, 'auth.client-certificate-required', `mutual TLS is required on the partner API: ${tlsProblem}`);
      const rate = lookups.take(`address:${request.ip}`);
      if (!rate.ok) {
        void reply.header('retry-after', String(rate.retryAfterSeconds));
        return sendProblem(reply, request, 'partner.rate-limited', `more than the exporter lookup rate allowed to ${request.ip}`);
      }
      const { token, statement } = await exporterStatement(ctx, request.params.id, request.query.date ?? utcDate(ctx.clock()));
      await ctx.commits.run((tx) => tx.audit.append({ at: ctx.clock(), actor: `address:${request.ip}`, action: 'exporter.looked-up', subject: `exporter:${statement.exporterId}`, details: JSON.stringify({ date: statement.date, registered: statement.registered }) }));
      return reply.code(200).type('application/jose').send(token);
    });
    done();
  };
}
