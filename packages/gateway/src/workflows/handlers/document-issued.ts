/**
 * co.issued and declaration.issued: the partner pushes a certificate (or declaration of origin) it
 * issued for this country. Validated against this gateway's profile for the agreement; stored as
 * received. Re-sending the same document (or an earlier version of it) under a new message id is
 * accepted without a second copy; a higher header.version of a certificate we hold is an amendment
 * (lifecycle/receive-amendment.ts); other changed content under a known number is refused.
 */
import { randomUUID } from 'node:crypto';
import type { EcoDocument } from '@originlink/dataset';
import type { PayloadOf, SignedMessage } from '@originlink/protocol';
import { canonicalDocument, certificateRow } from '../certificate-row.js';
import { receiveAmendment } from '../lifecycle/receive-amendment.js';
import { exchangeIssue, type Handler, type HandlerOutcome } from './handler.js';
import { checkPartnerDocument } from './partner-document.js';

function documentOf(message: SignedMessage<unknown>): unknown {
  const payload = message.payload as PayloadOf<'co.issued'> | PayloadOf<'declaration.issued'>;
  return 'certificate' in payload ? payload.certificate : payload.declaration;
}

export const handleDocumentIssued: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const env = message.envelope;
  const base = 'certificate' in (message.payload as object) ? '/payload/certificate' : '/payload/declaration';
  const checked = checkPartnerDocument(ctx, documentOf(message), env, base, now);
  if (!checked.ok) return { issues: checked.issues };
  const { issues, profile } = checked;
  const doc: EcoDocument = checked.document;
  const { header } = doc;

  const canonical = canonicalDocument(doc);
  const existing = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
  if (existing) {
    const again = existing.documentDigest === canonical.digest || (await ctx.store.certificates.versions(existing.id)).some((v) => v.documentDigest === canonical.digest);
    if (!again && (header.version ?? 1) > existing.version) return receiveAmendment({ existing, document: doc, profile, canonical, envelope: env, base, issues, now });
    if (!again) return { issues: [...issues, exchangeIssue('exchange.certificate-exists', `${base}/header/number`, `${header.number} version ${existing.version} received earlier in message ${existing.messageId}`)] };
    return { issues, certificateId: existing.id, write: async (tx) => tx.audit.append({ at: now, actor: `partner:${env.sender.country}/${env.sender.gateway}`, action: 'certificate.received-again', subject: existing.id, details: JSON.stringify({ messageId: env.id }) }) };
  }
  const id = randomUUID();
  const row = certificateRow({ id, document: doc, direction: 'inbound', source: 'push', partnerCountry: env.sender.country, profileId: profile.id, status: 'received', messageId: env.id, now }, canonical);
  return {
    issues,
    certificateId: id,
    write: async (tx) => {
      await tx.certificates.insert(row);
      await tx.audit.append({ at: now, actor: `partner:${env.sender.country}/${env.sender.gateway}`, action: 'certificate.received', subject: id, details: JSON.stringify({ number: header.number, messageId: env.id, profile: profile.id, digest: canonical.digest }) });
    },
  };
};
