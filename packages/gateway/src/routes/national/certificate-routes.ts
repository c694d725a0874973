/**
 * National API, certificates: submit an issued certificate (issuer), list and search, read one with
 * its delivery status and receipt, its timeline, and its document as JSON or XML.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, encodeXml, type EcoDocument } from '@originlink/dataset';
import { Type, type Static } from '@sinclair/typebox';
import { StoreError, type CertificateRow } from '@originlink/store';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { principalOf, type Authorize } from '../../http/authorize.js';
import { CertificateSummarySchema, DeliverySchema, ProblemSchema, type IssueSchema, ReceiptSummarySchema, SubmissionSchema, iso } from '../../http/schemas.js';
import { findIdempotentResponse, submitCertificate } from '../../workflows/submit-certificate.js';
import { TimelineEventSchema, buildTimeline, timelineDescription } from '../../workflows/timeline.js';

const SearchQuery = Type.Object({
  direction: Type.Optional(Type.Union([Type.Literal('outbound'), Type.Literal('inbound')])),
  number: Type.Optional(Type.String({ maxLength: 70 })),
  issuingCountry: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  exporter: Type.Optional(Type.String({ maxLength: 70, description: 'Substring of the exporter name, case-insensitive' })),
  importer: Type.Optional(Type.String({ maxLength: 70, description: 'Substring of the importer or consignee name' })),
  hsCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: 'HS code prefix of any item' })),
  issuedFrom: Type.Optional(Type.String({ format: 'date' })),
  issuedTo: Type.Optional(Type.String({ format: 'date' })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export function summary(row: CertificateRow): Static<typeof CertificateSummarySchema> {
  return {
    id: row.id, direction: row.direction, source: row.source, number: row.number, issuingCountry: row.issuingCountry, importingCountry: row.importingCountry,
    partnerCountry: row.partnerCountry, agreement: row.agreement, profileId: row.profileId, typeCode: row.typeCode, issueDate: row.issueDate,
    exporterName: row.exporterName, importerName: row.importerName, consigneeName: row.consigneeName, status: row.status, messageId: row.messageId,
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
    version: row.version, lifecycle: row.lifecycle, replacedById: row.replacedById, replacesId: row.replacesId,
    cancelledAt: row.cancelledAt === null ? null : iso(row.cancelledAt), cancelReason: row.cancelReason, verificationStatus: row.verificationStatus,
  };
}

async function load(ctx: GatewayContext, id: string): Promise<CertificateRow> {
  const row = await ctx.store.certificates.get(id);
  if (!row) throw new GatewayError('certificate.not-found', `no certificate with id ${id}; search by number with GET /api/v1/certificates?number=...`);
  return row;
}

export function certificateRoutes(ctx: GatewayContext, authorize: Authorize): FastifyPluginCallbackTypebox {
  return (app, _options, done) => {
    app.post('/certificates', {
      preHandler: authorize('issuer'),
      schema: {
        tags: ['certificates'],
        summary: 'Submit an issued certificate or declaration of origin for delivery to the importing party',
        description: 'The body is an e-CO document (see docs/reference/dataset.md). It is validated against the dataset and the agreement profile; if invalid, the 422 problem lists every issue and nothing is stored. Idempotent on the certificate number, and on the Idempotency-Key header when given.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: Type.Object({}, { additionalProperties: true, description: 'e-CO document (EcoDocument)' }),
        response: { 200: SubmissionSchema, 202: SubmissionSchema, 409: ProblemSchema, 422: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const key = request.headers['idempotency-key'];
      let idempotency;
      if (key !== undefined) {
        idempotency = { scope: principal.name, key, requestDigest: createHash('sha256').update(canonicalJson(request.body)).digest('hex') };
        const earlier = await findIdempotentResponse(ctx, idempotency);
        // The stored response is replayed byte for byte.
        if (earlier) return reply.code(earlier.status).type('application/json').serializer((x) => x as string).send(earlier.response as never);
      }
      const result = await submitCertificate(ctx, principal.name, request.body, idempotency);
      return reply.code(result.status).send({ ...result.body, warnings: [...result.body.warnings] });
    });

    app.get('/certificates', {
      preHandler: authorize('issuer', 'customs'),
      schema: {
        tags: ['certificates'],
        summary: 'List and search certificates, newest first',
        querystring: SearchQuery,
        response: { 200: Type.Object({ items: Type.Array(CertificateSummarySchema), next: Type.Optional(Type.String({ description: 'Pass as `cursor` for the next page' })) }) },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const page = await ctx.store.certificates.search(filter, limit, cursor).catch((err: unknown) => {
        // The store refuses a cursor it did not produce with a constraint error: the client's mistake.
        if (cursor !== undefined && err instanceof StoreError && err.reason === 'constraint') {
          throw new GatewayError('request.invalid', `/querystring/cursor is not a cursor this gateway produced; pass \`next\` from the previous page unchanged`, { errors: [{ path: '/querystring/cursor', message: 'malformed page cursor' }] });
        }
        throw err;
      });
      return { items: page.items.map(summary), ...(page.next ? { next: page.next } : {}) };
    });

    app.get('/certificates/:id', {
      preHandler: authorize('issuer', 'customs'),
      schema: {
        tags: ['certificates'],
        summary: 'One certificate: summary, delivery status, receipt and document',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            certificate: CertificateSummarySchema,
            items: Type.Array(Type.Object({ itemNumber: Type.Integer(), hsCode: Type.String(), description: Type.String(), quantity: Type.Union([Type.Number(), Type.Null()]), unitCode: Type.Union([Type.String(), Type.Null()]), invoiceNumber: Type.Union([Type.String(), Type.Null()]) })),
            delivery: Type.Optional(DeliverySchema),
            receipt: Type.Optional(ReceiptSummarySchema),
            document: Type.Object({}, { additionalProperties: true }),
          }),
          404: ProblemSchema,
        },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const row = await load(ctx, request.params.id);
      const items = await ctx.store.certificates.items(row.id);
      const entry = row.direction === 'outbound' ? await ctx.store.outbox.findByMessage(row.messageId) : undefined;
      // Outbound: the partner's receipt for our message; inbound: the receipt we issued for theirs
      // (addressed to the gateway that sent it, which need not be the partner's gateway today).
      const inbound = row.direction === 'inbound' ? (await ctx.store.messages.listForCertificate(row.id)).find((m) => m.direction === 'in' && m.id === row.messageId) : undefined;
      const receipt = row.direction === 'outbound'
        ? await ctx.store.receipts.getReceived(row.messageId)
        : inbound && (await ctx.store.receipts.getIssued(inbound.senderCountry, inbound.senderGateway, inbound.id));
      return {
        certificate: summary(row),
        items: [...items],
        ...(entry ? { delivery: { id: entry.seq, messageId: entry.messageId, partner: `${entry.partnerCountry}/${entry.partnerGateway}`, state: entry.state, attempts: entry.attempts, nextAttemptAt: entry.state === 'pending' ? iso(entry.nextAttemptAt) : null, lastError: entry.lastError, expiresAt: iso(entry.expiresAt), updatedAt: iso(entry.updatedAt) } } : {}),
        ...(receipt ? { receipt: { receiptId: receipt.receiptId, outcome: receipt.outcome, issues: JSON.parse(receipt.issues) as Static<typeof IssueSchema>[], receivedDigest: receipt.receivedDigest, at: iso(receipt.createdAt) } } : {}),
        document: JSON.parse(row.document) as Record<string, unknown>,
      };
    });

    app.get('/certificates/:id/timeline', {
      preHandler: authorize('issuer', 'customs'),
      schema: {
        tags: ['certificates'],
        summary: 'What happened to the certificate, on this gateway and as learned from the partner, oldest first (from the audit log)',
        description: timelineDescription,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ id: Type.String(), number: Type.String(), events: Type.Array(TimelineEventSchema) }), 404: ProblemSchema },
        security: [{ bearer: [] }],
      },
    }, async (request) => {
      const row = await load(ctx, request.params.id);
      const [rows, messages] = await Promise.all([ctx.store.audit.forSubject(row.id), ctx.store.messages.listForCertificate(row.id)]);
      return { id: row.id, number: row.number, events: buildTimeline(rows, new Map(messages.map((m) => [m.id, m.kind]))) };
    });

    app.get('/certificates/:id/document', {
      preHandler: authorize('issuer', 'customs'),
      schema: {
        tags: ['certificates'],
        summary: 'The e-CO document as JSON (canonical, RFC 8785) or as OriginLink XML',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object({ format: Type.Union([Type.Literal('json'), Type.Literal('xml')], { default: 'json' }) }),
        security: [{ bearer: [] }],
      },
    }, async (request, reply) => {
      const row = await load(ctx, request.params.id);
      if (request.query.format === 'xml') {
        // Written in the dataset version of the profile the document was validated with.
        const datasetVersion = ctx.agreements.profiles.find((p) => p.id === row.profileId)?.datasetVersion;
        return reply.type('application/xml').send(encodeXml(JSON.parse(row.document) as EcoDocument, datasetVersion ? { datasetVersion } : {}));
      }
      return reply.type('application/json').send(row.document);
    });
    done();
  };
}
