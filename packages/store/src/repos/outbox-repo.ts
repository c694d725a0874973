/**
 * The transactional outbox: an outbound message is enqueued in the same transaction as the business
 * change, and the dispatcher delivers it with retries. Entries with the same orderKey (a certificate)
 * are delivered in enqueue order: a later entry is not claimed while an earlier one is pending.
 */

export const outboxStates = ['pending', 'delivered', 'rejected', 'failed'] as const;
export type OutboxState = (typeof outboxStates)[number];

export interface OutboxEntry {
  /** Monotonic sequence (enqueue order). */
  readonly seq: number;
  readonly messageId: string;
  readonly partnerCountry: string;
  readonly partnerGateway: string;
  readonly orderKey: string;
  readonly state: OutboxState;
  /** Attempts made so far, the one that ended a delivered, rejected or failed entry included. */
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Give up after this instant (createdAt + retry horizon). */
  readonly expiresAt: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
}

export interface NewOutboxEntry {
  readonly messageId: string;
  readonly partnerCountry: string;
  readonly partnerGateway: string;
  readonly orderKey: string;
  readonly nextAttemptAt: number;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface OutboxRepo {
  enqueue(entry: NewOutboxEntry): Promise<number>;
  /**
   * Claims up to `limit` pending entries due at `now` whose orderKey has no earlier pending entry,
   * leasing them to `owner` until now + leaseMs. An entry whose lease expired is claimable again.
   */
  claimDue(now: number, limit: number, owner: string, leaseMs: number): Promise<readonly OutboxEntry[]>;
  /** Ends the entry after the attempt that got a receipt (counted in `attempts`), releasing the lease. */
  markDelivered(seq: number, at: number): Promise<void>;
  /** As markDelivered, for a receipt that refused the message. */
  markRejected(seq: number, at: number, reason: string): Promise<void>;
  /** Releases the lease and schedules the next attempt. */
  scheduleRetry(seq: number, nextAttemptAt: number, attempts: number, error: string, at: number): Promise<void>;
  markFailed(seq: number, at: number, error: string): Promise<void>;
  /** Admin retry of a failed or rejected entry: pending again, due now, with a new horizon. */
  requeue(seq: number, now: number, expiresAt: number): Promise<boolean>;
  /**
   * Admin resend: like requeue, but the entry now carries `messageId` (a newly signed message with a
   * new id and creation time, so a partner that already refused or forgot the old one takes it).
   */
  requeueAs(seq: number, messageId: string, now: number, expiresAt: number): Promise<boolean>;
  get(seq: number): Promise<OutboxEntry | undefined>;
  findByMessage(messageId: string): Promise<OutboxEntry | undefined>;
  list(filter: { state?: OutboxState; partnerCountry?: string }, limit: number): Promise<readonly OutboxEntry[]>;
  /** Entry counts by state (for metrics and readiness). */
  depth(): Promise<Record<OutboxState, number>>;
  /** Earliest nextAttemptAt among pending entries (the dispatcher sleeps until then). */
  nextDue(): Promise<number | undefined>;
}
