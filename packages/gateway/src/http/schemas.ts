/** TypeBox schemas shared by the national API routes (request and response shapes, for validation and OpenAPI). */
import { Type } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code (docs/reference/errors.md)' }),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
  },
  { additionalProperties: true, $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const IssueSchema = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String(), severity: Type.Optional(Type.String()) }, { additionalProperties: true });

export const SubmissionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String(),
  issuingCountry: Type.String(),
  importingCountry: Type.String(),
  status: Type.String(),
  messageId: Type.String({ format: 'uuid' }),
  warnings: Type.Array(IssueSchema),
});

export const CertificateSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  direction: Type.String(),
  source: Type.String(),
  number: Type.String(),
  issuingCountry: Type.String(),
  importingCountry: Type.String(),
  partnerCountry: Type.String(),
  agreement: Type.String(),
  profileId: Type.String(),
  typeCode: Type.String(),
  issueDate: Type.String(),
  exporterName: Type.String(),
  importerName: Type.Union([Type.String(), Type.Null()]),
  consigneeName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  messageId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer({ minimum: 1, description: 'Current version: 1 as issued, higher after amendments (GET .../versions)' }),
  lifecycle: Type.Union([Type.Literal('active'), Type.Literal('replaced'), Type.Literal('cancelled')]),
  replacedById: Type.Union([Type.String(), Type.Null()], { description: 'For a replaced certificate: its replacement' }),
  replacesId: Type.Union([Type.String(), Type.Null()], { description: 'For a replacement: the certificate it replaces, when known here' }),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  verificationStatus: Type.Union([Type.Literal('under-verification'), Type.Literal('confirmed'), Type.Literal('not-confirmed'), Type.Literal('partially-confirmed'), Type.Null()]),
});

export const DeliverySchema = Type.Object({
  id: Type.Integer({ description: 'Outbox sequence number' }),
  messageId: Type.String(),
  partner: Type.String(),
  state: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ReceiptSummarySchema = Type.Object({
  receiptId: Type.String(),
  outcome: Type.String(),
  issues: Type.Array(IssueSchema),
  receivedDigest: Type.String(),
  at: Type.String({ format: 'date-time' }),
});

export const iso = (ms: number): string => new Date(ms).toISOString();
