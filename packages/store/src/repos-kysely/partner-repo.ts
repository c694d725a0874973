/** Partner gateways (one per country) and their pinned keys; keys rotate by adding and removing kids. */
import type { Selectable } from 'kysely';
import type { PartnerKeyRow, PartnerRepo, PartnerRow } from '../repos/partner-repo.js';
import type { PartnerKeysTable, PartnersTable } from '../schema/database.js';
import type { Db } from './kysely-helpers.js';

function toPartner(r: Selectable<PartnersTable>): PartnerRow {
  return {
    country: r.country, gatewayId: r.gateway_id, name: r.name, endpoint: r.endpoint,
    agreements: JSON.parse(r.agreements) as string[], addedAt: r.added_at, updatedAt: r.updated_at,
  };
}

function toKey(r: Selectable<PartnerKeysTable>): PartnerKeyRow {
  return {
    country: r.country, gatewayId: r.gateway_id, kid: r.kid, alg: r.alg as PartnerKeyRow['alg'], jwk: r.jwk,
    thumbprint: r.thumbprint, notBefore: r.not_before, notAfter: r.not_after, addedAt: r.added_at,
  };
}

export class KyselyPartnerRepo implements PartnerRepo {
  constructor(private readonly db: Db) {}

  /** Inserts or updates by country; an update keeps the original addedAt. */
  async upsert(p: PartnerRow): Promise<void> {
    const changes = { gateway_id: p.gatewayId, name: p.name, endpoint: p.endpoint, agreements: JSON.stringify(p.agreements), updated_at: p.updatedAt };
    await this.db.insertInto('partners').values({ country: p.country, added_at: p.addedAt, ...changes })
      .onConflict((oc) => oc.column('country').doUpdateSet(changes)).execute();
  }

  async get(country: string): Promise<PartnerRow | undefined> {
    const row = await this.db.selectFrom('partners').selectAll().where('country', '=', country).executeTakeFirst();
    return row && toPartner(row);
  }

  async list(): Promise<readonly PartnerRow[]> {
    return (await this.db.selectFrom('partners').selectAll().orderBy('country').execute()).map(toPartner);
  }

  /** Adds or replaces the key; the partner must exist (StoreError 'constraint' otherwise). */
  async putKey(k: PartnerKeyRow): Promise<void> {
    const changes = { alg: k.alg, jwk: k.jwk, thumbprint: k.thumbprint, not_before: k.notBefore, not_after: k.notAfter, added_at: k.addedAt };
    await this.db.insertInto('partner_keys').values({ country: k.country, gateway_id: k.gatewayId, kid: k.kid, ...changes })
      .onConflict((oc) => oc.columns(['country', 'gateway_id', 'kid']).doUpdateSet(changes)).execute();
  }

  /** Oldest first. */
  async keys(country: string, gatewayId: string): Promise<readonly PartnerKeyRow[]> {
    const rows = await this.db.selectFrom('partner_keys').selectAll().where('country', '=', country)
      .where('gateway_id', '=', gatewayId).orderBy('added_at').orderBy('kid').execute();
    return rows.map(toKey);
  }

  async removeKey(country: string, gatewayId: string, kid: string): Promise<void> {
    await this.db.deleteFrom('partner_keys').where('country', '=', country).where('gateway_id', '=', gatewayId).where('kid', '=', kid).execute();
  }
}
