/**
 * The shape of a preference claim (POST /api/v1/claims) and of an officer's decision, as TypeBox
 * schemas: Fastify validates requests with them and the OpenAPI document is generated from them.
 */
import { Type, type Static } from '@sinclair/typebox';

const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

export const ClaimItemSchema = Type.Object(
  {
    line: Type.Integer({ minimum: 1, description: 'The item\'s line on the import declaration (unique within the claim)' }),
    itemNumber: Type.Optional(Type.Integer({ minimum: 1, description: 'The certificate item claimed; absent: matched by HS subheading, then invoice number' })),
    hsCode: Type.String({ pattern: '^[0-9]{6,12}$', description: 'Declared tariff code; the first 6 digits are compared' }),
    hsVersion: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'HS edition of hsCode; default 2022' })),
    quantity: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Quantity claimed (at most 6 decimals are kept), consumed from the certificate item when accepted; requires unitCode' })),
    unitCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,3}$', description: 'UN/ECE Rec 20 unit of quantity' })),
    value: Type.Optional(Type.Number({ minimum: 0 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    invoiceNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 70 })),
  },
  { additionalProperties: false },
);

export const ClaimRequestSchema = Type.Object(
  {
    certificateNumber: Type.String({ minLength: 1, maxLength: 70 }),
    issuingCountry: CountryCode,
    agreement: Type.Optional(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', maxLength: 35, description: 'Agreement code; needed when the certificate was not received and the issuing country\'s partner has several agreements' })),
    declarationReference: Type.String({ minLength: 1, maxLength: 70, description: 'The import declaration; with the certificate, the claim\'s idempotency key' }),
    declarationDate: Type.String({ format: 'date', description: 'Checked against the certificate\'s validity period' }),
    importer: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })), id: Type.Optional(Type.String({ minLength: 1, maxLength: 70 })) }, { additionalProperties: false }),
    items: Type.Array(ClaimItemSchema, { minItems: 1, maxItems: 999 }),
  },
  { additionalProperties: false },
);

export type ClaimRequest = Static<typeof ClaimRequestSchema>;
export type ClaimItemRequest = Static<typeof ClaimItemSchema>;

export const OfficerDecisionSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
    note: Type.String({ minLength: 1, maxLength: 2048, description: 'Why: kept with the claim and in the audit log' }),
  },
  { additionalProperties: false },
);

export type OfficerDecision = Static<typeof OfficerDecisionSchema>;
