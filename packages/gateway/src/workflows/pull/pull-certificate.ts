/**
 * Importing side of the Pull model: ask the issuing country's gateway for one certificate with a
 * signed pull.request, verify its signed pull.response (pinned keys, our request's id), check the
 * certificate as if it had been pushed (profile, issuer, addressee, agreement) and that it is the
 * one asked for, then store it with source `pull`, both messages as evidence, and an audit entry.
 * A certificate already received is returned without pulling. Never throws for the partner's
 * behaviour: every outcome is a PullOutcome.
 */
import { randomUUID } from 'node:crypto';
import { createMessage, encodeMessage, sha256Digest } from '@originlink/protocol';
import { StoreError, type Repositories } from '@originlink/store';
import { utcDate, type GatewayContext } from '../../gateway-context.js';
import { callPartner } from '../../partners/partner-call.js';
import { canonicalDocument, certificateRow } from '../certificate-row.js';
import { checkPartnerDocument } from '../handlers/partner-document.js';
import type { PullOutcome } from './pull-outcome.js';
import { readPullResponse } from './read-pull-response.js';

export interface PullInput {
  readonly certificateNumber: string;
  readonly issuingCountry: string;
  readonly verificationCode?: string;
}

/** Pulls one certificate; `actor` is recorded in the audit log (an API token name, or `system`). */
export async function pullCertificate(ctx: GatewayContext, input: PullInput, actor = 'system'): Promise<PullOutcome> {
  const already = await ctx.store.certificates.findByNumber(input.issuingCountry, input.certificateNumber);
  if (already?.direction === 'inbound') return { found: true, stored: false, certificateId: already.id, messageId: null };

  const now = ctx.clock();
  await ctx.partners.refresh();
  const partner = input.issuingCountry === ctx.config.self.country ? undefined : ctx.partners.partner(input.issuingCountry);
  // Any agreement in force with the partner that offers pulls: the partner checks the certificate's own.
  const profile = partner && ctx.agreements.profiles.find((p) => p.lifecycle.pull !== undefined && partner.agreements.includes(p.agreement.code) && ctx.agreements.inForce(p.agreement.code, [partner.country, ctx.config.self.country], utcDate(now)));
  if (!partner || !profile) return { found: false, refusedBy: 'gateway', reason: 'pull.no-partner', detail: partner ? `no agreement in force with ${partner.country} offers the Pull model here` : `no partner gateway for ${input.issuingCountry}` };

  const request = createMessage({
    kind: 'pull.request', sender: ctx.config.self, receiver: { country: partner.country, gateway: partner.gatewayId }, agreement: profile.agreement.code, datasetVersion: profile.datasetVersion,
    payload: { certificateNumber: input.certificateNumber, issuingCountry: input.issuingCountry, ...(input.verificationCode !== undefined ? { verificationCode: input.verificationCode } : {}) }, now,
  }, ctx.signer);
  const requestRaw = encodeMessage(request);
  const call = await callPartner(ctx.config, partner.endpoint, { method: 'POST', path: 'partner/v1/pull', body: requestRaw, accept: 'application/json' });
  if (!call.ok) return { found: false, refusedBy: 'gateway', reason: 'pull.partner-unreachable', detail: call.detail };
  const answer = readPullResponse(ctx, call.response, request.envelope, ctx.clock());
  if (!answer.ok) return answer.outcome;
  const { message, raw } = answer;
  const env = message.envelope;
  const subject = `pull:${input.issuingCountry}/${input.certificateNumber}`;

  const storeMessages = async (tx: Repositories, certificateId: string | null): Promise<void> => {
    await tx.messages.insert({ id: request.envelope.id, direction: 'out', kind: 'pull.request', senderCountry: ctx.config.self.country, senderGateway: ctx.config.self.gateway, receiverCountry: partner.country, receiverGateway: partner.gatewayId, agreement: request.envelope.agreement, refersTo: null, certificateId, raw: requestRaw, digest: sha256Digest(requestRaw), createdAt: now, storedAt: now });
    await tx.messages.insert({ id: env.id, direction: 'in', kind: 'pull.response', senderCountry: env.sender.country, senderGateway: env.sender.gateway, receiverCountry: env.receiver.country, receiverGateway: env.receiver.gateway, agreement: env.agreement, refersTo: request.envelope.id, certificateId, raw, digest: sha256Digest(raw), createdAt: Date.parse(env.createdAt), storedAt: ctx.clock() });
  };

  if (!message.payload.found) {
    const reason = message.payload.reason;
    await ctx.commits.run(async (tx) => {
      await storeMessages(tx, null);
      await tx.audit.append({ at: ctx.clock(), actor, action: 'pull.not-found', subject, details: JSON.stringify({ requestId: request.envelope.id, responseId: env.id, reason }) });
    });
    return { found: false, refusedBy: 'partner', reason, detail: answer.reasonText, messageId: env.id };
  }

  const checked = checkPartnerDocument(ctx, message.payload.certificate, env, '/payload/certificate', ctx.clock());
  if (!checked.ok) return { found: false, refusedBy: 'gateway', reason: 'pull.certificate-invalid', detail: `the pulled certificate fails ${checked.issues.filter((i) => i.severity === 'error').length} check(s)`, issues: checked.issues };
  const { header } = checked.document;
  if (header.number !== input.certificateNumber || header.issuingCountry !== input.issuingCountry) {
    return { found: false, refusedBy: 'gateway', reason: 'pull.certificate-invalid', detail: `asked for ${input.issuingCountry} ${input.certificateNumber}, answered ${header.issuingCountry} ${header.number}` };
  }

  const originalMessageId = message.payload.originalMessageId ?? null;
  const id = randomUUID();
  const canonical = canonicalDocument(checked.document);
  const at = ctx.clock();
  const row = certificateRow({ id, document: checked.document, direction: 'inbound', source: 'pull', partnerCountry: env.sender.country, profileId: checked.profile.id, status: 'received', messageId: env.id, now: at }, canonical);
  try {
    await ctx.commits.run(async (tx) => {
      await tx.certificates.insert(row);
      await storeMessages(tx, id);
      await tx.audit.append({ at, actor, action: 'certificate.pulled', subject: id, details: JSON.stringify({ number: header.number, requestId: request.envelope.id, responseId: env.id, originalMessageId, profile: checked.profile.id, digest: canonical.digest }) });
    });
  } catch (err) {
    // Pushed (or pulled by a concurrent claim) meanwhile: the copy that is stored wins.
    if (err instanceof StoreError && err.reason === 'unique-violation') {
      const winner = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
      if (winner) return { found: true, stored: false, certificateId: winner.id, messageId: null };
    }
    throw err;
  }
  return { found: true, stored: true, certificateId: id, messageId: env.id };
}
