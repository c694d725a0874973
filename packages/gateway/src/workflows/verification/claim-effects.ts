/**
 * What a verification answer does to the claims already accepted on the certificate (importing
 * side): not confirmed flags every accepted claim for recovery of duties; partially confirmed flags
 * those that used an item left unconfirmed; confirmed changes nothing. Runs inside the answer's
 * transaction, so the flags and the answer are committed together.
 */
import type { PayloadOf } from '@originlink/protocol';
import type { ClaimRow, Repositories } from '@originlink/store';

type ResponsePayload = PayloadOf<'verification.response'>;

/**
 * The items a partially confirmed answer leaves unconfirmed: those it marks not confirmed, and those
 * the request doubted that it does not confirm (the reading the claims checks use too).
 */
export function unconfirmedItems(doubted: readonly number[], response: Pick<ResponsePayload, 'items'>): number[] {
  const answers = response.items ?? [];
  const confirmed = new Set(answers.filter((i) => i.confirmed).map((i) => i.itemNumber));
  const refused = answers.filter((i) => !i.confirmed).map((i) => i.itemNumber);
  return [...new Set([...refused, ...doubted.filter((n) => !confirmed.has(n))])].sort((a, b) => a - b);
}

/** Item numbers a claim used, from its stored lines (`items`: [{ itemNumber, ... }]). */
function usedItems(claim: ClaimRow): number[] {
  try {
    const lines = JSON.parse(claim.items) as unknown;
    if (!Array.isArray(lines)) return [];
    return lines.flatMap((l: unknown) => (typeof l === 'object' && l !== null && typeof (l as { itemNumber?: unknown }).itemNumber === 'number' ? [(l as { itemNumber: number }).itemNumber] : []));
  } catch {
    return [];
  }
}

/** An accepted claim the answer affects, with the unconfirmed items it used (partially confirmed only). */
export interface ClaimFlag {
  readonly claim: ClaimRow;
  readonly itemNumbers?: readonly number[];
}

/** The accepted claims the outcome affects and that are not flagged for recovery of duties yet. */
export async function claimsToFlag(tx: Repositories, input: { certificateId: string; doubted: readonly number[]; response: ResponsePayload }): Promise<ClaimFlag[]> {
  const { response } = input;
  if (response.outcome === 'confirmed') return [];
  const unconfirmed = response.outcome === 'partially-confirmed' ? new Set(unconfirmedItems(input.doubted, response)) : undefined;
  const claims = await tx.claims.list({ certificateId: input.certificateId, decision: 'accepted' }, 10_000);
  const out: ClaimFlag[] = [];
  for (const claim of claims) {
    if (claim.status === 'recovery-of-duties') continue;
    const hit = unconfirmed ? usedItems(claim).filter((n) => unconfirmed.has(n)) : undefined;
    if (hit?.length === 0) continue;
    out.push({ claim, ...(hit ? { itemNumbers: hit } : {}) });
  }
  return out;
}

/**
 * Flags the claims (status recovery-of-duties) and audits each. Called after the answer's own
 * audit entry, so a timeline shows the answer before what it caused (as for a cancellation).
 */
export async function flagClaims(tx: Repositories, flags: readonly ClaimFlag[], input: { certificateId: string; verificationId: string; outcome: ResponsePayload['outcome']; now: number; actor: string }): Promise<void> {
  for (const { claim, itemNumbers } of flags) {
    await tx.claims.update(claim.id, { status: 'recovery-of-duties' }, input.now);
    await tx.audit.append({
      at: input.now, actor: input.actor, action: 'claim.flagged', subject: input.certificateId,
      details: JSON.stringify({ claimId: claim.id, status: 'recovery-of-duties', verificationId: input.verificationId, outcome: input.outcome, ...(itemNumbers ? { itemNumbers } : {}), declarationReference: claim.declarationReference }),
    });
  }
}
