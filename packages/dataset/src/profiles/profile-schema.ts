/**
 * The agreement profile: what two or more FTA partners agree on for one agreement and form —
 * parties, models, dataset version and element usage, constrained code lists, validity, lifecycle
 * options, and the transport and security settings. Profiles are YAML or JSON files validated
 * against this schema (TypeBox, compiled once with ajv).
 */
import { Type, type Static } from '@sinclair/typebox';

const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const OriginCriterionRule = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20, description: 'The code as printed on the form (WO, RVC, CTH, ...).' }),
    description: Type.Optional(Type.String()),
    percentage: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('optional')], { description: 'Whether a regional value content percentage follows the code ("RVC40%"). Absent: no percentage may be given.' })),
    fobRequired: Type.Optional(Type.Boolean({ description: 'Whether the FOB value must be shown for items under this criterion.' })),
  },
  { additionalProperties: false },
);

export const ProfileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Stable identifier, e.g. atiga-form-d.' }),
    title: Type.String({ minLength: 1 }),
    agreement: Type.Object(
      {
        code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', description: 'Value of header.agreementCode.' }),
        name: Type.String({ minLength: 1 }),
        legalBasis: Type.String({ description: 'The legal instrument(s): agreement, annex, operational certification procedures.' }),
        inForceSince: Type.Optional(DateString),
      },
      { additionalProperties: false },
    ),
    parties: Type.Array(CountryCode, { minItems: 2, uniqueItems: true }),
    models: Type.Array(Type.Union([Type.Literal('push'), Type.Literal('pull'), Type.Literal('self-declaration')]), { minItems: 1, uniqueItems: true }),
    datasetVersion: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    documentTypes: Type.Array(Type.Union([Type.Literal('861'), Type.Literal('862'), Type.Literal('864')]), { minItems: 1, uniqueItems: true, description: 'Allowed header.typeCode values.' }),
    formTypes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { uniqueItems: true, description: 'Allowed header.formType values; absent: any.' })),
    elements: Type.Object(
      {
        required: Type.Array(Type.String(), { uniqueItems: true, description: 'Catalogue keys the agreement makes mandatory.' }),
        notUsed: Type.Array(Type.String(), { uniqueItems: true, description: 'Catalogue keys the agreement does not use (a class excludes its subtree).' }),
      },
      { additionalProperties: false },
    ),
    originCriteria: Type.Array(OriginCriterionRule, { minItems: 1 }),
    additionalCriteria: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { uniqueItems: true, description: 'Second-line criteria (RCEP ACU, DMI).' })),
    hsDigits: Type.Optional(Type.Array(Type.Integer({ minimum: 6, maximum: 12 }), { uniqueItems: true, description: 'Accepted HS code lengths (RCEP: [6]). Absent: 6 to 12.' })),
    validity: Type.Object(
      {
        months: Type.Integer({ minimum: 1, maximum: 60, description: 'Validity of a proof of origin from its issue date.' }),
        days: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: 1825,
            description: 'Exact validity in days, for agreements that count days (ALADI: 180). When given, `months` must be the shortest whole number of months that never ends before it, so that a check by months is never stricter.',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    retroactive: Type.Object(
      {
        graceDays: Type.Integer({ minimum: 0, maximum: 30, description: 'Days after shipment within which a CO is not "issued retroactively".' }),
        maxMonths: Type.Integer({ minimum: 0, maximum: 24, description: 'Latest retroactive issuance after shipment.' }),
      },
      { additionalProperties: false },
    ),
    lifecycle: Type.Object(
      {
        amendment: Type.Union([Type.Literal('allowed'), Type.Literal('replacement-only')]),
        utilisationNotice: Type.Boolean({ description: 'Whether the importing side sends grant/denial (utilisation) notices back.' }),
        verificationReplyDays: Type.Integer({ minimum: 1, maximum: 365, description: 'Days the issuing side has to answer a retroactive verification request.' }),
        transition: Type.Optional(
          Type.Object(
            { cutOverDate: DateString },
            { additionalProperties: false, description: 'Until this date, a claim on a certificate whose data was not received goes to manual review (paper accepted).' },
          ),
        ),
        pull: Type.Optional(
          Type.Object(
            {
              verificationCode: Type.Boolean({ description: 'Whether a pull must quote header.verificationCode.' }),
              autoPullOnClaim: Type.Boolean({ description: 'Whether a claim on a certificate not received triggers a pull.' }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    exchange: Type.Object(
      {
        transport: Type.Literal('https', { description: 'HTTPS between gateways.' }),
        mutualTls: Type.Union([Type.Literal('required'), Type.Literal('optional')]),
        payloadFormat: Type.Union([Type.Literal('json'), Type.Literal('xml')]),
        signatureAlgorithms: Type.Array(Type.Union([Type.Literal('ES256'), Type.Literal('EdDSA')]), { minItems: 1, uniqueItems: true }),
        receiptTimeoutHours: Type.Integer({ minimum: 1, maximum: 720, description: 'Hours within which a signed receipt is expected.' }),
        retryHorizonDays: Type.Integer({ minimum: 1, maximum: 30, description: 'How long the sender keeps retrying delivery.' }),
        keyRotationDays: Type.Integer({ minimum: 30, maximum: 1825 }),
      },
      { additionalProperties: false },
    ),
    notes: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'https://originlink.dev/schema/agreement-profile.json' },
);

export type Profile = Static<typeof ProfileSchema>;
