/**
 * Retroactive verification requests, on both sides: outbound (our customs asked the issuing side)
 * and inbound (a partner's customs asked us). `requestId` is the requester's id, shared by both
 * sides. States: requested -> acknowledged (the partner's receipt / our reception) -> answered;
 * "overdue" is derived when replyBy has passed without an answer.
 */

export const verificationStates = ['requested', 'acknowledged', 'answered'] as const;
export type VerificationState = (typeof verificationStates)[number];
export type VerificationOutcome = 'confirmed' | 'not-confirmed' | 'partially-confirmed';

export interface VerificationRow {
  readonly id: string;
  readonly requestId: string;
  readonly direction: 'outbound' | 'inbound';
  readonly partnerCountry: string;
  readonly certificateId: string | null;
  readonly certificateNumber: string;
  readonly issuingCountry: string;
  /** JSON array of item numbers in doubt (empty: the whole certificate). */
  readonly itemNumbers: string;
  /** JSON array of { code, text? }. */
  readonly reasons: string;
  /** YYYY-MM-DD. */
  readonly replyBy: string;
  readonly state: VerificationState;
  readonly outcome: VerificationOutcome | null;
  readonly findings: string | null;
  /** JSON of the verification.response payload, once answered. */
  readonly response: string | null;
  readonly requestMessageId: string;
  readonly responseMessageId: string | null;
  readonly requestedAt: number;
  readonly acknowledgedAt: number | null;
  readonly answeredAt: number | null;
}

export interface VerificationFilter {
  readonly direction?: 'outbound' | 'inbound';
  readonly state?: VerificationState;
  readonly certificateId?: string;
}

export interface VerificationRepo {
  /** Unique on (direction, partnerCountry, requestId). */
  insert(row: VerificationRow): Promise<void>;
  get(id: string): Promise<VerificationRow | undefined>;
  find(direction: 'outbound' | 'inbound', partnerCountry: string, requestId: string): Promise<VerificationRow | undefined>;
  /** Newest first. */
  list(filter: VerificationFilter, limit: number): Promise<readonly VerificationRow[]>;
  /**
   * Moves to a later state, only from the expected one (compare-and-set): false when the row is no
   * longer in `from` (answered twice, concurrently or not).
   */
  transition(id: string, from: readonly VerificationState[], change: Partial<Pick<VerificationRow, 'state' | 'outcome' | 'findings' | 'response' | 'responseMessageId' | 'acknowledgedAt' | 'answeredAt' | 'certificateId'>>): Promise<boolean>;
}
