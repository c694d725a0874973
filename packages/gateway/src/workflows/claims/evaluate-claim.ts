/**
 * The decision on a claim against a received certificate: the certificate-level checks (lifecycle,
 * verification status, signature evidence, validity period, importer) and the item checks
 * (match-items.ts), combined by the decision rule. Pure: the subject is loaded beforehand.
 */
import type { Profile } from '@originlink/dataset';
import type { ClaimDecision } from '@originlink/store';
import type { ClaimRequest } from './claim-request.js';
import { decide, reason, type ClaimReason } from './claim-reasons.js';
import type { ClaimSubject } from './claim-subject.js';
import { checkItems, type ItemMatch } from './match-items.js';
import { normaliseId, sameName } from './party-names.js';

export interface Evaluation {
  readonly decision: ClaimDecision;
  readonly reasons: readonly ClaimReason[];
  readonly matches: readonly ItemMatch[];
  /** Certificate item number -> millionths consumed when the claim is accepted. */
  readonly consumption: ReadonlyMap<number, number>;
}

export function evaluateClaim(request: ClaimRequest, subject: ClaimSubject, extra: readonly ClaimReason[] = []): Evaluation {
  const { certificate, document } = subject;
  const reasons: ClaimReason[] = [...extra];
  if (certificate.lifecycle === 'replaced') reasons.push(reason('claim.replaced', { replacementNumber: subject.replacementNumber }));
  if (certificate.lifecycle === 'cancelled') reasons.push(reason('claim.cancelled', { reason: certificate.cancelReason }));
  if (certificate.verificationStatus === 'under-verification') reasons.push(reason('claim.under-verification', {}));
  if (certificate.verificationStatus === 'not-confirmed' || (certificate.verificationStatus === 'partially-confirmed' && subject.notConfirmed === 'all')) {
    reasons.push(reason('claim.origin-not-confirmed', {}));
  }
  if (!subject.evidence) reasons.push(reason('claim.signature-evidence-missing', { certificateNumber: certificate.number, messageId: certificate.messageId }));

  const { validFrom, validUntil } = validityPeriod(document.header, subject.profile);
  const date = request.declarationDate;
  if ((validFrom !== undefined && date < validFrom) || (validUntil !== undefined && date > validUntil)) {
    reasons.push(reason('claim.outside-validity', { declarationDate: date, validFrom: validFrom ?? null, issueDate: document.header.issueDate, validUntil: validUntil ?? 'open' }));
  }

  const importerReason = checkImporter(request.importer, document);
  if (importerReason) reasons.push(importerReason);

  const items = checkItems(request.items, { items: subject.items, document, notConfirmed: subject.notConfirmed === 'all' ? [] : subject.notConfirmed });
  reasons.push(...items.reasons);
  return { decision: decide(reasons), reasons, matches: items.matches, consumption: items.consumption };
}

/**
 * The validity period: the header's dates; without validUntil, the issue date plus the profile's
 * validity (as the dataset's validity rule counts it). Without validFrom only the end is checked:
 * a retroactively issued certificate may postdate the import declaration.
 */
export function validityPeriod(header: { issueDate: string; validFrom?: string; validUntil?: string }, profile: Profile | undefined): { validFrom?: string; validUntil?: string } {
  const until = header.validUntil ?? (profile ? (profile.validity.days !== undefined ? addDays(header.issueDate, profile.validity.days) : addMonths(header.issueDate, profile.validity.months)) : undefined);
  return { ...(header.validFrom !== undefined ? { validFrom: header.validFrom } : {}), ...(until !== undefined ? { validUntil: until } : {}) };
}

/** The certificate's importer, else its consignee, against the claim's: identifiers when both sides have one, else names. */
function checkImporter(claimed: ClaimRequest['importer'], document: ClaimSubject['document']): ClaimReason | undefined {
  const party = document.importer ? { role: 'importer', ...document.importer } : document.consignee ? { role: 'consignee', ...document.consignee } : undefined;
  if (!party) return undefined;
  if (claimed.id !== undefined && party.id !== undefined) {
    if (normaliseId(claimed.id) === normaliseId(party.id)) return undefined;
    return reason('claim.importer-mismatch', { field: 'id', party: party.role, claimed: claimed.id, expected: party.id });
  }
  if (claimed.name !== undefined && !sameName(claimed.name, party.name)) {
    return reason('claim.importer-mismatch', { field: 'name', party: party.role, claimed: claimed.name, expected: party.name }, { effect: 'review' });
  }
  return undefined;
}

function addDays(d: string, days: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (as the dataset's validity rule counts). */
function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(total / 12), total % 12, Math.min(day, last))).toISOString().slice(0, 10);
}
