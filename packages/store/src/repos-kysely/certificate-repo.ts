/**
 * Certificates and their goods items. Insert writes the certificate, its items and its version 1
 * atomically; search is keyset-paginated newest first on (created_at, id), with name filters on
 * the folded search columns and the HS code filter as a range on the items' hs_code index.
 * Partial utilisation is one conditional UPDATE, so it never over-uses under concurrency.
 */
import { sql, type Selectable } from 'kysely';
import type {
  CertificateFilter, CertificateItemRow, CertificateLifecycle, CertificateRepo, CertificateRow, CertificateStatus,
  CertificateVersionRow, LifecycleChange, NewCertificate, Page, VerificationStatus,
} from '../repos/certificate-repo.js';
import type { CertificatesTable } from '../schema/database.js';
import { StoreError } from '../store-error.js';
import { amendCertificate } from './certificate-amend.js';
import { documentColumns, itemValues, toCertificateRow, toItemRow, toVersionRow, versionValues } from './certificate-rows.js';
import { affected, atomically, executeCached, insertRow, type Db } from './kysely-helpers.js';
import { encodeCursor, requireCursor } from './page-cursor.js';
import { containsPattern, prefixUpperBound } from './search-text.js';

export class KyselyCertificateRepo implements CertificateRepo {
  constructor(private readonly db: Db) {}

  async insert(c: NewCertificate): Promise<void> {
    await atomically(this.db, async (db) => {
      await insertRow(db, 'certificates', {
        id: c.id, direction: c.direction, source: c.source, ...documentColumns(c),
        version: c.version ?? 1, created_at: c.createdAt, updated_at: c.createdAt,
      });
      for (const item of itemValues(c.id, c.items)) await insertRow(db, 'certificate_items', item);
      await insertRow(db, 'certificate_versions', versionValues(c, c.version ?? 1));
    });
  }

  async get(id: string): Promise<CertificateRow | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCertificateRow(row);
  }

  async findByNumber(issuingCountry: string, number: string): Promise<CertificateRow | undefined> {
    const { rows } = await executeCached<Selectable<CertificatesTable>>(this.db, 'certificates:findByNumber', [issuingCountry, number], () =>
      this.db.selectFrom('certificates').selectAll().where('issuing_country', '=', issuingCountry).where('number', '=', number).compile());
    const row = rows[0];
    return row && toCertificateRow(row);
  }

  async items(id: string): Promise<readonly CertificateItemRow[]> {
    const rows = await this.db.selectFrom('certificate_items').selectAll()
      .where('certificate_id', '=', id).orderBy('item_number').execute();
    return rows.map(toItemRow);
  }

  async search(filter: CertificateFilter, limit: number, cursor?: string): Promise<Page<CertificateRow>> {
    const after = cursor === undefined ? undefined : requireCursor(cursor);
    const size = Math.max(1, Math.floor(limit));
    let query = this.db.selectFrom('certificates').selectAll();
    if (filter.direction !== undefined) query = query.where('direction', '=', filter.direction);
    if (filter.number !== undefined) query = query.where('number', '=', filter.number);
    if (filter.issuingCountry !== undefined) query = query.where('issuing_country', '=', filter.issuingCountry);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.lifecycle !== undefined) query = query.where('lifecycle', '=', filter.lifecycle);
    if (filter.issuedFrom !== undefined) query = query.where('issue_date', '>=', filter.issuedFrom);
    if (filter.issuedTo !== undefined) query = query.where('issue_date', '<=', filter.issuedTo);
    if (filter.exporter !== undefined) query = query.where(sql<boolean>`exporter_search like ${containsPattern(filter.exporter)} escape '\\'`);
    if (filter.importer !== undefined) query = query.where(sql<boolean>`importer_search like ${containsPattern(filter.importer)} escape '\\'`);
    const hsCode = filter.hsCode;
    if (hsCode !== undefined && hsCode !== '') {
      query = query.where('id', 'in', (eb) => eb.selectFrom('certificate_items').select('certificate_id')
        .where('hs_code', '>=', hsCode).where('hs_code', '<', prefixUpperBound(hsCode)));
    }
    if (after) {
      query = query.where((eb) => eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(size + 1).execute();
    const items = rows.slice(0, size).map(toCertificateRow);
    const last = items.at(-1);
    return rows.length > size && last ? { items, next: encodeCursor(last) } : { items };
  }

  async setStatus(id: string, status: CertificateStatus, at: number): Promise<void> {
    await this.db.updateTable('certificates').set({ status, updated_at: at }).where('id', '=', id).execute();
  }

  /** A cancellation keeps the time of the first one (cancelling again changes nothing but the reason). */
  async setLifecycle(id: string, change: LifecycleChange, at: number, options: { readonly from?: readonly CertificateLifecycle[] } = {}): Promise<boolean> {
    if (options.from?.length === 0) return false;
    let query = this.db.updateTable('certificates').set({
      lifecycle: change.lifecycle, updated_at: at,
      ...(change.replacedById === undefined ? {} : { replaced_by_id: change.replacedById }),
      ...(change.replacesId === undefined ? {} : { replaces_id: change.replacesId }),
      ...(change.cancelReason === undefined ? {} : { cancel_reason: change.cancelReason }),
      ...(change.lifecycle === 'cancelled' ? { cancelled_at: sql<number>`coalesce(cancelled_at, ${at})` } : {}),
    }).where('id', '=', id);
    if (options.from) query = query.where('lifecycle', 'in', [...options.from]);
    return affected(await query.executeTakeFirst()) > 0;
  }

  async setVerificationStatus(id: string, status: VerificationStatus | null, at: number): Promise<void> {
    await this.db.updateTable('certificates').set({ verification_status: status, updated_at: at }).where('id', '=', id).execute();
  }

  async setMessage(id: string, messageId: string, at: number): Promise<void> {
    await this.db.updateTable('certificates').set({ message_id: messageId, updated_at: at }).where('id', '=', id).execute();
  }

  async amend(id: string, amended: NewCertificate & { readonly version: number }, at: number): Promise<void> {
    await amendCertificate(this.db, id, amended, at);
  }

  async versions(id: string): Promise<readonly CertificateVersionRow[]> {
    const rows = await this.db.selectFrom('certificate_versions').selectAll().where('certificate_id', '=', id).orderBy('version').execute();
    return rows.map(toVersionRow);
  }

  /**
   * One conditional UPDATE: the check and the increment are a single statement, so concurrent
   * claims (on one connection or on several instances, where PostgreSQL re-checks the condition on
   * the row it waited for) never use more than the usable measure. `at` is not stored: the claim
   * row records when. Does not touch the certificate row, so claims on several items of one
   * certificate in different transactions take no common lock.
   */
  async useQuantity(id: string, itemNumber: number, micro: number): Promise<boolean> {
    if (!Number.isSafeInteger(micro) || micro < 0) throw new StoreError('constraint', `a used quantity is a non-negative integer of millionths, not ${micro}`);
    const result = await this.db.updateTable('certificate_items')
      .set((eb) => ({ used_micro: eb('used_micro', '+', micro) }))
      .where('certificate_id', '=', id).where('item_number', '=', itemNumber).where('usable_micro', 'is not', null)
      .where((eb) => eb(eb('used_micro', '+', micro), '<=', eb.ref('usable_micro')))
      .executeTakeFirst();
    return affected(result) === 1;
  }
}
