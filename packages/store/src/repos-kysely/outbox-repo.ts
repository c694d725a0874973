/**
 * The transactional outbox. claimDue is one UPDATE ... WHERE seq IN (due entries) RETURNING, so a
 * claim is atomic on every backend; with the skipLocked capability the inner SELECT adds
 * FOR UPDATE SKIP LOCKED so several dispatchers share the queue without waiting on each other.
 * Per-orderKey order: an entry is not due while an earlier entry with its orderKey is pending
 * (leased or not, due or not).
 */
import { sql, type Selectable } from 'kysely';
import type { NewOutboxEntry, OutboxEntry, OutboxRepo, OutboxState } from '../repos/outbox-repo.js';
import { outboxStates } from '../repos/outbox-repo.js';
import type { OutboxTable } from '../schema/database.js';
import type { StoreCapabilities } from '../store.js';
import { affected, type Db } from './kysely-helpers.js';

function toEntry(r: Selectable<OutboxTable>): OutboxEntry {
  return {
    seq: r.seq, messageId: r.message_id, partnerCountry: r.partner_country, partnerGateway: r.partner_gateway,
    orderKey: r.order_key, state: r.state as OutboxState, attempts: r.attempts, nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at, expiresAt: r.expires_at,
    leaseOwner: r.lease_owner, leaseUntil: r.lease_until,
  };
}

export class KyselyOutboxRepo implements OutboxRepo {
  constructor(private readonly db: Db, private readonly capabilities: StoreCapabilities) {}

  async enqueue(e: NewOutboxEntry): Promise<number> {
    const row = await this.db.insertInto('outbox').values({
      message_id: e.messageId, partner_country: e.partnerCountry, partner_gateway: e.partnerGateway,
      order_key: e.orderKey, next_attempt_at: e.nextAttemptAt, created_at: e.createdAt, updated_at: e.createdAt,
      expires_at: e.expiresAt, last_error: null, lease_owner: null, lease_until: null,
    }).returning('seq').executeTakeFirstOrThrow();
    return row.seq;
  }

  async claimDue(now: number, limit: number, owner: string, leaseMs: number): Promise<readonly OutboxEntry[]> {
    let due = this.db.selectFrom('outbox as o').select('o.seq')
      .where('o.state', '=', 'pending').where('o.next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('o.lease_until', 'is', null), eb('o.lease_until', '<=', now)]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('outbox as earlier').select('earlier.seq')
        .whereRef('earlier.order_key', '=', 'o.order_key').whereRef('earlier.seq', '<', 'o.seq')
        .where('earlier.state', '=', 'pending'))))
      .orderBy('o.next_attempt_at').orderBy('o.seq').limit(Math.max(0, Math.floor(limit)));
    if (this.capabilities.skipLocked) due = due.forUpdate().skipLocked();
    const rows = await this.db.updateTable('outbox')
      .set({ lease_owner: owner, lease_until: now + leaseMs, updated_at: now })
      .where('seq', 'in', due).returningAll().execute();
    // RETURNING gives no order guarantee: hand entries out in enqueue order.
    return rows.map(toEntry).sort((a, b) => a.seq - b.seq);
  }

  async markDelivered(seq: number, at: number): Promise<void> {
    await this.#finish(seq, 'delivered', at, undefined);
  }

  async markRejected(seq: number, at: number, reason: string): Promise<void> {
    await this.#finish(seq, 'rejected', at, reason);
  }

  async markFailed(seq: number, at: number, error: string): Promise<void> {
    await this.#finish(seq, 'failed', at, error);
  }

  async #finish(seq: number, state: OutboxState, at: number, error: string | undefined): Promise<void> {
    await this.db.updateTable('outbox')
      // The attempt that ended the entry counts, as in the audit row the dispatcher writes with it.
      .set({ state, attempts: sql<number>`attempts + 1`, updated_at: at, lease_owner: null, lease_until: null, ...(error === undefined ? {} : { last_error: error }) })
      .where('seq', '=', seq).execute();
  }

  async scheduleRetry(seq: number, nextAttemptAt: number, attempts: number, error: string, at: number): Promise<void> {
    await this.db.updateTable('outbox')
      .set({ next_attempt_at: nextAttemptAt, attempts, last_error: error, updated_at: at, lease_owner: null, lease_until: null })
      .where('seq', '=', seq).execute();
  }

  async requeue(seq: number, now: number, expiresAt: number): Promise<boolean> {
    // A new horizon starts the backoff afresh: attempts go back to 0 (last_error is kept).
    const result = await this.db.updateTable('outbox')
      .set({ state: 'pending', next_attempt_at: now, expires_at: expiresAt, attempts: 0, updated_at: now, lease_owner: null, lease_until: null })
      .where('seq', '=', seq).where('state', 'in', ['failed', 'rejected']).executeTakeFirst();
    return affected(result) === 1;
  }

  async requeueAs(seq: number, messageId: string, now: number, expiresAt: number): Promise<boolean> {
    const result = await this.db.updateTable('outbox')
      .set({ message_id: messageId, state: 'pending', next_attempt_at: now, expires_at: expiresAt, attempts: 0, updated_at: now, lease_owner: null, lease_until: null })
      .where('seq', '=', seq).where('state', 'in', ['failed', 'rejected']).executeTakeFirst();
    return affected(result) === 1;
  }

  async get(seq: number): Promise<OutboxEntry | undefined> {
    const row = await this.db.selectFrom('outbox').selectAll().where('seq', '=', seq).executeTakeFirst();
    return row && toEntry(row);
  }

  async findByMessage(messageId: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row && toEntry(row);
  }

  /** Newest first. */
  async list(filter: { state?: OutboxState; partnerCountry?: string }, limit: number): Promise<readonly OutboxEntry[]> {
    let query = this.db.selectFrom('outbox').selectAll();
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.partnerCountry !== undefined) query = query.where('partner_country', '=', filter.partnerCountry);
    const rows = await query.orderBy('seq', 'desc').limit(Math.max(0, Math.floor(limit))).execute();
    return rows.map(toEntry);
  }

  async depth(): Promise<Record<OutboxState, number>> {
    const rows = await this.db.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
    const depth = Object.fromEntries(outboxStates.map((s) => [s, 0])) as Record<OutboxState, number>;
    for (const row of rows) if ((outboxStates as readonly string[]).includes(row.state)) depth[row.state as OutboxState] = Number(row.n);
    return depth;
  }

  /** Earliest instant a pending entry can be claimed: its nextAttemptAt, or its lease expiry if later. */
  async nextDue(): Promise<number | undefined> {
    const row = await this.db.selectFrom('outbox')
      .select((eb) => eb.fn.min<number | null>(
        eb.case().when(eb.and([eb('lease_until', 'is not', null), eb('lease_until', '>', eb.ref('next_attempt_at'))]))
          .then(eb.ref('lease_until')).else(eb.ref('next_attempt_at')).end(),
      ).as('due'))
      .where('state', '=', 'pending').executeTakeFirst();
    const due = row?.due;
    return due === null || due === undefined ? undefined : Number(due);
  }
}
