/**
 * National API submission of an issued certificate (or declaration of origin): validate against the
 * dataset and the agreement profile, then store the certificate, the signed message and its outbox
 * entry in one durable transaction. Idempotent on the certificate number (the same document again
 * returns the first result; a different one is a conflict) and on the client's Idempotency-Key.
 */
import { randomUUID } from 'node:crypto';
import { outboundMessage } from './outbound-message.js';
import { StoreError } from '@originlink/store';
import { GatewayError } from '../errors/gateway-errors.js';
import type { GatewayContext } from '../gateway-context.js';
import { certificateRow } from './certificate-row.js';
import { issuedKind, validateSubmission, type SubmissionWarning } from './validate-submission.js';

export interface SubmitResult {
  /** 202 for a new submission, 200 when it repeats an earlier one. */
  readonly status: 200 | 202;
  readonly body: SubmissionView;
}

export interface SubmissionView {
  readonly id: string;
  readonly number: string;
  readonly issuingCountry: string;
  readonly importingCountry: string;
  readonly status: string;
  readonly messageId: string;
  readonly warnings: readonly SubmissionWarning[];
}

/** The client's Idempotency-Key, recorded in the same transaction as a new submission. */
export interface IdempotencyInput {
  readonly scope: string;
  readonly key: string;
  readonly requestDigest: string;
}

/**
 * The response recorded for an Idempotency-Key, if the key was used; throws idempotency.key-reused
 * when it was used with another request body.
 */
export async function findIdempotentResponse(ctx: GatewayContext, idempotency: IdempotencyInput): Promise<{ status: 200 | 202; response: string } | undefined> {
  const earlier = await ctx.store.idempotency.find(idempotency.scope, idempotency.key);
  if (!earlier) return undefined;
  if (earlier.requestDigest !== idempotency.requestDigest) {
    throw new GatewayError('idempotency.key-reused', `Idempotency-Key "${idempotency.key}" was used on ${new Date(earlier.createdAt).toISOString()} with a different body`);
  }
  return { status: earlier.status === 200 ? 200 : 202, response: earlier.response };
}

export async function submitCertificate(ctx: GatewayContext, actor: string, body: unknown, idempotency?: IdempotencyInput): Promise<SubmitResult> {
  const now = ctx.clock();
  const { profile, document, partner, canonical, warnings } = await validateSubmission(ctx, body, now);
  const { header } = document;
  const existing = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
  if (existing) return repeat(existing, canonical.digest, warnings);

  const id = randomUUID();
  const kind = issuedKind(profile, document);
  const message = outboundMessage(ctx, {
    kind,
    partner,
    agreement: header.agreementCode,
    datasetVersion: profile.datasetVersion,
    payload: kind === 'co.issued' ? { certificate: document } : { declaration: document },
    certificateId: id,
    orderKey: id,
    now,
    // The payload is the document under one key: its canonical text follows from the document's.
    canonicalPayload: `{"${kind === 'co.issued' ? 'certificate' : 'declaration'}":${canonical.text}}`,
  });
  const view: SubmissionView = { id, number: header.number, issuingCountry: header.issuingCountry, importingCountry: header.importingCountry, status: 'pending', messageId: message.id, warnings };
  const row = certificateRow({ id, document, direction: 'outbound', source: 'national', partnerCountry: partner.country, profileId: profile.id, status: 'pending', messageId: message.id, now }, canonical);
  try {
    await ctx.commits.run(async (tx) => {
      await tx.certificates.insert(row);
      await tx.audit.append({ at: now, actor, action: 'certificate.submitted', subject: id, details: JSON.stringify({ number: header.number, profile: profile.id, digest: canonical.digest }) });
      await message.write(tx);
      if (idempotency) await tx.idempotency.insert({ ...idempotency, status: 202, response: JSON.stringify(view), createdAt: now });
    });
  } catch (err) {
    // A concurrent submission won the race: answer as for a repeat of it.
    if (err instanceof StoreError && err.reason === 'unique-violation') {
      const replay = idempotency ? await findIdempotentResponse(ctx, idempotency) : undefined;
      if (replay) return { status: replay.status, body: JSON.parse(replay.response) as SubmissionView };
      const winner = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
      if (winner) return repeat(winner, canonical.digest, warnings);
    }
    throw err;
  }
  ctx.wakeDispatcher();
  return { status: 202, body: view };
}

function repeat(existing: { id: string; number: string; issuingCountry: string; importingCountry: string; status: string; messageId: string; documentDigest: string }, digest: string, warnings: SubmissionView['warnings']): SubmitResult {
  if (existing.documentDigest !== digest) {
    throw new GatewayError('certificate.exists', `certificate ${existing.number} was already submitted with different content (id ${existing.id}); a changed certificate must be issued as a replacement`, { id: existing.id });
  }
  return { status: 200, body: { id: existing.id, number: existing.number, issuingCountry: existing.issuingCountry, importingCountry: existing.importingCountry, status: existing.status, messageId: existing.messageId, warnings } };
}
