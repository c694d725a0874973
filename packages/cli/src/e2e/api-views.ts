/** The parts of the national API's answers the end-to-end tests read (see the gateway's OpenAPI at /docs). */

export interface Submission {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly messageId: string;
}

export interface CertificateSummary {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly number: string;
  readonly status: string;
  readonly messageId: string;
  readonly updatedAt: string;
}

export interface CertificateView {
  readonly certificate: CertificateSummary;
  readonly delivery?: { readonly state: string; readonly attempts: number; readonly lastError: string | null; readonly updatedAt: string };
  readonly receipt?: { readonly receiptId: string; readonly outcome: string; readonly issues: readonly { code: string }[]; readonly receivedDigest: string; readonly at: string };
}

export interface CertificatePage {
  readonly items: readonly CertificateSummary[];
  readonly next?: string;
}

export interface Deliveries {
  readonly depth: Readonly<Record<string, number>>;
  readonly items: readonly { readonly id: number; readonly messageId: string; readonly state: string; readonly attempts: number; readonly lastError: string | null }[];
}

export interface Rejections {
  readonly items: readonly { readonly code: string; readonly claimedSender: string | null; readonly claimedMessageId: string | null; readonly detail: string }[];
}

export interface Problem {
  readonly code: string;
  readonly detail?: string;
  readonly issues?: readonly { readonly code: string; readonly path: string; readonly severity: string; readonly message: string }[];
}
