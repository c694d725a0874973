/**
 * Preference claims (importing side): an import declaration's claim on a certificate, the decision
 * with its coded reasons, and per item what was matched and used. A claim is unique per certificate
 * (issuing country + number) and declaration reference: the same claim again returns the first.
 */

export const claimDecisions = ['accepted', 'rejected', 'manual-review'] as const;
export type ClaimDecision = (typeof claimDecisions)[number];

/**
 * decided: final; review: waiting for an officer; post-clearance-review: flagged after the
 * certificate was cancelled; recovery-of-duties: flagged after verification did not confirm origin.
 */
export const claimStatuses = ['decided', 'review', 'post-clearance-review', 'recovery-of-duties'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export interface ClaimRow {
  readonly id: string;
  /** The certificate matched, when it was received (or pulled) here. */
  readonly certificateId: string | null;
  readonly certificateNumber: string;
  readonly issuingCountry: string;
  readonly declarationReference: string;
  /** The import declaration's date (YYYY-MM-DD), checked against the validity period. */
  readonly declarationDate: string;
  readonly importerName: string | null;
  readonly importerId: string | null;
  readonly decision: ClaimDecision;
  readonly status: ClaimStatus;
  /** JSON array of reasons: { code, effect, itemLine?, params, message }. */
  readonly reasons: string;
  /** JSON array of claimed items with their match and decision. */
  readonly items: string;
  /** The co.utilisation message sent back, when the profile asks for notices. */
  readonly noticeMessageId: string | null;
  readonly actor: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface ClaimFilter {
  readonly certificateId?: string;
  readonly status?: ClaimStatus;
  readonly decision?: ClaimDecision;
}

export interface ClaimRepo {
  /** Unique on (issuingCountry, certificateNumber, declarationReference). */
  insert(claim: Omit<ClaimRow, 'updatedAt'>): Promise<void>;
  get(id: string): Promise<ClaimRow | undefined>;
  find(issuingCountry: string, certificateNumber: string, declarationReference: string): Promise<ClaimRow | undefined>;
  /** Newest first. */
  list(filter: ClaimFilter, limit: number): Promise<readonly ClaimRow[]>;
  /**
   * Updates decision, status, reasons, items and notice message (an officer's decision, a flag).
   * With `fromStatus`, only while the claim is in one of those statuses (compare-and-set: two
   * officers deciding at once on several instances cannot both succeed); returns whether it applied.
   */
  update(id: string, change: Partial<Pick<ClaimRow, 'decision' | 'status' | 'reasons' | 'items' | 'noticeMessageId'>>, at: number, options?: { readonly fromStatus?: readonly ClaimStatus[] }): Promise<boolean>;
}
