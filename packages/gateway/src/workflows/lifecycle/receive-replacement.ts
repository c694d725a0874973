/**
 * Importing side, co.replaced: the partner replaced a certificate it issued for us. The new
 * document is checked like a pushed one and stored; the old one (when we hold it) becomes
 * `replaced`, pointing to the new one, which points back. A replacement of a certificate we never
 * received is stored all the same, with a warning in the receipt. A replacement of a cancelled
 * certificate, or of one already replaced by another document, is refused.
 */
import { randomUUID } from 'node:crypto';
import type { IssueSummary, PayloadOf } from '@originlink/protocol';
import type { CertificateRow } from '@originlink/store';
import { canonicalDocument, certificateRow } from '../certificate-row.js';
import { exchangeIssue, type Handler, type HandlerOutcome } from '../handlers/handler.js';
import { checkPartnerDocument } from '../handlers/partner-document.js';
import { assertUnchanged, changedMeanwhile } from './assert-unchanged.js';

const base = '/payload/certificate';

export const receiveReplacement: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const env = message.envelope;
  const payload = message.payload as PayloadOf<'co.replaced'>;
  const checked = checkPartnerDocument(ctx, payload.certificate, env, base, now);
  if (!checked.ok) return { issues: checked.issues };
  const { profile, document } = checked;
  const { header } = document;
  const issues: IssueSummary[] = [...checked.issues];
  const replaced = payload.replaced;
  if (replaced.issuingCountry !== env.sender.country) issues.push(exchangeIssue('exchange.issuer-mismatch', '/payload/replaced/issuingCountry', `${replaced.issuingCountry} sent by ${env.sender.country}`));
  if (document.replacement?.replacedNumber !== replaced.certificateNumber) issues.push(exchangeIssue('exchange.replacement-mismatch', `${base}/replacement/replacedNumber`, `${JSON.stringify(document.replacement?.replacedNumber ?? null)} in the document, ${replaced.certificateNumber} in /payload/replaced`));
  if (issues.some((i) => i.severity === 'error')) return { issues };

  const canonical = canonicalDocument(document);
  const old = await ctx.store.certificates.findByNumber(replaced.issuingCountry, replaced.certificateNumber);
  const existing = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
  const refuse = (issue: IssueSummary, about?: CertificateRow): HandlerOutcome => ({ issues: [...issues, issue], ...(about ? { certificateId: about.id } : {}) });
  if (existing && existing.documentDigest !== canonical.digest) return refuse(exchangeIssue('exchange.certificate-exists', `${base}/header/number`, `${header.number} received earlier in message ${existing.messageId}`));
  if (old && old.agreement !== env.agreement) return refuse(exchangeIssue('exchange.agreement-mismatch', '/payload/replaced/certificateNumber', `${old.number} was received under ${old.agreement}, replaced in a ${env.agreement} envelope`), old);
  if (old?.lifecycle === 'cancelled') return refuse(exchangeIssue('exchange.already-cancelled', '/payload/replaced/certificateNumber', `${old.number} was cancelled`), old);
  if (old?.lifecycle === 'replaced' && old.replacedById !== existing?.id) return refuse(exchangeIssue('exchange.already-replaced', '/payload/replaced/certificateNumber', `${old.number} was replaced by another certificate`), old);
  if (!old) issues.push({ ...exchangeIssue('exchange.replaced-unknown', '/payload/replaced/certificateNumber', `${replaced.issuingCountry} ${replaced.certificateNumber}`), severity: 'warning' });

  const actor = `partner:${env.sender.country}/${env.sender.gateway}`;
  // The same replacement again (a resend under a new message id): nothing changes.
  if (existing && (old === undefined || old.replacedById === existing.id)) {
    return { issues, certificateId: existing.id, write: async (tx) => tx.audit.append({ at: now, actor, action: 'certificate.received-again', subject: existing.id, details: JSON.stringify({ messageId: env.id, kind: env.kind }) }) };
  }
  const id = existing?.id ?? randomUUID();
  const row = certificateRow({ id, document, direction: 'inbound', source: 'push', partnerCountry: env.sender.country, profileId: profile.id, status: 'received', messageId: env.id, now }, canonical);
  return {
    issues,
    certificateId: id,
    write: async (tx) => {
      if (old) await assertUnchanged(tx.certificates, old);
      if (!existing) await tx.certificates.insert(row);
      if (old) {
        await tx.certificates.setLifecycle(id, { lifecycle: 'active', replacesId: old.id }, now);
        if (!(await tx.certificates.setLifecycle(old.id, { lifecycle: 'replaced', replacedById: id }, now, { from: ['active'] }))) throw changedMeanwhile(old);
      }
      await tx.audit.append({ at: now, actor, action: 'certificate.received', subject: id, details: JSON.stringify({ number: header.number, messageId: env.id, profile: profile.id, digest: canonical.digest, replaces: old?.id ?? null, replacesNumber: replaced.certificateNumber }) });
      if (old) await tx.audit.append({ at: now, actor, action: 'certificate.replaced', subject: old.id, details: JSON.stringify({ replacedBy: id, number: header.number, reason: payload.reason ?? null, messageId: env.id }) });
    },
  };
};
