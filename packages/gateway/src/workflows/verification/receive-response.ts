/**
 * Importing side, verification.response: the issuing side answers a request we sent. A
 * compare-and-set moves the request to `answered` (a second response is refused), the certificate
 * takes the outcome as its verification status, and the accepted claims on it are flagged when
 * origin is not (or only partly) confirmed (after the answer's audit entry), all in the intake's
 * transaction.
 */
import type { PayloadOf, SignedMessage } from '@originlink/protocol';
import { StoreError } from '@originlink/store';
import { exchangeIssue, type Handler, type HandlerOutcome } from '../handlers/handler.js';
import { itemsProblem } from './answer-verification.js';
import { claimsToFlag, flagClaims, type ClaimFlag } from './claim-effects.js';

export const handleVerificationResponse: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const { envelope: env, payload } = message as SignedMessage<PayloadOf<'verification.response'>>;
  const sender = env.sender;
  const row = await ctx.store.verifications.find('outbound', sender.country, payload.requestId);
  const matches = row !== undefined && row.certificateNumber === payload.certificateNumber && row.issuingCountry === payload.issuingCountry && (env.refersTo === undefined || env.refersTo === row.requestMessageId);
  if (!row || !matches) return { issues: [exchangeIssue('exchange.verification-unknown-request', '/payload/requestId', `${payload.requestId} for ${payload.issuingCountry} ${payload.certificateNumber}`)] };
  if (row.state === 'answered') return { issues: [exchangeIssue('exchange.verification-already-answered', '/payload/requestId', `answered in message ${row.responseMessageId ?? ''}`)] };
  const problem = itemsProblem(payload.outcome, payload.items);
  if (problem) return { issues: [exchangeIssue('exchange.verification-items-missing', '/payload/items', problem)] };
  const certificateId = row.certificateId;
  if (certificateId) {
    const known = new Set((await ctx.store.certificates.items(certificateId)).map((i) => i.itemNumber));
    const unknown = (payload.items ?? []).map((i) => i.itemNumber).filter((n) => !known.has(n));
    if (unknown.length > 0) return { issues: [exchangeIssue('exchange.verification-unknown-item', '/payload/items', `no item ${unknown.join(', ')}`)] };
  }
  // The partner's receipt for our request is its acknowledgement; recorded now if not before.
  const acknowledgedAt = row.acknowledgedAt ?? (await ctx.store.receipts.getReceived(row.requestMessageId))?.createdAt ?? now;
  const actor = `partner:${sender.country}/${sender.gateway}`;
  return {
    issues: [],
    ...(certificateId ? { certificateId } : {}),
    write: async (tx) => {
      const change = { state: 'answered', outcome: payload.outcome, findings: payload.findings, response: JSON.stringify(payload), responseMessageId: env.id, acknowledgedAt, answeredAt: now } as const;
      if (!(await tx.verifications.transition(row.id, ['requested', 'acknowledged'], change))) {
        // Another response won since the check above: the intake handles this message again and
        // refuses it as already answered.
        throw new StoreError('unique-violation', `verification ${row.id} was answered concurrently`);
      }
      let flags: ClaimFlag[] = [];
      if (certificateId) {
        await tx.certificates.setVerificationStatus(certificateId, payload.outcome, now);
        flags = await claimsToFlag(tx, { certificateId, doubted: JSON.parse(row.itemNumbers) as number[], response: payload });
      }
      // The answer is recorded before the claims it flags, so the timeline tells cause then effect.
      await tx.audit.append({ at: now, actor, action: 'verification.answered', subject: certificateId ?? `verification:${row.id}`, details: JSON.stringify({ verificationId: row.id, requestId: row.requestId, messageId: env.id, outcome: payload.outcome, flaggedClaims: flags.map((f) => f.claim.id) }) });
      if (certificateId) await flagClaims(tx, flags, { certificateId, verificationId: row.id, outcome: payload.outcome, now, actor });
    },
  };
};
