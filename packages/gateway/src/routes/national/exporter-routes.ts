/**
 * National API, exporter registry (registered by verification-routes.ts): the issuing authority
 * maintains approved and registered exporters (answered to partners by GET /partner/v1/exporters/{id});
 * customs asks a partner whether one of its exporters is registered on a date, and gets the
 * partner's verified, signed statement.
 */
import { Type } from '@sinclair/typebox';
import type { ExporterRow } from '@originlink/store';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { GatewayError } from '../../errors/gateway-errors.js';
import { utcDate, type GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { ProblemSchema, iso } from '../../http/schemas.js';
import { ExporterIdSchema } from '../../workflows/exporters/exporter-statement.js';
import { lookupExporter } from '../../workflows/exporters/lookup-exporter.js';

type App = Parameters<FastifyPluginCallbackTypebox>[0];

const DateSchema = Type.String({ format: 'date' });
const Exporter = Type.Object({
  id: Type.String(), name: Type.String(), country: Type.String(), authorisationType: Type.String(), validFrom: Type.String(),
  validUntil: Type.Union([Type.String(), Type.Null()]), status: Type.String(), updatedAt: Type.String({ format: 'date-time' }),
});
const view = (row: ExporterRow) => ({ ...row, updatedAt: iso(row.updatedAt) });

export function exporterRoutes(app: App, ctx: GatewayContext, authorize: Authorize): void {
  app.put('/exporters/:id', {
    preHandler: authorize('issuer'),
    schema: {
      tags: ['exporters'],
      summary: 'Register or update an approved or registered exporter of this country',
      params: Type.Object({ id: ExporterIdSchema }),
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 512 }),
        authorisationType: Type.Union([Type.Literal('approved'), Type.Literal('registered')]),
        validFrom: DateSchema,
        validUntil: Type.Optional(DateSchema),
        status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]),
      }, { additionalProperties: false }),
      response: { 200: Exporter, 400: ProblemSchema },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const { id } = request.params;
    const body = request.body;
    if (body.validUntil !== undefined && body.validUntil < body.validFrom) {
      throw new GatewayError('request.invalid', `/body/validUntil ${body.validUntil} is before validFrom ${body.validFrom}`, { errors: [{ path: '/body/validUntil', message: 'before validFrom' }] });
    }
    const now = ctx.clock();
    const row: ExporterRow = { id, name: body.name, country: ctx.config.self.country, authorisationType: body.authorisationType, validFrom: body.validFrom, validUntil: body.validUntil ?? null, status: body.status, updatedAt: now };
    await ctx.commits.run(async (tx) => {
      await tx.exporters.upsert(row);
      await tx.audit.append({ at: now, actor: principalOf(request).name, action: 'exporter.updated', subject: `exporter:${id}`, details: JSON.stringify({ ...row, updatedAt: undefined }) });
    });
    return view(row);
  });

  app.get('/exporters', {
    preHandler: authorize('issuer', 'customs'),
    schema: {
      tags: ['exporters'],
      summary: 'This country\'s exporter registry',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }) }),
      response: { 200: Type.Object({ items: Type.Array(Exporter) }) },
      security: [{ bearer: [] }],
    },
  }, async (request) => ({ items: (await ctx.store.exporters.list(request.query.limit)).map(view) }));

  app.get('/exporters/:country/:id', {
    preHandler: authorize('customs'),
    schema: {
      tags: ['exporters'],
      summary: 'Ask a partner whether one of its exporters is registered and valid on a date (verified signed statement)',
      params: Type.Object({ country: Type.String({ pattern: '^[A-Z]{2}$' }), id: ExporterIdSchema }),
      querystring: Type.Object({ date: Type.Optional(DateSchema) }),
      response: {
        200: Type.Object({
          statement: Type.Record(Type.String(), Type.Unknown(), { description: '{ issuer, exporterId, date, registered, name?, authorisationType?, validFrom?, validUntil?, status?, answeredAt }' }),
          kid: Type.String(),
          token: Type.String({ description: 'The compact JWS as the partner signed it' }),
        }),
        404: ProblemSchema, 429: ProblemSchema, 502: ProblemSchema,
      },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const { country, id } = request.params;
    const answer = await lookupExporter(ctx, country, id, request.query.date ?? utcDate(ctx.clock()));
    return { statement: { ...answer.statement }, kid: answer.kid, token: answer.token };
  });
}
