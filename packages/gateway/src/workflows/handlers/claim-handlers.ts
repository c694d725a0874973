/**
 * Handlers of the partner messages of the claim area (see index.ts): co.utilisation, the importing
 * customs' grant or denial of preference on one of our certificates. Stored per certificate so the
 * issuing side can answer "where and how much of it was used?", and audited for its timeline
 * (certificate.utilised or certificate.refused).
 */
import { randomUUID } from 'node:crypto';
import type { IssueSummary, PayloadOf } from '@originlink/protocol';
import { exchangeCodes } from '../../errors/exchange-codes.js';
import { exchangeIssue, type Handler, type HandlerMap, type HandlerOutcome } from './handler.js';

export const handleUtilisation: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const env = message.envelope;
  const payload = message.payload as PayloadOf<'co.utilisation'>;
  const self = ctx.config.self.country;
  const certificate = payload.issuingCountry === self ? await ctx.store.certificates.findByNumber(self, payload.certificateNumber) : undefined;
  if (certificate?.direction !== 'outbound') {
    return { issues: [exchangeIssue('exchange.utilisation-unknown-certificate', '/payload/certificateNumber', `${payload.issuingCountry} ${payload.certificateNumber} was not issued through this gateway (${self})`)] };
  }
  if (certificate.importingCountry !== env.sender.country) {
    return { issues: [exchangeIssue('exchange.utilisation-not-addressed', '/payload/certificateNumber', `${payload.certificateNumber} is addressed to ${certificate.importingCountry}, not ${env.sender.country}`)] };
  }
  const known = new Set((await ctx.store.certificates.items(certificate.id)).map((i) => i.itemNumber));
  // An unknown item number is noted, not refused: the notice is still the partner's decision.
  const issues: IssueSummary[] = payload.items.flatMap((item, i) =>
    known.has(item.itemNumber) ? [] : [{ code: 'exchange.utilisation-unknown-item', path: `/payload/items/${i}/itemNumber`, severity: 'warning' as const, message: `${exchangeCodes['exchange.utilisation-unknown-item']}: ${item.itemNumber}` }],
  );
  const decidedAt = Date.parse(payload.decidedAt);
  // The same notice resent under a new message id (an admin resend) is acknowledged, not stored twice.
  const items = JSON.stringify(payload.items);
  const stored = await ctx.store.utilisations.listForCertificate(certificate.id);
  if (stored.some((u) => u.partnerCountry === env.sender.country && u.declarationReference === payload.declarationReference && u.decision === payload.decision && u.items === items && u.decidedAt === decidedAt)) {
    return { issues, certificateId: certificate.id };
  }
  return {
    issues,
    certificateId: certificate.id,
    write: async (tx) => {
      await tx.utilisations.insert({
        id: randomUUID(), certificateId: certificate.id, messageId: env.id, partnerCountry: env.sender.country, declarationReference: payload.declarationReference,
        decision: payload.decision, items, decidedAt, receivedAt: now,
      });
      await tx.audit.append({
        at: now, actor: `partner:${env.sender.country}/${env.sender.gateway}`, action: payload.decision === 'denied' ? 'certificate.refused' : 'certificate.utilised', subject: certificate.id,
        details: JSON.stringify({ messageId: env.id, partner: env.sender.country, declarationReference: payload.declarationReference, decision: payload.decision, items: payload.items }),
      });
    },
  };
};

export const claimHandlers: HandlerMap = { 'co.utilisation': handleUtilisation };
