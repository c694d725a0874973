/** The registry of approved and registered exporters, upserted by id and listed in id order. */
import type { Selectable } from 'kysely';
import type { ExporterRepo, ExporterRow } from '../repos/exporter-repo.js';
import type { ExportersTable } from '../schema/database.js';
import type { Db } from './kysely-helpers.js';

function toRow(r: Selectable<ExportersTable>): ExporterRow {
  return {
    id: r.id, name: r.name, country: r.country, authorisationType: r.authorisation_type as ExporterRow['authorisationType'],
    validFrom: r.valid_from, validUntil: r.valid_until, status: r.status as ExporterRow['status'], updatedAt: r.updated_at,
  };
}

export class KyselyExporterRepo implements ExporterRepo {
  constructor(private readonly db: Db) {}

  async upsert(e: ExporterRow): Promise<void> {
    const changes = {
      name: e.name, country: e.country, authorisation_type: e.authorisationType, valid_from: e.validFrom,
      valid_until: e.validUntil, status: e.status, updated_at: e.updatedAt,
    };
    await this.db.insertInto('exporters').values({ id: e.id, ...changes })
      .onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
  }

  async get(id: string): Promise<ExporterRow | undefined> {
    const row = await this.db.selectFrom('exporters').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async list(limit: number): Promise<readonly ExporterRow[]> {
    const rows = await this.db.selectFrom('exporters').selectAll().orderBy('id').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toRow);
  }
}
