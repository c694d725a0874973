/**
 * Maps every error to an RFC 9457 problem+json response with a stable code: GatewayError as is,
 * schema validation to request.invalid (with the JSON pointers), body limits, storage outages to a
 * 503 service.unavailable (nothing was accepted), anything else to a logged 500.
 */
import { StoreError } from '@originlink/store';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError, type GatewayErrorCode } from '../errors/gateway-errors.js';
import { problem, problemContentType } from '../errors/problem.js';

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: GatewayErrorCode, detail?: string, extra: Readonly<Record<string, unknown>> = {}): FastifyReply {
  const body = problem(code, detail, request.id, extra);
  return reply.code(body.status).type(problemContentType).send(JSON.stringify(body));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 'route.not-found', `no endpoint ${request.method} ${request.url.split('?')[0]}`));
  app.setErrorHandler((error: FastifyError | GatewayError | StoreError, request, reply) => {
    if (error instanceof GatewayError) return sendProblem(reply, request, error.code, error.message, error.extra);
    if (error instanceof StoreError && (error.reason === 'connection' || error.reason === 'busy')) {
      request.log.error({ err: error }, 'database unavailable');
      return sendProblem(reply, request, 'service.unavailable', `database unavailable (${error.reason}); nothing was accepted`);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const errors = fe.validation.map((v) => ({ path: `${fe.validationContext ? `/${fe.validationContext}` : ''}${v.instancePath}`, message: v.message ?? 'invalid' }));
      return sendProblem(reply, request, 'request.invalid', errors.map((e) => `${e.path || '/'} ${e.message}`).join('; '), { errors });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, request, 'request.too-large', fe.message);
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, request, 'request.unsupported-media-type', fe.message);
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || (fe.statusCode === 400 && fe.message.includes('JSON'))) {
      return sendProblem(reply, request, 'request.invalid', `the body is not valid JSON: ${fe.message}`);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, 'internal', `unexpected error (request ${request.id})`);
  });
}
