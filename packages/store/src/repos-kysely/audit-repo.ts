/**
 * The audit log's storage. append does no hashing (it is on the hot path of every business
 * transaction); seal() stores a seal and marks its members in the caller's transaction, and
 * refuses if any member was sealed meanwhile, so a row is never in two seals.
 */
import type { Selectable } from 'kysely';
import type { AuditEntry, AuditRepo, AuditRow, AuditSeal } from '../repos/audit-repo.js';
import type { AuditLogTable, AuditSealsTable } from '../schema/database.js';
import { StoreError } from '../store-error.js';
import type { StoreCapabilities } from '../store.js';
import { tryTransactionLock } from './advisory-locks.js';
import { affected, atomically, chunks, insertRow, type Db } from './kysely-helpers.js';

function toRow(r: Selectable<AuditLogTable>): AuditRow {
  return { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details, sealId: r.seal_id };
}

function toSeal(r: Selectable<AuditSealsTable>): AuditSeal {
  return { id: r.id, firstSeq: r.first_seq, lastSeq: r.last_seq, count: r.count, root: r.root, chain: r.chain, sealedAt: r.sealed_at };
}

export class KyselyAuditRepo implements AuditRepo {
  constructor(private readonly db: Db, private readonly capabilities: StoreCapabilities) {}

  async lockSealing(): Promise<boolean> {
    if (!this.capabilities.advisoryLocks) return true;
    const row = await this.db.selectNoFrom(tryTransactionLock('auditSeal').as('locked')).executeTakeFirstOrThrow();
    return row.locked;
  }

  async append(e: AuditEntry): Promise<void> {
    await insertRow(this.db, 'audit_log', { at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details, seal_id: null });
  }

  async forSubject(subject: string): Promise<readonly AuditRow[]> {
    return (await this.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('seq').execute()).map(toRow);
  }

  async unsealed(limit: number): Promise<readonly AuditRow[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().where('seal_id', 'is', null)
      .orderBy('seq').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toRow);
  }

  async lastSeal(): Promise<AuditSeal | undefined> {
    const row = await this.db.selectFrom('audit_seals').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row && toSeal(row);
  }

  async seal(seal: Omit<AuditSeal, 'id'> & { readonly id?: number }, seqs: readonly number[]): Promise<AuditSeal> {
    return atomically(this.db, async (db) => {
      const id = seal.id ?? ((await this.#lastId(db)) + 1);
      const stored: AuditSeal = { ...seal, id };
      await db.insertInto('audit_seals').values({
        id, first_seq: seal.firstSeq, last_seq: seal.lastSeq, count: seal.count, root: seal.root, chain: seal.chain, sealed_at: seal.sealedAt,
      }).execute();
      let marked = 0;
      for (const chunk of chunks(seqs)) {
        marked += affected(await db.updateTable('audit_log').set({ seal_id: id }).where('seal_id', 'is', null).where('seq', 'in', chunk).executeTakeFirst());
      }
      if (marked !== seqs.length) {
        throw new StoreError('serialization', `audit seal ${id}: ${seqs.length - marked} of ${seqs.length} rows were already sealed or are gone`);
      }
      return stored;
    });
  }

  async #lastId(db: Db): Promise<number> {
    const row = await db.selectFrom('audit_seals').select((eb) => eb.fn.max<number | null>('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async seals(afterId: number, limit: number): Promise<readonly AuditSeal[]> {
    const rows = await this.db.selectFrom('audit_seals').selectAll().where('id', '>', afterId).orderBy('id').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toSeal);
  }

  async sealMembers(sealId: number): Promise<readonly AuditRow[]> {
    return (await this.db.selectFrom('audit_log').selectAll().where('seal_id', '=', sealId).orderBy('seq').execute()).map(toRow);
  }

  async countUnsealed(): Promise<number> {
    const row = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('seal_id', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async orphanSealIds(): Promise<readonly number[]> {
    const rows = await this.db.selectFrom('audit_log').select('seal_id').distinct()
      .where('seal_id', 'is not', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_seals').select('audit_seals.id').whereRef('audit_seals.id', '=', 'audit_log.seal_id'))))
      .orderBy('seal_id').execute();
    return rows.map((r) => Number(r.seal_id));
  }
}
