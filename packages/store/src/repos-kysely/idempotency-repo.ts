/** Idempotency records of national API submissions, unique on (scope, key). */
import type { Selectable } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepo } from '../repos/idempotency-repo.js';
import type { IdempotencyKeysTable } from '../schema/database.js';
import { affected, type Db } from './kysely-helpers.js';

function toRecord(r: Selectable<IdempotencyKeysTable>): IdempotencyRecord {
  return { scope: r.scope, key: r.key, requestDigest: r.request_digest, status: r.status, response: r.response, createdAt: r.created_at };
}

function toValues(r: IdempotencyRecord): IdempotencyKeysTable {
  return { scope: r.scope, key: r.key, request_digest: r.requestDigest, status: r.status, response: r.response, created_at: r.createdAt };
}

export class KyselyIdempotencyRepo implements IdempotencyRepo {
  constructor(private readonly db: Db) {}

  async insert(record: IdempotencyRecord): Promise<void> {
    await this.db.insertInto('idempotency_keys').values(toValues(record)).execute();
  }

  async insertIfAbsent(record: IdempotencyRecord): Promise<boolean> {
    const result = await this.db.insertInto('idempotency_keys').values(toValues(record))
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
    return row && toRecord(row);
  }

  async purgeOlderThan(at: number): Promise<number> {
    return affected(await this.db.deleteFrom('idempotency_keys').where('created_at', '<', at).executeTakeFirst());
  }
}
