/**
 * Replacement (issuing side): the issuing authority issues a new certificate, with a new number,
 * whose replacement.replacedNumber names the one it replaces (after loss, damage or an error).
 * Validated like a submission; in one transaction the new certificate is stored, the old one
 * becomes `replaced` pointing to it, and co.replaced is queued behind every earlier message of the
 * chain (orderKey = the original certificate's id).
 */
import { randomUUID } from 'node:crypto';
import { StoreError, type CertificateRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { certificateRow } from '../certificate-row.js';
import { outboundMessage } from '../outbound-message.js';
import { validateSubmission, type ValidSubmission } from '../validate-submission.js';
import { assertChangeable, assertSameParties, originalId, recheck, recheckOrConflict } from './lifecycle-guards.js';
import { lifecycleView, type LifecycleResult } from './lifecycle-view.js';
import { loadCertificate, mustGet } from './load-certificate.js';

/** Replaces certificate `id` (ours, active) by the document `body`; the same replacement again answers 200. */
export async function replaceCertificate(ctx: GatewayContext, actor: string, id: string, body: unknown): Promise<LifecycleResult> {
  const now = ctx.clock();
  const old = await loadCertificate(ctx, id);
  // A replaced certificate may be this very replacement again (answered as a repeat below).
  if (old.direction !== 'outbound' || old.lifecycle !== 'replaced') assertChangeable(old, 'replace');
  const valid = await validateSubmission(ctx, body, now);
  const { document, canonical, profile, partner, warnings } = valid;
  const { header } = document;
  if (old.lifecycle === 'replaced') return repeat(ctx, old, valid);
  if (document.replacement?.replacedNumber !== old.number) {
    throw new GatewayError('certificate.replaced-number-mismatch', `replacement.replacedNumber is ${JSON.stringify(document.replacement?.replacedNumber ?? null)}; the certificate being replaced is ${old.number}`, { id: old.id, expected: old.number });
  }
  assertSameParties(old, valid);
  const clash = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
  if (clash) throw new GatewayError('certificate.exists', `certificate ${header.number} already exists (id ${clash.id}); a replacement needs a number of its own`, { id: clash.id });

  const newId = randomUUID();
  const reason = document.replacement.reason ?? document.replacement.reasonCode;
  const message = outboundMessage(ctx, {
    kind: 'co.replaced',
    partner,
    agreement: header.agreementCode,
    datasetVersion: profile.datasetVersion,
    payload: { certificate: document, replaced: { certificateNumber: old.number, issuingCountry: old.issuingCountry }, ...(reason === undefined ? {} : { reason }) },
    refersTo: old.messageId,
    certificateId: newId,
    orderKey: await originalId(ctx.store.certificates, old),
    now,
  });
  const row = certificateRow({ id: newId, document, direction: 'outbound', source: 'national', partnerCountry: partner.country, profileId: profile.id, status: 'pending', messageId: message.id, now }, canonical);
  try {
    await ctx.commits.run(async (tx) => {
      await recheck(tx.certificates, old, 'replace');
      await tx.certificates.insert(row);
      await tx.certificates.setLifecycle(newId, { lifecycle: 'active', replacesId: old.id }, now);
      if (!(await tx.certificates.setLifecycle(old.id, { lifecycle: 'replaced', replacedById: newId }, now, { from: ['active'] }))) await recheckOrConflict(tx.certificates, old, 'replace');
      await tx.audit.append({ at: now, actor, action: 'certificate.submitted', subject: newId, details: JSON.stringify({ number: header.number, profile: profile.id, digest: canonical.digest, replaces: old.id, replacesNumber: old.number }) });
      await tx.audit.append({ at: now, actor, action: 'certificate.replaced', subject: old.id, details: JSON.stringify({ replacedBy: newId, number: header.number, reason: reason ?? null, messageId: message.id }) });
      await message.write(tx);
    });
  } catch (err) {
    // A concurrent request stored this number first: the same replacement answers as a repeat.
    if (err instanceof StoreError && err.reason === 'unique-violation') return repeat(ctx, (await ctx.store.certificates.get(old.id)) ?? old, valid);
    throw err;
  }
  ctx.wakeDispatcher();
  return { status: 202, body: lifecycleView(await mustGet(ctx, newId), message.id, warnings) };
}

/** The old certificate is replaced already: by this very document (200), or by another one (409). */
async function repeat(ctx: GatewayContext, old: CertificateRow, valid: ValidSubmission): Promise<LifecycleResult> {
  const { header } = valid.document;
  const existing = await ctx.store.certificates.findByNumber(header.issuingCountry, header.number);
  if (existing && existing.id === old.replacedById && existing.documentDigest === valid.canonical.digest) {
    return { status: 200, body: lifecycleView(existing, existing.messageId, valid.warnings) };
  }
  if (old.lifecycle !== 'active') assertChangeable(old, 'replace');
  throw new GatewayError('certificate.exists', `certificate ${header.number} already exists${existing ? ` (id ${existing.id})` : ''}; a replacement needs a number of its own`, existing ? { id: existing.id } : {});
}
