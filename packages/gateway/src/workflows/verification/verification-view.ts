/**
 * What the national API shows of a verification, on either side. Two things are derived rather than
 * stored: `overdue` (replyBy has passed without an answer) and, for a request we sent, the
 * `acknowledged` state, read from the partner's signed receipt for the request. The dispatcher
 * records receipts for every kind without knowing about verifications, so the receipt itself is the
 * acknowledgement; the stored row records it (acknowledgedAt) when the answer arrives.
 */
import type { ReceiptRow, VerificationFilter, VerificationRow, VerificationState } from '@originlink/store';
import { utcDate, type GatewayContext } from '../../gateway-context.js';

export interface VerificationView {
  readonly id: string;
  readonly requestId: string;
  readonly direction: 'outbound' | 'inbound';
  readonly partnerCountry: string;
  readonly certificateId: string | null;
  readonly certificateNumber: string;
  readonly issuingCountry: string;
  readonly itemNumbers: number[];
  readonly reasons: { code: string; text?: string }[];
  readonly replyBy: string;
  readonly state: VerificationState;
  readonly overdue: boolean;
  readonly outcome: string | null;
  readonly findings: string | null;
  /** The verification.response payload, once answered. */
  readonly response: Record<string, unknown> | null;
  readonly requestMessageId: string;
  readonly responseMessageId: string | null;
  readonly requestedAt: string;
  readonly acknowledgedAt: string | null;
  readonly answeredAt: string | null;
  /** The partner's receipt for the message we sent (outbound: the request; inbound: the response). */
  readonly partnerReceipt: { outcome: string; codes: string[]; at: string } | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The state and acknowledgement time, with the receipt of an outbound request taken into account. */
export function derivedState(row: VerificationRow, requestReceipt: ReceiptRow | undefined): { state: VerificationState; acknowledgedAt: number | null } {
  if (row.direction === 'outbound' && row.state === 'requested' && requestReceipt?.outcome === 'accepted') return { state: 'acknowledged', acknowledgedAt: requestReceipt.createdAt };
  return { state: row.state, acknowledgedAt: row.acknowledgedAt };
}

/** Overdue: the reply date has passed (it is before `today`) and no answer was recorded. */
export function isOverdue(row: Pick<VerificationRow, 'state' | 'replyBy'>, today: string): boolean {
  return row.state !== 'answered' && row.replyBy < today;
}

export async function verificationView(ctx: GatewayContext, row: VerificationRow): Promise<VerificationView> {
  const ours = row.direction === 'outbound' ? row.requestMessageId : row.responseMessageId;
  const receipt = ours === null ? undefined : await ctx.store.receipts.getReceived(ours);
  const { state, acknowledgedAt } = derivedState(row, row.direction === 'outbound' ? receipt : undefined);
  return {
    id: row.id,
    requestId: row.requestId,
    direction: row.direction,
    partnerCountry: row.partnerCountry,
    certificateId: row.certificateId,
    certificateNumber: row.certificateNumber,
    issuingCountry: row.issuingCountry,
    itemNumbers: JSON.parse(row.itemNumbers) as number[],
    reasons: JSON.parse(row.reasons) as { code: string; text?: string }[],
    replyBy: row.replyBy,
    state,
    overdue: isOverdue(row, utcDate(ctx.clock())),
    outcome: row.outcome,
    findings: row.findings,
    response: row.response === null ? null : (JSON.parse(row.response) as Record<string, unknown>),
    requestMessageId: row.requestMessageId,
    responseMessageId: row.responseMessageId,
    requestedAt: new Date(row.requestedAt).toISOString(),
    acknowledgedAt: iso(acknowledgedAt),
    answeredAt: iso(row.answeredAt),
    partnerReceipt: receipt ? { outcome: receipt.outcome, codes: (JSON.parse(receipt.issues) as { code: string }[]).map((i) => i.code), at: new Date(receipt.createdAt).toISOString() } : null,
  };
}

export interface VerificationQuery {
  readonly direction?: 'outbound' | 'inbound';
  readonly state?: VerificationState;
  readonly overdue?: boolean;
  readonly certificateId?: string;
}

/**
 * Lists verifications newest first, filtered on the derived state: a request stored as `requested`
 * may show as `acknowledged`, so both stored states are read when either is asked for.
 */
export async function listVerifications(ctx: GatewayContext, query: VerificationQuery, limit: number): Promise<VerificationView[]> {
  const base: VerificationFilter = { ...(query.direction ? { direction: query.direction } : {}), ...(query.certificateId ? { certificateId: query.certificateId } : {}) };
  const open = query.overdue === true || query.state === 'requested' || query.state === 'acknowledged';
  const stored: (VerificationState | undefined)[] = open ? ['requested', 'acknowledged'] : [query.state];
  const rows = (await Promise.all(stored.map((state) => ctx.store.verifications.list({ ...base, ...(state ? { state } : {}) }, limit)))).flat();
  rows.sort((a, b) => b.requestedAt - a.requestedAt || (a.id < b.id ? 1 : -1));
  const views: VerificationView[] = [];
  for (const row of rows) {
    const view = await verificationView(ctx, row);
    if (query.state !== undefined && view.state !== query.state) continue;
    if (query.overdue !== undefined && view.overdue !== query.overdue) continue;
    views.push(view);
    if (views.length === limit) break;
  }
  return views;
}
