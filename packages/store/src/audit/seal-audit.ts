/**
 * Seals the oldest unsealed audit rows in one transaction: Merkle root of their leaf hashes,
 * chained to the previous seal, members marked with the seal id. Membership is by seal id, not a
 * seq range, so a row whose transaction committed late (PostgreSQL sequences) simply goes into a
 * later seal.
 */
import type { AuditSeal } from '../repos/audit-repo.js';
import type { Store } from '../store.js';
import { auditLeafHash, chainHash, genesisChain, merkleRoot } from './audit-hashes.js';

export interface SealAuditOptions {
  /** Most rows in one seal. */
  readonly batchSize: number;
  /** The seal's timestamp (epoch ms). */
  readonly now: number;
}

/**
 * Seals up to `batchSize` unsealed rows; undefined when there were none, or when another
 * instance holds the sealing lock (stores with advisoryLocks) and is sealing them.
 */
export async function sealAudit(store: Store, options: SealAuditOptions): Promise<AuditSeal | undefined> {
  return store.transaction(async (tx) => {
    // Several instances share one PostgreSQL: the one holding the lock seals, the others skip
    // this round instead of racing it to the next seal id.
    if (!(await tx.audit.lockSealing())) return undefined;
    const rows = await tx.audit.unsealed(options.batchSize);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return undefined;
    const previous = await tx.audit.lastSeal();
    const id = (previous?.id ?? 0) + 1;
    const root = merkleRoot(rows.map(auditLeafHash));
    const chain = chainHash(previous?.chain ?? genesisChain, root, id, rows.length);
    return tx.audit.seal(
      { id, firstSeq: first.seq, lastSeq: last.seq, count: rows.length, root, chain, sealedAt: options.now },
      rows.map((r) => r.seq),
    );
  });
}
