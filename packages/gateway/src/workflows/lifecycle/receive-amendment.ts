/**
 * Importing side: a co.issued (or declaration.issued) for a certificate we hold, with the same
 * number and a higher header.version, is an amendment. Accepted when our profile for the agreement
 * allows amendments (the new version becomes current, the earlier ones stay in the history);
 * otherwise refused with exchange.amendment-not-allowed, as is an amendment of a certificate
 * already cancelled or replaced.
 */
import type { EcoDocument, Profile } from '@originlink/dataset';
import type { Envelope, IssueSummary } from '@originlink/protocol';
import type { CertificateRow } from '@originlink/store';
import { certificateRow } from '../certificate-row.js';
import { exchangeIssue, type HandlerOutcome } from '../handlers/handler.js';

export interface AmendmentInput {
  readonly existing: CertificateRow;
  readonly document: EcoDocument;
  readonly profile: Profile;
  readonly canonical: { readonly text: string; readonly digest: string };
  readonly envelope: Envelope;
  /** The document's JSON pointer in the message (issue paths start with it). */
  readonly base: string;
  /** Warnings and notes from validation, kept in the receipt. */
  readonly issues: IssueSummary[];
  readonly now: number;
}

export function receiveAmendment(input: AmendmentInput): HandlerOutcome {
  const { existing, document, profile, canonical, envelope: env, base, issues, now } = input;
  const version = document.header.version ?? 1;
  const refuse = (issue: IssueSummary): HandlerOutcome => ({ issues: [...issues, issue], certificateId: existing.id });
  if (profile.lifecycle.amendment !== 'allowed') return refuse(exchangeIssue('exchange.amendment-not-allowed', `${base}/header/version`, `version ${version} of ${document.header.number} under profile ${profile.id}`));
  if (existing.lifecycle === 'cancelled') return refuse(exchangeIssue('exchange.already-cancelled', `${base}/header/number`, `${document.header.number} was cancelled; version ${version} cannot amend it`));
  if (existing.lifecycle === 'replaced') return refuse(exchangeIssue('exchange.already-replaced', `${base}/header/number`, `${document.header.number} was replaced; version ${version} cannot amend it`));

  const amended = { ...certificateRow({ id: existing.id, document, direction: 'inbound', source: existing.source, partnerCountry: env.sender.country, profileId: profile.id, status: existing.status, messageId: env.id, now }, canonical), version };
  return {
    issues,
    certificateId: existing.id,
    write: async (tx) => {
      await tx.certificates.amend(existing.id, amended, now);
      await tx.certificates.setMessage(existing.id, env.id, now);
      await tx.audit.append({ at: now, actor: `partner:${env.sender.country}/${env.sender.gateway}`, action: 'certificate.amended', subject: existing.id, details: JSON.stringify({ number: document.header.number, version, previousVersion: existing.version, digest: canonical.digest, messageId: env.id }) });
    },
  };
}
