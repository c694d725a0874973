/**
 * Retroactive verification requests, both directions. `transition` is compare-and-set (one
 * UPDATE ... WHERE id = ? AND state IN (...)): of two concurrent answers to one request, on one
 * instance or several, exactly one applies.
 */
import type { Selectable } from 'kysely';
import type {
  VerificationFilter, VerificationOutcome, VerificationRepo, VerificationRow, VerificationState,
} from '../repos/verification-repo.js';
import type { VerificationsTable } from '../schema/database.js';
import { affected, type Db } from './kysely-helpers.js';

type Change = Parameters<VerificationRepo['transition']>[2];

function toRow(r: Selectable<VerificationsTable>): VerificationRow {
  return {
    id: r.id, requestId: r.request_id, direction: r.direction as VerificationRow['direction'], partnerCountry: r.partner_country,
    certificateId: r.certificate_id, certificateNumber: r.certificate_number, issuingCountry: r.issuing_country,
    itemNumbers: r.item_numbers, reasons: r.reasons, replyBy: r.reply_by, state: r.state as VerificationState,
    outcome: r.outcome as VerificationOutcome | null, findings: r.findings, response: r.response,
    requestMessageId: r.request_message_id, responseMessageId: r.response_message_id, requestedAt: r.requested_at,
    acknowledgedAt: r.acknowledged_at, answeredAt: r.answered_at,
  };
}

/** The columns a transition sets: only the fields present in `change`. */
function changedColumns(c: Change): Partial<Selectable<VerificationsTable>> {
  const columns: Partial<Selectable<VerificationsTable>> = {};
  if (c.state !== undefined) columns.state = c.state;
  if (c.outcome !== undefined) columns.outcome = c.outcome;
  if (c.findings !== undefined) columns.findings = c.findings;
  if (c.response !== undefined) columns.response = c.response;
  if (c.responseMessageId !== undefined) columns.response_message_id = c.responseMessageId;
  if (c.acknowledgedAt !== undefined) columns.acknowledged_at = c.acknowledgedAt;
  if (c.answeredAt !== undefined) columns.answered_at = c.answeredAt;
  if (c.certificateId !== undefined) columns.certificate_id = c.certificateId;
  return columns;
}

export class KyselyVerificationRepo implements VerificationRepo {
  constructor(private readonly db: Db) {}

  async insert(v: VerificationRow): Promise<void> {
    await this.db.insertInto('verifications').values({
      id: v.id, request_id: v.requestId, direction: v.direction, partner_country: v.partnerCountry,
      certificate_id: v.certificateId, certificate_number: v.certificateNumber, issuing_country: v.issuingCountry,
      item_numbers: v.itemNumbers, reasons: v.reasons, reply_by: v.replyBy, state: v.state, outcome: v.outcome,
      findings: v.findings, response: v.response, request_message_id: v.requestMessageId,
      response_message_id: v.responseMessageId, requested_at: v.requestedAt, acknowledged_at: v.acknowledgedAt,
      answered_at: v.answeredAt,
    }).execute();
  }

  async get(id: string): Promise<VerificationRow | undefined> {
    const row = await this.db.selectFrom('verifications').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async find(direction: 'outbound' | 'inbound', partnerCountry: string, requestId: string): Promise<VerificationRow | undefined> {
    const row = await this.db.selectFrom('verifications').selectAll().where('direction', '=', direction)
      .where('partner_country', '=', partnerCountry).where('request_id', '=', requestId).executeTakeFirst();
    return row && toRow(row);
  }

  async list(filter: VerificationFilter, limit: number): Promise<readonly VerificationRow[]> {
    let query = this.db.selectFrom('verifications').selectAll();
    if (filter.direction !== undefined) query = query.where('direction', '=', filter.direction);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.certificateId !== undefined) query = query.where('certificate_id', '=', filter.certificateId);
    const rows = await query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toRow);
  }

  async transition(id: string, from: readonly VerificationState[], change: Change): Promise<boolean> {
    if (from.length === 0) return false;
    const columns = changedColumns(change);
    if (Object.keys(columns).length === 0) {
      // Nothing to set: the answer is whether the row is in an expected state.
      const row = await this.db.selectFrom('verifications').select('id').where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
      return row !== undefined;
    }
    const result = await this.db.updateTable('verifications').set(columns)
      .where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
    return affected(result) === 1;
  }
}
