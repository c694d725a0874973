/**
 * What a flow does when the partner's answer to one of its messages is final: the dispatcher
 * records the receipt (or the failure) and, in the same transaction, calls the hook of the
 * message's kind. A refused or undeliverable verification request, for instance, must not leave
 * the certificate "under verification" for ever.
 */
import type { MessageKind } from '@originlink/protocol';
import type { Repositories } from '@originlink/store';

export interface DeliveryOutcome {
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly certificateId: string | null;
  readonly outcome: 'accepted' | 'rejected' | 'failed';
  readonly codes: readonly string[];
  readonly at: number;
}

export type DeliveryHook = (tx: Repositories, outcome: DeliveryOutcome) => Promise<void>;

/** The kinds whose message carries the certificate itself: their delivery is the certificate's status. */
export const certificateCarryingKinds: ReadonlySet<MessageKind> = new Set(['co.issued', 'declaration.issued', 'co.replaced']);

export const deliveryHooks: Partial<Record<MessageKind, DeliveryHook>> = {
  // The partner refused the request, or it could not be delivered: the certificate is not under
  // verification (a new request sets the status again).
  'verification.request': async (tx, o) => {
    if (o.outcome === 'accepted' || !o.certificateId) return;
    const certificate = await tx.certificates.get(o.certificateId);
    if (certificate?.verificationStatus === 'under-verification') await tx.certificates.setVerificationStatus(o.certificateId, null, o.at);
  },
};
