/** The result of a pull on the importing side (pullCertificate), as the national API and claims use it. */
import type { IssueSummary } from '@originlink/protocol';

/** Local refusals: the pull could not be made or its answer cannot be trusted (HTTP error codes). */
export const pullFailures = ['pull.no-partner', 'pull.partner-unreachable', 'pull.response-invalid', 'pull.certificate-invalid', 'partner.rate-limited'] as const;
export type PullFailure = (typeof pullFailures)[number];

export type PullOutcome =
  | {
      readonly found: true;
      /** True when this pull stored it; false when it was already here (received or pulled earlier). */
      readonly stored: boolean;
      readonly certificateId: string;
      /** The pull.response that carried it (null when it was already here). */
      readonly messageId: string | null;
    }
  | {
      readonly found: false;
      /** `partner`: its signed answer says not found, with an exchange.pull-* reason; `gateway`: a local failure. */
      readonly refusedBy: 'partner';
      readonly reason: string;
      readonly detail: string;
      readonly messageId: string;
    }
  | {
      readonly found: false;
      readonly refusedBy: 'gateway';
      readonly reason: PullFailure;
      readonly detail: string;
      /** For pull.certificate-invalid: what the pulled certificate failed. */
      readonly issues?: readonly IssueSummary[];
      /** For partner.rate-limited: the partner's Retry-After. */
      readonly retryAfterSeconds?: number;
    };
