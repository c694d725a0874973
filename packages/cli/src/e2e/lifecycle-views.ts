/**
 * The parts of the national API's lifecycle answers the end-to-end tests read: claims, the
 * certificate summary with its lifecycle, replacement and cancellation results, verifications,
 * utilisation notices, timelines and deliveries (see the gateway's OpenAPI at /docs).
 */

export interface ClaimReason {
  readonly code: string;
  readonly effect: 'reject' | 'review' | 'info';
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export interface ClaimView {
  readonly id: string;
  readonly certificateId: string | null;
  readonly certificateNumber: string;
  readonly declarationReference: string;
  readonly decision: 'accepted' | 'rejected' | 'manual-review';
  readonly status: string;
  readonly reasons: readonly ClaimReason[];
  readonly items: readonly { readonly line: number; readonly itemNumber: number | null; readonly quantity: number | null; readonly decision: string; readonly reasonCodes: readonly string[] }[];
  readonly noticeMessageId: string | null;
}

export interface Summary {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly source: string;
  readonly number: string;
  readonly typeCode: string;
  readonly status: string;
  readonly messageId: string;
  readonly version: number;
  readonly lifecycle: 'active' | 'replaced' | 'cancelled';
  readonly replacedById: string | null;
  readonly replacesId: string | null;
  readonly cancelReason: string | null;
  readonly verificationStatus: string | null;
}

/** What replace, amend and cancel answer. */
export interface LifecycleView {
  readonly id: string;
  readonly number: string;
  readonly lifecycle: string;
  readonly version: number;
  readonly messageId: string;
  readonly replacesId: string | null;
  readonly replacedById: string | null;
}

export interface VerificationView {
  readonly id: string;
  readonly requestId: string;
  readonly direction: string;
  readonly certificateId: string | null;
  readonly itemNumbers: readonly number[];
  readonly replyBy: string;
  readonly state: 'requested' | 'acknowledged' | 'answered';
  readonly overdue: boolean;
  readonly outcome: string | null;
  readonly findings: string | null;
  /** The verification.response message (answered requests). */
  readonly responseMessageId: string | null;
  readonly partnerReceipt: { readonly outcome: string; readonly codes: readonly string[] } | null;
}

export interface UtilisationView {
  readonly used: readonly { readonly itemNumber: number; readonly quantity: number; readonly unitCode: string }[];
  readonly notices: readonly {
    readonly messageId: string;
    readonly partnerCountry: string;
    readonly declarationReference: string;
    readonly decision: string;
    readonly items: readonly { readonly itemNumber: number; readonly quantity?: number; readonly decision: string; readonly reasonCodes: readonly string[] }[];
  }[];
}

export interface TimelineEvent {
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly action: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface DeliveryView {
  readonly id: number;
  readonly messageId: string;
  readonly state: 'pending' | 'delivered' | 'rejected' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface PullResult {
  readonly found: boolean;
  readonly stored?: boolean;
  readonly certificateId?: string;
  readonly messageId?: string | null;
  readonly reason?: string;
}
