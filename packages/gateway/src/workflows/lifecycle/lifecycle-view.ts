/**
 * What the national API answers after a replacement, amendment or cancellation: the certificate
 * the request created or changed, where it stands in its lifecycle, and the message that tells the
 * partner. One schema (for validation and OpenAPI) and one builder.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { CertificateRow } from '@originlink/store';
import { IssueSchema, iso } from '../../http/schemas.js';
import type { SubmissionWarning } from '../validate-submission.js';

export const LifecycleViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String(),
  issuingCountry: Type.String(),
  importingCountry: Type.String(),
  status: Type.String({ description: 'Delivery status of the latest message about the certificate' }),
  lifecycle: Type.Union([Type.Literal('active'), Type.Literal('replaced'), Type.Literal('cancelled')]),
  version: Type.Integer({ minimum: 1 }),
  messageId: Type.String({ format: 'uuid', description: 'The message that tells the partner (co.replaced, co.issued with the new version, co.cancelled)' }),
  replacesId: Type.Union([Type.String(), Type.Null()]),
  replacedById: Type.Union([Type.String(), Type.Null()]),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  warnings: Type.Array(IssueSchema),
});
export type LifecycleView = Static<typeof LifecycleViewSchema>;

/** 202 when the request changed something (a message is queued), 200 when it repeats an earlier one. */
export interface LifecycleResult {
  readonly status: 200 | 202;
  readonly body: LifecycleView;
}

export function lifecycleView(row: CertificateRow, messageId: string, warnings: readonly SubmissionWarning[] = []): LifecycleView {
  return {
    id: row.id, number: row.number, issuingCountry: row.issuingCountry, importingCountry: row.importingCountry, status: row.status,
    lifecycle: row.lifecycle, version: row.version, messageId, replacesId: row.replacesId, replacedById: row.replacedById,
    cancelledAt: row.cancelledAt === null ? null : iso(row.cancelledAt), cancelReason: row.cancelReason, warnings: [...warnings],
  };
}
