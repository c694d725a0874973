/**
 * How the national API shows a claim and a certificate's utilisation: the stored rows with their
 * JSON columns parsed, quantities as decimals and times as ISO 8601, with the TypeBox schemas of
 * those shapes (responses are serialised through them, and OpenAPI documents them).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ClaimRow, UtilisationRow } from '@originlink/store';
import { toMicro } from '../certificate-row.js';
import { iso } from '../../http/schemas.js';
import { parseItems, parseReasons } from './claim-record.js';
import { ClaimItemSchema } from './claim-request.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ClaimReasonSchema = Type.Object({
  code: Type.String({ description: 'Stable reason code (docs/reference/errors.md, claim decision reasons)' }),
  effect: Type.Union([Type.Literal('reject'), Type.Literal('review'), Type.Literal('info')]),
  itemLine: Type.Optional(Type.Integer({ description: 'The claimed line the reason is about; absent: the whole certificate' })),
  params: Type.Record(Type.String(), Type.Unknown()),
  message: Type.String(),
});

export const ClaimViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  certificateId: Nullable(Type.String({ format: 'uuid' })),
  certificateNumber: Type.String(),
  issuingCountry: Type.String(),
  declarationReference: Type.String(),
  declarationDate: Type.String({ format: 'date' }),
  importer: Type.Object({ name: Nullable(Type.String()), id: Nullable(Type.String()) }),
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('manual-review')]),
  status: Type.String({ description: 'decided, review, post-clearance-review or recovery-of-duties' }),
  reasons: Type.Array(ClaimReasonSchema),
  items: Type.Array(Type.Object({
    line: Type.Integer(),
    claimed: ClaimItemSchema,
    itemNumber: Nullable(Type.Integer({ description: 'The certificate item matched' })),
    matchedBy: Nullable(Type.Union([Type.Literal('itemNumber'), Type.Literal('hsCode')])),
    quantity: Nullable(Type.Number({ description: 'What the line consumes of the certificate item when accepted (consumed if it was)' })),
    unitCode: Nullable(Type.String()),
    decision: Type.Union([Type.Literal('granted'), Type.Literal('denied'), Type.Literal('review')]),
    reasonCodes: Type.Array(Type.String()),
  })),
  noticeMessageId: Nullable(Type.String({ description: 'The co.utilisation message sent to the issuing side' })),
  actor: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ClaimView = Static<typeof ClaimViewSchema>;

export function claimView(row: ClaimRow): ClaimView {
  return {
    id: row.id, certificateId: row.certificateId, certificateNumber: row.certificateNumber, issuingCountry: row.issuingCountry,
    declarationReference: row.declarationReference, declarationDate: row.declarationDate, importer: { name: row.importerName, id: row.importerId },
    decision: row.decision, status: row.status,
    reasons: parseReasons(row).map((r) => ({ ...r, params: { ...r.params } })),
    items: parseItems(row).map((i) => ({ line: i.line, claimed: i.claimed, itemNumber: i.itemNumber, matchedBy: i.matchedBy, quantity: i.useMicro === null ? null : i.useMicro / 1_000_000, unitCode: i.unitCode, decision: i.decision, reasonCodes: [...i.reasonCodes] })),
    noticeMessageId: row.noticeMessageId, actor: row.actor, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

const NoticeItemSchema = Type.Object({
  itemNumber: Type.Integer(),
  quantity: Type.Optional(Type.Number()),
  unitCode: Type.Optional(Type.String()),
  decision: Type.Union([Type.Literal('granted'), Type.Literal('denied')]),
  reasonCodes: Type.Array(Type.String()),
});
type NoticeItem = Static<typeof NoticeItemSchema>;

export const UtilisationViewSchema = Type.Object({
  certificateId: Type.String({ format: 'uuid' }),
  number: Type.String(),
  used: Type.Array(Type.Object({ itemNumber: Type.Integer(), quantity: Type.Number(), unitCode: Type.String() }), { description: 'Per item and unit: the total granted' }),
  notices: Type.Array(Type.Object({
    id: Type.String(),
    messageId: Type.String(),
    partnerCountry: Type.String(),
    declarationReference: Type.String(),
    decision: Type.Union([Type.Literal('granted'), Type.Literal('denied'), Type.Literal('partially-granted')]),
    items: Type.Array(NoticeItemSchema),
    decidedAt: Type.String({ format: 'date-time' }),
    receivedAt: Type.String({ format: 'date-time' }),
  })),
});
export type UtilisationView = Static<typeof UtilisationViewSchema>;

export function utilisationView(certificate: { id: string; number: string }, rows: readonly UtilisationRow[]): UtilisationView {
  const notices = rows.map((r) => ({ id: r.id, messageId: r.messageId, partnerCountry: r.partnerCountry, declarationReference: r.declarationReference, decision: r.decision, items: JSON.parse(r.items) as NoticeItem[], decidedAt: iso(r.decidedAt), receivedAt: iso(r.receivedAt) }));
  // Summed in millionths: decimal quantities added as floats drift.
  const totals = new Map<string, { itemNumber: number; unitCode: string; micro: number }>();
  for (const n of notices) {
    for (const i of n.items) {
      if (i.decision !== 'granted' || i.quantity === undefined || i.unitCode === undefined) continue;
      const key = `${i.itemNumber}/${i.unitCode}`;
      const t = totals.get(key) ?? { itemNumber: i.itemNumber, unitCode: i.unitCode, micro: 0 };
      totals.set(key, { ...t, micro: t.micro + toMicro(i.quantity) });
    }
  }
  const used = [...totals.values()].sort((a, b) => a.itemNumber - b.itemNumber).map((t) => ({ itemNumber: t.itemNumber, quantity: t.micro / 1_000_000, unitCode: t.unitCode }));
  return { certificateId: certificate.id, number: certificate.number, used, notices };
}
