/**
 * Amendment (issuing side), where the agreement allows it (profile lifecycle.amendment: allowed):
 * a new version of the same certificate, same number, header.version one higher. Validated like a
 * submission; the store keeps every version; the new version goes to the partner as co.issued,
 * behind every earlier message of the certificate's chain.
 */
import type { CertificateRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { certificateRow } from '../certificate-row.js';
import { outboundMessage } from '../outbound-message.js';
import { issuedKind, validateSubmission } from '../validate-submission.js';
import { assertChangeable, assertSameParties, originalId, recheck } from './lifecycle-guards.js';
import { lifecycleView, type LifecycleResult } from './lifecycle-view.js';
import { loadCertificate, mustGet } from './load-certificate.js';

/** Amends certificate `id` (ours, active) to the document `body`; the same version again answers 200. */
export async function amendCertificate(ctx: GatewayContext, actor: string, id: string, body: unknown): Promise<LifecycleResult> {
  const now = ctx.clock();
  const row = await loadCertificate(ctx, id);
  assertChangeable(row, 'amend');
  assertAmendable(ctx, row);
  const valid = await validateSubmission(ctx, body, now);
  const { document, canonical, profile, partner, warnings } = valid;
  const { header } = document;
  if (header.number !== row.number) throw new GatewayError('certificate.amendment-number-mismatch', `header.number is ${header.number}; the certificate being amended is ${row.number} (a new number is a replacement: POST /api/v1/certificates/${row.id}/replace)`, { id: row.id });
  assertSameParties(row, valid);
  const version = header.version ?? 1;
  if (version === row.version && canonical.digest === row.documentDigest) return { status: 200, body: lifecycleView(row, row.messageId, warnings) };
  if (version !== row.version + 1) throw new GatewayError('certificate.amendment-version', `header.version is ${header.version ?? '(absent, i.e. 1)'}; the certificate is at version ${row.version}, so its amendment is version ${row.version + 1}`, { id: row.id, version: row.version });

  const kind = issuedKind(profile, document);
  const message = outboundMessage(ctx, {
    kind,
    partner,
    agreement: header.agreementCode,
    datasetVersion: profile.datasetVersion,
    payload: kind === 'co.issued' ? { certificate: document } : { declaration: document },
    refersTo: row.messageId,
    certificateId: row.id,
    orderKey: await originalId(ctx.store.certificates, row),
    now,
  });
  const amended = { ...certificateRow({ id: row.id, document, direction: 'outbound', source: row.source, partnerCountry: partner.country, profileId: profile.id, status: 'pending', messageId: message.id, now }, canonical), version };
  await ctx.commits.run(async (tx) => {
    await recheck(tx.certificates, row, 'amend');
    await tx.certificates.amend(row.id, amended, now);
    await tx.certificates.setMessage(row.id, message.id, now);
    await tx.certificates.setStatus(row.id, 'pending', now);
    await tx.audit.append({ at: now, actor, action: 'certificate.amended', subject: row.id, details: JSON.stringify({ number: row.number, version, previousVersion: row.version, digest: canonical.digest, messageId: message.id }) });
    await message.write(tx);
  });
  ctx.wakeDispatcher();
  return { status: 202, body: lifecycleView(await mustGet(ctx, row.id), message.id, warnings) };
}

/** Throws certificate.amendment-not-allowed unless the certificate's profile allows amendments. */
function assertAmendable(ctx: GatewayContext, row: CertificateRow): void {
  const profile = ctx.agreements.profiles.find((p) => p.id === row.profileId);
  if (profile?.lifecycle.amendment !== 'allowed') {
    throw new GatewayError('certificate.amendment-not-allowed', `profile ${row.profileId} says lifecycle.amendment: ${profile?.lifecycle.amendment ?? '(profile no longer configured)'}; issue a replacement with POST /api/v1/certificates/${row.id}/replace`, { id: row.id, profile: row.profileId });
  }
}
