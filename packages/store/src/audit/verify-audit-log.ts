/**
 * Recomputes the whole audit log: every seal's Merkle root from its members, its count and seq
 * range, the chain from the first seal, and rows pointing to a seal that does not exist. Each
 * seal is checked against the previous seal's stored chain, so one altered seal is reported once
 * instead of breaking every later link. Deleting the newest seals together with their rows
 * leaves a shorter but consistent log: compare the head chain with a copy kept elsewhere.
 */
import type { AuditSeal } from '../repos/audit-repo.js';
import type { Store } from '../store.js';
import { auditLeafHash, chainHash, genesisChain, merkleRoot } from './audit-hashes.js';

export const auditProblemKinds = ['root-mismatch', 'count-mismatch', 'range-mismatch', 'chain-mismatch', 'missing-seal'] as const;
export type AuditProblemKind = (typeof auditProblemKinds)[number];

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** The seal concerned (for missing-seal: the id the rows point to). */
  readonly sealId: number;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Rows in seals that exist (as found now, so a deleted row is not counted). */
  readonly sealed: number;
  readonly unsealed: number;
  readonly seals: number;
  /** The newest seal's stored chain: publish or copy it to detect truncation of the log's tail. */
  readonly head: string | undefined;
  readonly problems: readonly AuditProblem[];
}

const pageSize = 100;

function checkSeal(seal: AuditSeal, members: Parameters<typeof auditLeafHash>[0][], previousChain: string): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const problem = (kind: AuditProblemKind, message: string): void => void problems.push({ kind, sealId: seal.id, message: `seal ${seal.id}: ${message}` });
  if (members.length !== seal.count) problem('count-mismatch', `${members.length} rows carry this seal, it was sealed over ${seal.count}`);
  const root = members.length === 0 ? undefined : merkleRoot(members.map(auditLeafHash));
  if (root !== seal.root) problem('root-mismatch', `recomputed root ${root ?? '(no rows)'} differs from the stored ${seal.root}: a member row was altered, removed or added`);
  const first = members[0]?.seq;
  const last = members.at(-1)?.seq;
  if (first !== seal.firstSeq || last !== seal.lastSeq) problem('range-mismatch', `members span seq ${first ?? '-'}..${last ?? '-'}, the seal says ${seal.firstSeq}..${seal.lastSeq}`);
  if (chainHash(previousChain, seal.root, seal.id, seal.count) !== seal.chain) {
    problem('chain-mismatch', 'the chain hash does not follow from the previous seal: a seal was altered, removed or inserted');
  }
  return problems;
}

/** Verifies every seal and reports each problem; `ok` when there is none. */
export async function verifyAuditLog(store: Store): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let previousChain = genesisChain;
  let sealed = 0;
  let seals = 0;
  let afterId = 0;
  for (;;) {
    const page = await store.audit.seals(afterId, pageSize);
    for (const seal of page) {
      const members = await store.audit.sealMembers(seal.id);
      problems.push(...checkSeal(seal, [...members], previousChain));
      sealed += members.length;
      seals += 1;
      previousChain = seal.chain;
      afterId = seal.id;
    }
    if (page.length < pageSize) break;
  }
  for (const sealId of await store.audit.orphanSealIds()) {
    problems.push({ kind: 'missing-seal', sealId, message: `rows point to seal ${sealId}, which does not exist` });
  }
  const unsealed = await store.audit.countUnsealed();
  return { ok: problems.length === 0, sealed, unsealed, seals, head: seals === 0 ? undefined : previousChain, problems };
}
