/** Deduplication keys on (sender country, sender gateway, message id), purged once expired. */
import type { Selectable } from 'kysely';
import type { DedupKey, DedupRepo } from '../repos/dedup-repo.js';
import type { DedupKeysTable } from '../schema/database.js';
import { affected, executeCached, type Db } from './kysely-helpers.js';

function toKey(r: Selectable<DedupKeysTable>): DedupKey {
  return { senderCountry: r.sender_country, senderGateway: r.sender_gateway, messageId: r.message_id, receiptId: r.receipt_id, expiresAt: r.expires_at };
}

function toValues(k: DedupKey): DedupKeysTable {
  return { sender_country: k.senderCountry, sender_gateway: k.senderGateway, message_id: k.messageId, receipt_id: k.receiptId, expires_at: k.expiresAt };
}

export class KyselyDedupRepo implements DedupRepo {
  constructor(private readonly db: Db) {}

  async insert(key: DedupKey): Promise<void> {
    await this.db.insertInto('dedup_keys').values(toValues(key)).execute();
  }

  async insertIfAbsent(key: DedupKey): Promise<boolean> {
    const result = await this.db.insertInto('dedup_keys').values(toValues(key))
      .onConflict((oc) => oc.columns(['sender_country', 'sender_gateway', 'message_id']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async find(senderCountry: string, senderGateway: string, messageId: string): Promise<DedupKey | undefined> {
    const { rows } = await executeCached<Selectable<DedupKeysTable>>(this.db, 'dedup:find', [senderCountry, senderGateway, messageId], () =>
      this.db.selectFrom('dedup_keys').selectAll().where('sender_country', '=', senderCountry).where('sender_gateway', '=', senderGateway).where('message_id', '=', messageId).compile());
    return rows[0] && toKey(rows[0]);
  }

  async purgeExpired(now: number): Promise<number> {
    return affected(await this.db.deleteFrom('dedup_keys').where('expires_at', '<=', now).executeTakeFirst());
  }
}
