/**
 * National API (issuer): replacement, amendment and cancellation of issued certificates, and the
 * version history of any certificate. Each change is validated, stored with its audit entries and
 * the message that tells the partner in one transaction, then delivered in order by the dispatcher.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { ProblemSchema, iso } from '../../http/schemas.js';
import { amendCertificate } from '../../workflows/lifecycle/amend-certificate.js';
import { cancelCertificate } from '../../workflows/lifecycle/cancel-certificate.js';
import { LifecycleViewSchema } from '../../workflows/lifecycle/lifecycle-view.js';
import { loadCertificate } from '../../workflows/lifecycle/load-certificate.js';
import { replaceCertificate } from '../../workflows/lifecycle/replace-certificate.js';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Document = Type.Object({}, { additionalProperties: true, description: 'e-CO document (EcoDocument)' });
const changeResponses = { 200: LifecycleViewSchema, 202: LifecycleViewSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const VersionSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  documentDigest: Type.String(),
  messageId: Type.String({ description: 'The message that carried (or will carry) this version' }),
  createdAt: Type.String({ format: 'date-time' }),
  document: Type.Object({}, { additionalProperties: true }),
});

export function lifecycleRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  return (app, _options, done) => {
    app.post('/certificates/:id/replace', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['certificates'],
        summary: 'Replace an issued certificate by a new one (new number), and tell the partner (co.replaced)',
        description: 'The body is the replacement e-CO document, validated exactly like a submission; its `replacement.replacedNumber` must be the number of the certificate replaced (else 422 certificate.replaced-number-mismatch), and it keeps the importing country, agreement and document type. The old certificate becomes `replaced`, pointing to the new one. 409 when the certificate was cancelled or already replaced by another document; the same replacement again answers 200.',
        params: Params,
        body: Document,
        response: changeResponses,
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const result = await replaceCertificate(ctx, principalOf(request).name, request.params.id, request.body);
      return reply.code(result.status).send(result.body);
    });

    app.post('/certificates/:id/amend', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['certificates'],
        summary: 'Amend an issued certificate (same number, next version), where the agreement allows it, and send the new version (co.issued)',
        description: 'Refused with 422 certificate.amendment-not-allowed when the profile says `lifecycle.amendment: replacement-only` (issue a replacement instead). The body is the full amended document, validated like a submission, with the same number and `header.version` = current version + 1 (else 422 certificate.amendment-version). Every version is kept (GET .../versions). 409 when the certificate was cancelled or replaced; the same version again answers 200.',
        params: Params,
        body: Document,
        response: changeResponses,
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const result = await amendCertificate(ctx, principalOf(request).name, request.params.id, request.body);
      return reply.code(result.status).send(result.body);
    });

    app.post('/certificates/:id/cancel', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['certificates'],
        summary: 'Cancel (withdraw) an issued certificate and tell the partner (co.cancelled)',
        description: 'The importing side refuses claims on it from then on and flags accepted claims for post-clearance review. 409 certificate.already-cancelled when cancelled before, certificate.already-replaced when replaced (cancel the replacement).',
        params: Params,
        body: Type.Object({
          reasonCode: Type.String({ minLength: 1, maxLength: 35, description: 'The issuing authority\'s reason code' }),
          reason: Type.Optional(Type.String({ maxLength: 512 })),
        }, { additionalProperties: false }),
        response: changeResponses,
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const result = await cancelCertificate(ctx, principalOf(request).name, request.params.id, request.body);
      return reply.code(result.status).send(result.body);
    });

    app.get('/certificates/:id/versions', {
      preHandler: authorize('issuer', 'customs'),
      schema: {
        tags: ['certificates'],
        summary: 'Every version of a certificate, oldest first (1 = as issued; higher = amendments)',
        params: Params,
        response: { 200: Type.Object({ id: Type.String(), number: Type.String(), version: Type.Integer({ description: 'The current version' }), versions: Type.Array(VersionSchema) }), 404: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const row = await loadCertificate(ctx, request.params.id);
      const versions = await ctx.store.certificates.versions(row.id);
      return {
        id: row.id, number: row.number, version: row.version,
        versions: versions.map((v) => ({ version: v.version, documentDigest: v.documentDigest, messageId: v.messageId, createdAt: iso(v.createdAt), document: JSON.parse(v.document) as Record<string, unknown> })),
      };
    });
    done();
  };
}
