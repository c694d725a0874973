/**
 * National API, claims: customs claims preference for an import declaration on a received
 * certificate (POST /claims) and resolves manual reviews (POST /claims/{id}/decision); claims are
 * listed and read. The issuing side reads what the importing customs reported back on its
 * certificate (GET /certificates/{id}/utilisation).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { claimDecisions, claimStatuses } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { ProblemSchema } from '../../http/schemas.js';
import { ClaimRequestSchema, OfficerDecisionSchema } from '../../workflows/claims/claim-request.js';
import { claimView, ClaimViewSchema, utilisationView, UtilisationViewSchema } from '../../workflows/claims/claim-view.js';
import { decideClaim } from '../../workflows/claims/decide-claim.js';
import { submitClaim } from '../../workflows/claims/submit-claim.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function claimRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  return (app, _options, done) => {
    app.post('/claims', {
      preHandler: authorize('customs'),
      schema: {
        tags: ['claims'],
        summary: 'Claim preference for an import declaration on a certificate of origin, and get the decision',
        description: 'Decision: rejected if any reason rejects, manual-review if any asks for review, else accepted (reason codes in docs/reference/errors.md). An accepted claim consumes the claimed quantities of the certificate items. Idempotent on (certificate, declarationReference): the same claim again returns the first decision with 200; different data under the same reference is a 409.',
        body: ClaimRequestSchema,
        response: { 200: ClaimViewSchema, 201: ClaimViewSchema, 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const result = await submitClaim(ctx, principalOf(request).name, request.body);
      return reply.code(result.status).send(claimView(result.claim));
    });

    app.get('/claims', {
      preHandler: authorize('customs'),
      schema: {
        tags: ['claims'],
        summary: 'List claims, newest first',
        querystring: Type.Object({
          status: Type.Optional(Type.Union(claimStatuses.map((s) => Type.Literal(s)))),
          decision: Type.Optional(Type.Union(claimDecisions.map((d) => Type.Literal(d)))),
          certificateId: Type.Optional(Type.String({ format: 'uuid' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(ClaimViewSchema) }) },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const { limit, ...filter } = request.query;
      return { items: (await ctx.store.claims.list(filter, limit)).map(claimView) };
    });

    app.get('/claims/:id', {
      preHandler: authorize('customs'),
      schema: { tags: ['claims'], summary: 'One claim with its decision, reasons and items', params: IdParams, response: { 200: ClaimViewSchema, 404: ProblemSchema }, security: [{ bearer: [] }] },
    }, async (request) => {
      const claim = await ctx.store.claims.get(request.params.id);
      if (!claim) throw new GatewayError('claim.not-found', `no claim with id ${request.params.id}`);
      return claimView(claim);
    });

    app.post('/claims/:id/decision', {
      preHandler: authorize('customs'),
      schema: {
        tags: ['claims'],
        summary: 'Decide a claim waiting for manual review (accepted consumes its quantities)',
        params: IdParams,
        body: OfficerDecisionSchema,
        response: { 200: ClaimViewSchema, 404: ProblemSchema, 409: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => claimView(await decideClaim(ctx, principalOf(request).name, request.params.id, request.body)));

    app.get('/certificates/:id/utilisation', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['claims'],
        summary: 'Where and how much of an issued certificate was used or refused (utilisation notices from the importing side)',
        params: IdParams,
        response: { 200: UtilisationViewSchema, 404: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const certificate = await ctx.store.certificates.get(request.params.id);
      if (!certificate) throw new GatewayError('certificate.not-found', `no certificate with id ${request.params.id}`);
      return utilisationView(certificate, await ctx.store.utilisations.listForCertificate(certificate.id));
    });
    done();
  };
}
