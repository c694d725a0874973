/**
 * Partner API: POST /partner/v1/messages takes one signed message (the exact bytes are kept and
 * digested, so the body is read raw) and answers with our signed receipt once the message is stored.
 * With mutual TLS, a connection without a valid client certificate is refused before anything else.
 */
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { TLSSocket } from 'node:tls';
import type { GatewayContext } from '../../gateway-context.js';
import { sendProblem } from '../../http/error-handler.js';
import { receiveMessage } from '../../workflows/receive-message.js';

/** Why the request lacks the client certificate mutual TLS requires, or undefined when it has one (or TLS is not required). Shared by every partner route. */
export function clientCertificateMissing(ctx: GatewayContext, request: FastifyRequest): string | undefined {
  if (!ctx.config.tls?.requireClientCert) return undefined;
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (socket.authorized === true) return undefined;
  return socket.authorizationError ? String(socket.authorizationError) : 'no client certificate';
}

export function partnerMessageRoutes(ctx: GatewayContext): FastifyPluginCallback {
  return (app, _options, done) => {
    // Keep the raw bytes: the receipt carries the digest of exactly what was received.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.inbound.maxBodyBytes }, (_req, body, done) => done(null, body));

    app.post('/messages', {
      schema: {
        tags: ['partner'],
        summary: 'Deliver one signed protocol message (gateway to gateway)',
        description: 'Body: `{ envelope, payload, signature }` (see docs/reference/protocol.md). Answer: the receiver\'s signed receipt (kind `receipt`, outcome accepted or rejected with issue codes), sent only after the message is durably stored. A duplicate gets the original receipt. A body that is not an envelope gets a 400 problem.',
      },
    }, async (request, reply) => {
      const tlsProblem = clientCertificateMissing(ctx, request);
      if (tlsProblem) return sendProblem(reply, request, 'auth.client-certificate-required', `mutual TLS is required on the partner API: ${tlsProblem}`);
      const body = request.body as Buffer | undefined;
      const result = await receiveMessage(ctx, body ?? Buffer.alloc(0), request.ip);
      if (result.kind === 'unreadable') return sendProblem(reply, request, 'message.unreadable', `${result.code}: ${result.detail}`, { protocolCode: result.code });
      return reply.code(200).type('application/json').send(Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength));
    });
    done();
  };
}
