/** The bounded log of refused partner messages: every append prunes to the newest `keep` rows. */
import type { RejectionLogRepo, RejectionRow } from '../repos/rejection-log-repo.js';
import { atomically, type Db } from './kysely-helpers.js';

export class KyselyRejectionLogRepo implements RejectionLogRepo {
  constructor(private readonly db: Db) {}

  async append(r: RejectionRow, keep: number): Promise<void> {
    await atomically(this.db, async (db) => {
      await db.insertInto('rejections').values({
        at: r.at, remote_address: r.remoteAddress, code: r.code, detail: r.detail,
        claimed_sender: r.claimedSender, claimed_message_id: r.claimedMessageId, size: r.size,
      }).execute();
      // Delete everything at or below the (keep+1)-th newest id: an index walk of `keep` entries.
      const boundary = db.selectFrom('rejections').select('id').orderBy('id', 'desc').limit(1).offset(Math.max(0, Math.floor(keep)));
      await db.deleteFrom('rejections').where('id', '<=', boundary).execute();
    });
  }

  /** Newest first. */
  async recent(limit: number): Promise<readonly (RejectionRow & { id: number })[]> {
    const rows = await this.db.selectFrom('rejections').selectAll().orderBy('id', 'desc').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map((r) => ({
      id: r.id, at: r.at, remoteAddress: r.remote_address, code: r.code, detail: r.detail,
      claimedSender: r.claimed_sender, claimedMessageId: r.claimed_message_id, size: r.size,
    }));
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('rejections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
