/**
 * Importing side, co.cancelled: the partner withdrew a certificate it issued for us. It becomes
 * `cancelled` with the partner's reason (claims on it are refused from then on), and every claim
 * already accepted on it is flagged for post-clearance review, each with its own audit entry; the
 * officer finds them with GET /api/v1/claims?status=post-clearance-review. A cancellation of a
 * certificate we never received, or of one already cancelled or replaced, is refused.
 */
import type { PayloadOf } from '@originlink/protocol';
import type { ClaimRow, Repositories } from '@originlink/store';
import { exchangeIssue, type Handler, type HandlerOutcome } from '../handlers/handler.js';
import { assertUnchanged, changedMeanwhile } from './assert-unchanged.js';

/** More accepted claims than this on one certificate would be flagged in several messages' worth of work. */
const maxClaims = 100_000;

export const receiveCancellation: Handler = async (ctx, message, now): Promise<HandlerOutcome> => {
  const env = message.envelope;
  const payload = message.payload as PayloadOf<'co.cancelled'>;
  if (payload.issuingCountry !== env.sender.country) return { issues: [exchangeIssue('exchange.issuer-mismatch', '/payload/issuingCountry', `${payload.issuingCountry} sent by ${env.sender.country}`)] };
  const row = await ctx.store.certificates.findByNumber(payload.issuingCountry, payload.certificateNumber);
  if (!row) return { issues: [exchangeIssue('exchange.cancelled-unknown', '/payload/certificateNumber', `${payload.issuingCountry} ${payload.certificateNumber}`)] };
  const refuse = (issue: ReturnType<typeof exchangeIssue>): HandlerOutcome => ({ issues: [issue], certificateId: row.id });
  if (row.agreement !== env.agreement) return refuse(exchangeIssue('exchange.agreement-mismatch', '/payload/certificateNumber', `${row.number} was received under ${row.agreement}, cancelled in a ${env.agreement} envelope`));
  if (row.lifecycle === 'cancelled') return refuse(exchangeIssue('exchange.already-cancelled', '/payload/certificateNumber', `${row.number} was cancelled on ${new Date(row.cancelledAt ?? row.updatedAt).toISOString()}`));
  if (row.lifecycle === 'replaced') return refuse(exchangeIssue('exchange.already-replaced', '/payload/certificateNumber', `${row.number} was replaced; cancel its replacement`));

  const actor = `partner:${env.sender.country}/${env.sender.gateway}`;
  const cancelReason = payload.reason === undefined ? payload.reasonCode : `${payload.reasonCode}: ${payload.reason}`;
  return {
    issues: [],
    certificateId: row.id,
    write: async (tx) => {
      await assertUnchanged(tx.certificates, row);
      // Compare-and-set: a message handled at the same time on another instance changed it.
      if (!(await tx.certificates.setLifecycle(row.id, { lifecycle: 'cancelled', cancelReason }, now, { from: ['active'] }))) throw changedMeanwhile(row);
      // Accepted claims not flagged yet (one flagged for recovery of duties keeps that status).
      const flagged = (await tx.claims.list({ certificateId: row.id, decision: 'accepted' }, maxClaims)).filter((c) => c.status === 'decided');
      await tx.audit.append({ at: now, actor, action: 'certificate.cancelled', subject: row.id, details: JSON.stringify({ number: row.number, reasonCode: payload.reasonCode, reason: payload.reason ?? null, cancelledAt: payload.cancelledAt, messageId: env.id, flaggedClaims: flagged.map((c) => c.id) }) });
      for (const claim of flagged) await flagClaim(tx, claim, row.id, actor, now);
    },
  };
};

/** Flags one accepted claim for post-clearance review, with its audit entry. */
async function flagClaim(tx: Repositories, claim: ClaimRow, certificateId: string, actor: string, now: number): Promise<void> {
  await tx.claims.update(claim.id, { status: 'post-clearance-review' }, now);
  // About the certificate (as the verification area's flags are), so its timeline shows the claim.
  await tx.audit.append({ at: now, actor, action: 'claim.flagged', subject: certificateId, details: JSON.stringify({ claimId: claim.id, status: 'post-clearance-review', previousStatus: claim.status, reason: 'certificate.cancelled', declarationReference: claim.declarationReference }) });
}
