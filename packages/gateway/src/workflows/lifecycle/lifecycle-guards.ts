/**
 * The states from which the issuing side may change a certificate, and the outbox orderKey of
 * every message about it. Checked once before the work (for a clear error) and again inside the
 * transaction (a concurrent change in between turns into the same error, not a second transition).
 */
import type { CertificateRepo, CertificateRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { ValidSubmission } from '../validate-submission.js';

export type LifecycleAction = 'replace' | 'amend' | 'cancel';

/** Throws the 409 for a certificate we did not issue, or one already cancelled or replaced. */
export function assertChangeable(row: CertificateRow, action: LifecycleAction): void {
  if (row.direction !== 'outbound') throw new GatewayError('certificate.not-issued-here', `certificate ${row.number} was received from ${row.partnerCountry}; only its issuer can ${action} it`, { id: row.id });
  if (row.lifecycle === 'cancelled') throw new GatewayError('certificate.already-cancelled', `certificate ${row.number} was cancelled on ${new Date(row.cancelledAt ?? row.updatedAt).toISOString()}; it cannot be ${pastTense[action]}`, { id: row.id });
  if (row.lifecycle === 'replaced') throw new GatewayError('certificate.already-replaced', `certificate ${row.number} was replaced by certificate ${row.replacedById ?? '(unknown)'}; ${action} that one instead`, { id: row.id, replacedById: row.replacedById });
}

const pastTense: Record<LifecycleAction, string> = { replace: 'replaced', amend: 'amended', cancel: 'cancelled again' };

/**
 * Re-reads the certificate inside the caller's transaction and throws as assertChangeable if its
 * lifecycle moved since `seen` was read (or, for an amendment, its version).
 */
export async function recheck(certificates: CertificateRepo, seen: CertificateRow, action: LifecycleAction): Promise<CertificateRow> {
  const now = await certificates.get(seen.id);
  if (!now) throw new GatewayError('certificate.not-found', `certificate ${seen.id} disappeared`);
  assertChangeable(now, action);
  if (action === 'amend' && now.version !== seen.version) throw new GatewayError('certificate.amendment-version', `certificate ${seen.number} was amended to version ${now.version} meanwhile`, { id: seen.id, version: now.version });
  return now;
}

/**
 * After a compare-and-set found the certificate changed: the 409 of what it became (recheck), or,
 * if the change is not one recheck explains, a 409 all the same.
 */
export async function recheckOrConflict(certificates: CertificateRepo, seen: CertificateRow, action: LifecycleAction): Promise<never> {
  await recheck(certificates, seen, action);
  throw new GatewayError(seen.lifecycle === 'cancelled' ? 'certificate.already-cancelled' : 'certificate.already-replaced', `certificate ${seen.number} changed meanwhile`, { id: seen.id });
}

/**
 * The id of the original certificate of a replacement chain (the certificate itself when it
 * replaces nothing): messages about any certificate of the chain share it as their orderKey, so a
 * replacement or cancellation is never delivered before the certificate it is about.
 */
export async function originalId(certificates: Pick<CertificateRepo, 'get'>, row: CertificateRow): Promise<string> {
  let current = row;
  const seen = new Set([row.id]);
  while (current.replacesId !== null) {
    const earlier = await certificates.get(current.replacesId);
    if (!earlier || seen.has(earlier.id)) break;
    seen.add(earlier.id);
    current = earlier;
  }
  return current.id;
}

/** A replacement or amendment goes to the same partner under the same agreement, as the same kind of document. */
export function assertSameParties(row: CertificateRow, valid: Pick<ValidSubmission, 'document'>): void {
  const { header } = valid.document;
  const changed = [
    header.importingCountry !== row.importingCountry && `importing country ${row.importingCountry} -> ${header.importingCountry}`,
    header.agreementCode !== row.agreement && `agreement ${row.agreement} -> ${header.agreementCode}`,
    header.typeCode !== row.typeCode && `document type ${row.typeCode} -> ${header.typeCode}`,
  ].filter((c): c is string => typeof c === 'string');
  if (changed.length > 0) throw new GatewayError('certificate.parties-changed', `certificate ${row.number}: ${changed.join(', ')}`, { id: row.id });
}
