/**
 * Payload schemas, one per message kind. Certificates and declarations are e-CO documents validated
 * by the dataset package against the agreement profile; the schemas here check the shape around them.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MessageIdSchema, messageIdPattern } from './envelope.js';
import type { MessageKind } from './message-kinds.js';

const Document = Type.Object({}, { additionalProperties: true, description: 'An e-CO document (see the dataset reference)' });
const CountryCode = Type.String({ pattern: '^[A-Z]{2}$' });
const CertificateRef = {
  certificateNumber: Type.String({ minLength: 1, maxLength: 70 }),
  issuingCountry: CountryCode,
};
const DateString = Type.String({ format: 'date' });
const Timestamp = Type.String({ format: 'date-time' });
const IssueSummary = Type.Object(
  {
    code: Type.String({ minLength: 1 }),
    path: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type IssueSummary = Static<typeof IssueSummary>;

export const CoIssuedPayload = Type.Object({ certificate: Document }, { additionalProperties: false });
export const CoReplacedPayload = Type.Object(
  { certificate: Document, replaced: Type.Object(CertificateRef, { additionalProperties: false }), reason: Type.Optional(Type.String({ maxLength: 512 })) },
  { additionalProperties: false },
);
export const CoCancelledPayload = Type.Object(
  { ...CertificateRef, reasonCode: Type.String({ minLength: 1, maxLength: 35 }), reason: Type.Optional(Type.String({ maxLength: 512 })), cancelledAt: Timestamp },
  { additionalProperties: false },
);
export const CoUtilisationPayload = Type.Object(
  {
    ...CertificateRef,
    declarationReference: Type.String({ minLength: 1, maxLength: 70 }),
    decision: Type.Union([Type.Literal('granted'), Type.Literal('denied'), Type.Literal('partially-granted')]),
    items: Type.Array(
      Type.Object(
        {
          itemNumber: Type.Integer({ minimum: 1 }),
          quantity: Type.Optional(Type.Number({ minimum: 0 })),
          unitCode: Type.Optional(Type.String({ maxLength: 3 })),
          decision: Type.Union([Type.Literal('granted'), Type.Literal('denied')]),
          reasonCodes: Type.Array(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    decidedAt: Timestamp,
  },
  { additionalProperties: false },
);
export const VerificationRequestPayload = Type.Object(
  {
    ...CertificateRef,
    requestId: Type.String({ minLength: 1, maxLength: 70 }),
    itemNumbers: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
    reasons: Type.Array(Type.Object({ code: Type.String({ minLength: 1 }), text: Type.Optional(Type.String({ maxLength: 2048 })) }, { additionalProperties: false }), { minItems: 1 }),
    replyBy: DateString,
    requestedAt: Timestamp,
  },
  { additionalProperties: false },
);
export const VerificationResponsePayload = Type.Object(
  {
    ...CertificateRef,
    requestId: Type.String({ minLength: 1, maxLength: 70 }),
    outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('not-confirmed'), Type.Literal('partially-confirmed')]),
    items: Type.Optional(Type.Array(Type.Object({ itemNumber: Type.Integer({ minimum: 1 }), confirmed: Type.Boolean(), finding: Type.Optional(Type.String({ maxLength: 2048 })) }, { additionalProperties: false }))),
    findings: Type.String({ maxLength: 8192 }),
    attachments: Type.Optional(Type.Array(Type.Object({ name: Type.String(), mediaType: Type.String(), content: Type.String({ contentEncoding: 'base64' }) }, { additionalProperties: false }))),
    answeredAt: Timestamp,
  },
  { additionalProperties: false },
);
export const DeclarationIssuedPayload = Type.Object({ declaration: Document }, { additionalProperties: false });
export const PullRequestPayload = Type.Object({ ...CertificateRef, verificationCode: Type.Optional(Type.String({ maxLength: 35 })) }, { additionalProperties: false });
export const PullResponsePayload = Type.Union([
  Type.Object({ found: Type.Literal(true), certificate: Document, originalMessageId: Type.Optional(MessageIdSchema) }, { additionalProperties: false }),
  Type.Object({ found: Type.Literal(false), reason: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
]);
export const ReceiptPayload = Type.Object(
  {
    messageId: Type.String({ format: 'uuid', pattern: messageIdPattern, description: 'The acknowledged message' }),
    receivedDigest: Type.String({ pattern: '^sha-256:[A-Za-z0-9_-]{43}$', description: 'SHA-256 of the exact bytes received' }),
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
    issues: Type.Array(IssueSummary),
    receivedAt: Timestamp,
  },
  { additionalProperties: false },
);

/** The payload schema of each kind. */
export const payloadSchemas = {
  'co.issued': CoIssuedPayload,
  'co.replaced': CoReplacedPayload,
  'co.cancelled': CoCancelledPayload,
  'co.utilisation': CoUtilisationPayload,
  'verification.request': VerificationRequestPayload,
  'verification.response': VerificationResponsePayload,
  'declaration.issued': DeclarationIssuedPayload,
  'pull.request': PullRequestPayload,
  'pull.response': PullResponsePayload,
  receipt: ReceiptPayload,
} as const satisfies Record<MessageKind, TSchema>;

export type PayloadOf<K extends MessageKind> = Static<(typeof payloadSchemas)[K]>;
export type ReceiptPayload = Static<typeof ReceiptPayload>;
