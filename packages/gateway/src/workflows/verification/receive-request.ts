/**
 * Exporting side, verification.request: a partner's customs asks us to verify a certificate we
 * issued to its country. Stored as inbound and `acknowledged` (our accepted receipt is the
 * acknowledgement) for the issuing authority to answer; the certificate shows it is under
 * verification. Refused (in the receipt) for a certificate we did not issue to that country.
 */
import { randomUUID } from 'node:crypto';
import type { PayloadOf, SignedMessage } from '@originlink/protocol';
import type { VerificationRow } from '@originlink/store';
import { exchangeIssue, type Handler, type HandlerOutcome } from '../handlers/handler.js';

export const handleVerificationRequest: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const { envelope: env, payload } = message as SignedMessage<PayloadOf<'verification.request'>>;
  const sender = env.sender;
  const certificate = payload.issuingCountry === ctx.config.self.country ? await ctx.store.certificates.findByNumber(payload.issuingCountry, payload.certificateNumber) : undefined;
  // The same answer whether the number is unknown or was issued to another country.
  if (certificate?.direction !== 'outbound' || certificate.importingCountry !== sender.country) {
    return { issues: [exchangeIssue('exchange.verification-certificate-unknown', '/payload/certificateNumber', `${payload.issuingCountry} ${payload.certificateNumber}`)] };
  }
  if (certificate.agreement !== env.agreement) return { issues: [exchangeIssue('exchange.agreement-mismatch', '/payload/certificateNumber', `certificate under ${certificate.agreement}, request in a ${env.agreement} envelope`)] };
  const items = new Set((await ctx.store.certificates.items(certificate.id)).map((i) => i.itemNumber));
  const itemNumbers = [...new Set(payload.itemNumbers ?? [])].sort((a, b) => a - b);
  const unknown = itemNumbers.filter((n) => !items.has(n));
  if (unknown.length > 0) return { issues: [exchangeIssue('exchange.verification-unknown-item', '/payload/itemNumbers', `no item ${unknown.join(', ')}`)] };
  const earlier = await ctx.store.verifications.find('inbound', sender.country, payload.requestId);
  if (earlier) return { issues: [exchangeIssue('exchange.verification-duplicate-request', '/payload/requestId', `received in message ${earlier.requestMessageId}`)] };

  const row: VerificationRow = {
    id: randomUUID(), requestId: payload.requestId, direction: 'inbound', partnerCountry: sender.country, certificateId: certificate.id,
    certificateNumber: certificate.number, issuingCountry: certificate.issuingCountry, itemNumbers: JSON.stringify(itemNumbers),
    reasons: JSON.stringify(payload.reasons), replyBy: payload.replyBy, state: 'acknowledged', outcome: null, findings: null, response: null,
    requestMessageId: env.id, responseMessageId: null, requestedAt: Date.parse(payload.requestedAt), acknowledgedAt: now, answeredAt: null,
  };
  return {
    issues: [],
    certificateId: certificate.id,
    write: async (tx) => {
      // A second message with this requestId racing this one fails on the unique key and is
      // handled again by the intake (which then refuses it as a duplicate request).
      await tx.verifications.insert(row);
      await tx.certificates.setVerificationStatus(certificate.id, 'under-verification', now);
      await tx.audit.append({ at: now, actor: `partner:${sender.country}/${sender.gateway}`, action: 'verification.received', subject: certificate.id, details: JSON.stringify({ verificationId: row.id, requestId: payload.requestId, messageId: env.id, itemNumbers, reasons: payload.reasons.map((r) => r.code), replyBy: payload.replyBy }) });
    },
  };
};
