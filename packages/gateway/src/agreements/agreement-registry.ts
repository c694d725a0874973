/**
 * The agreement profiles this gateway is configured with, looked up by the agreement code and
 * document type of a certificate (an agreement such as RCEP has one profile for certificates and
 * one for declarations of origin).
 */
import { documentKind, type Profile } from '@originlink/dataset';

export interface AgreementRegistry {
  readonly profiles: readonly Profile[];
  /** Agreement codes in use. */
  readonly codes: readonly string[];
  /** The profile for a document (by header.agreementCode and header.typeCode). */
  forDocument(document: unknown): Profile | undefined;
  /** Whether the agreement is configured, in force on `date` (YYYY-MM-DD), and has both countries as parties. */
  inForce(agreement: string, countries: readonly string[], date: string): boolean;
  /** Dataset versions of the configured profiles. */
  readonly datasetVersions: readonly string[];
}

export function createAgreementRegistry(profiles: readonly Profile[]): AgreementRegistry {
  const byAgreement = new Map<string, Profile[]>();
  for (const p of profiles) byAgreement.set(p.agreement.code, [...(byAgreement.get(p.agreement.code) ?? []), p]);
  return {
    profiles,
    codes: [...byAgreement.keys()],
    datasetVersions: [...new Set(profiles.map((p) => p.datasetVersion))],
    forDocument(document) {
      const header = (document as { header?: { agreementCode?: unknown; typeCode?: unknown } } | null)?.header;
      const candidates = typeof header?.agreementCode === 'string' ? (byAgreement.get(header.agreementCode) ?? []) : [];
      const type = typeof header?.typeCode === 'string' ? header.typeCode : undefined;
      const kind = documentKind(document);
      return (
        candidates.find((p) => type !== undefined && (p.documentTypes as readonly string[]).includes(type)) ??
        candidates.find((p) => p.documentTypes.some((t) => (t === '862') === (kind === 'declaration')))
      );
    },
    inForce(agreement, countries, date) {
      return (byAgreement.get(agreement) ?? []).some(
        (p) => countries.every((c) => p.parties.includes(c)) && (p.agreement.inForceSince === undefined || p.agreement.inForceSince <= date),
      );
    },
  };
}
