/**
 * POST /api/v1/claims: decide a preference claim and record it. Idempotent on (certificate,
 * declaration reference): the same claim again returns the first decision. An accepted claim
 * consumes its quantities in the same transaction as its row, all items or none; when a concurrent
 * claim used what it needed, the claim is decided again against what now remains (and so rejected
 * with claim.quantity-exceeded). Final decisions queue a utilisation notice when the profile asks.
 */
import { randomUUID } from 'node:crypto';
import { StoreError, type ClaimRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { requestFingerprint, rowFingerprint, storedItems } from './claim-record.js';
import type { ClaimRequest } from './claim-request.js';
import { decide, type ClaimReason } from './claim-reasons.js';
import { loadClaimSubject } from './claim-subject.js';
import { evaluateClaim } from './evaluate-claim.js';
import { findClaimedCertificate } from './find-certificate.js';
import { QuantityTaken, recordClaim, type ClaimDraft } from './record-claim.js';

export interface ClaimResult {
  /** 201 for a new claim, 200 when it repeats an earlier one. */
  readonly status: 200 | 201;
  readonly claim: ClaimRow;
}

/** Attempts before giving up on a claim whose quantities keep being taken by concurrent ones. */
const maxAttempts = 8;

export async function submitClaim(ctx: GatewayContext, actor: string, request: ClaimRequest): Promise<ClaimResult> {
  checkRequest(ctx, request);
  const earlier = await ctx.store.claims.find(request.issuingCountry, request.certificateNumber, request.declarationReference);
  if (earlier) return repeat(earlier, request);

  await ctx.partners.refresh();
  const found = await findClaimedCertificate(ctx, request, actor);
  const id = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const now = ctx.clock();
    const base = { id, certificateNumber: request.certificateNumber, issuingCountry: request.issuingCountry, declarationReference: request.declarationReference, declarationDate: request.declarationDate, importerName: request.importer.name ?? null, importerId: request.importer.id ?? null, actor, createdAt: now };
    let draft: ClaimDraft;
    if (!found.certificate) {
      const reasons: readonly ClaimReason[] = found.reasons;
      const decision = decide(reasons);
      const items = request.items.map((c) => ({ line: c.line, claimed: c, itemNumber: null, matchedBy: null, useMicro: null, unitCode: null, decision: decision === 'rejected' ? ('denied' as const) : ('review' as const), reasonCodes: [] }));
      draft = { row: { ...base, certificateId: null, decision, status: decision === 'manual-review' ? 'review' : 'decided', reasons: JSON.stringify(reasons), items: JSON.stringify(items), noticeMessageId: null }, certificate: undefined, consumption: new Map(), reasons, items };
    } else {
      // Re-read on every attempt: a retry must see what concurrent claims used.
      const certificate = attempt === 1 ? found.certificate : ((await ctx.store.certificates.get(found.certificate.id)) ?? found.certificate);
      const subject = await loadClaimSubject(ctx, certificate);
      const evaluation = evaluateClaim(request, subject, found.reasons);
      const items = storedItems(evaluation.matches, evaluation.reasons, evaluation.decision, (n) => subject.items.find((i) => i.itemNumber === n)?.usableUnit ?? null);
      draft = {
        row: { ...base, certificateId: certificate.id, decision: evaluation.decision, status: evaluation.decision === 'manual-review' ? 'review' : 'decided', reasons: JSON.stringify(evaluation.reasons), items: JSON.stringify(items), noticeMessageId: null },
        certificate,
        consumption: evaluation.decision === 'accepted' ? evaluation.consumption : new Map(),
        reasons: evaluation.reasons,
        items,
      };
    }
    try {
      const claim = await recordClaim(ctx, draft, now);
      return { status: 201, claim };
    } catch (err) {
      if (err instanceof QuantityTaken) {
        if (attempt < maxAttempts) continue;
        throw new GatewayError('service.unavailable', `claim ${request.declarationReference} lost ${maxAttempts} races for certificate ${request.certificateNumber}'s quantities; nothing was recorded`);
      }
      if (err instanceof StoreError && err.reason === 'unique-violation') {
        // The same claim was recorded concurrently: answer as for a repeat of it.
        const winner = await ctx.store.claims.find(request.issuingCountry, request.certificateNumber, request.declarationReference);
        if (winner) return repeat(winner, request);
      }
      throw err;
    }
  }
}

function repeat(earlier: ClaimRow, request: ClaimRequest): ClaimResult {
  if (rowFingerprint(earlier) !== requestFingerprint(request)) {
    throw new GatewayError('claim.exists', `declaration ${request.declarationReference} already claimed preference on certificate ${request.certificateNumber} with other data (claim ${earlier.id}, ${earlier.decision})`, { id: earlier.id });
  }
  return { status: 200, claim: earlier };
}

/** What the schema cannot say: lines are unique, a quantity has a unit, and the certificate is foreign. */
function checkRequest(ctx: GatewayContext, request: ClaimRequest): void {
  if (request.issuingCountry === ctx.config.self.country) {
    throw new GatewayError('claim.issued-here', `${request.issuingCountry} is this gateway's country; claims are made on certificates received from partners`);
  }
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<number>();
  request.items.forEach((item, i) => {
    if (seen.has(item.line)) errors.push({ path: `/body/items/${i}/line`, message: `line ${item.line} appears twice` });
    seen.add(item.line);
    if (item.quantity !== undefined && item.unitCode === undefined) errors.push({ path: `/body/items/${i}/unitCode`, message: 'a quantity needs its unit' });
  });
  if (errors.length > 0) throw new GatewayError('request.invalid', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}
