/**
 * Inside an intake transaction: the certificate a handler looked at must still be in the state it
 * saw. A concurrent message about it may have committed since; the StoreError that follows makes
 * receive-message handle the message again against what is now stored (its retry on
 * unique-violation exists for exactly that), so the receipt reflects the state it applies to.
 */
import { StoreError, type CertificateRepo, type CertificateRow } from '@originlink/store';

export async function assertUnchanged(certificates: CertificateRepo, seen: CertificateRow): Promise<void> {
  const now = await certificates.get(seen.id);
  if (now?.lifecycle !== seen.lifecycle || now.replacedById !== seen.replacedById || now.version !== seen.version) throw changedMeanwhile(seen);
}

/** The error that makes the intake handle the message again against what is stored now. */
export function changedMeanwhile(seen: CertificateRow): StoreError {
  return new StoreError('unique-violation', `certificate ${seen.number} changed while a message about it was being handled`);
}
