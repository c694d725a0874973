/** Preference claims (importing side); unique per certificate and declaration, listed newest first. */
import type { Selectable } from 'kysely';
import type { ClaimDecision, ClaimFilter, ClaimRepo, ClaimRow, ClaimStatus } from '../repos/claim-repo.js';
import type { ClaimsTable } from '../schema/database.js';
import type { Db } from './kysely-helpers.js';

function toRow(r: Selectable<ClaimsTable>): ClaimRow {
  return {
    id: r.id, certificateId: r.certificate_id, certificateNumber: r.certificate_number, issuingCountry: r.issuing_country,
    declarationReference: r.declaration_reference, declarationDate: r.declaration_date, importerName: r.importer_name,
    importerId: r.importer_id, decision: r.decision as ClaimDecision, status: r.status as ClaimStatus, reasons: r.reasons,
    items: r.items, noticeMessageId: r.notice_message_id, actor: r.actor, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export class KyselyClaimRepo implements ClaimRepo {
  constructor(private readonly db: Db) {}

  async insert(c: Omit<ClaimRow, 'updatedAt'>): Promise<void> {
    await this.db.insertInto('claims').values({
      id: c.id, certificate_id: c.certificateId, certificate_number: c.certificateNumber, issuing_country: c.issuingCountry,
      declaration_reference: c.declarationReference, declaration_date: c.declarationDate, importer_name: c.importerName,
      importer_id: c.importerId, decision: c.decision, status: c.status, reasons: c.reasons, items: c.items,
      notice_message_id: c.noticeMessageId, actor: c.actor, created_at: c.createdAt, updated_at: c.createdAt,
    }).execute();
  }

  async get(id: string): Promise<ClaimRow | undefined> {
    const row = await this.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async find(issuingCountry: string, certificateNumber: string, declarationReference: string): Promise<ClaimRow | undefined> {
    const row = await this.db.selectFrom('claims').selectAll().where('issuing_country', '=', issuingCountry)
      .where('certificate_number', '=', certificateNumber).where('declaration_reference', '=', declarationReference).executeTakeFirst();
    return row && toRow(row);
  }

  async list(filter: ClaimFilter, limit: number): Promise<readonly ClaimRow[]> {
    let query = this.db.selectFrom('claims').selectAll();
    if (filter.certificateId !== undefined) query = query.where('certificate_id', '=', filter.certificateId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.decision !== undefined) query = query.where('decision', '=', filter.decision);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toRow);
  }

  async update(id: string, change: Partial<Pick<ClaimRow, 'decision' | 'status' | 'reasons' | 'items' | 'noticeMessageId'>>, at: number, options: { readonly fromStatus?: readonly ClaimStatus[] } = {}): Promise<boolean> {
    let query = this.db.updateTable('claims').set({
      updated_at: at,
      ...(change.decision === undefined ? {} : { decision: change.decision }),
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.reasons === undefined ? {} : { reasons: change.reasons }),
      ...(change.items === undefined ? {} : { items: change.items }),
      ...(change.noticeMessageId === undefined ? {} : { notice_message_id: change.noticeMessageId }),
    }).where('id', '=', id);
    if (options.fromStatus !== undefined) {
      if (options.fromStatus.length === 0) return false;
      query = query.where('status', 'in', [...options.fromStatus]);
    }
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
