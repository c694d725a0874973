/**
 * The audit log's hashes. Leaf: SHA-256(0x00 || RFC 8785 JSON of {seq, at, actor, action,
 * subject, details}) with details as the stored text (byte-exact, not re-parsed). Root: an
 * RFC 6962 Merkle tree (node = SHA-256(0x01 || left || right); an odd last node is promoted a
 * level unchanged, which yields the same root as RFC 6962's split at the largest power of two).
 * Chain: SHA-256(previous chain || root || id || count), hashes as 32 raw bytes and id, count as
 * 8-byte big-endian integers; the first seal chains from 32 zero bytes (64 hex zeros).
 */
import { createHash } from 'node:crypto';
import type { AuditRow } from '../repos/audit-repo.js';
import { canonicalJson } from '@originlink/dataset';

export const genesisChain = '0'.repeat(64);

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** The leaf hash of one audit row. */
export function auditLeafHash(row: Pick<AuditRow, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details'>): Buffer {
  const leaf = canonicalJson({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details: row.details });
  return sha256(Buffer.of(0x00), Buffer.from(leaf, 'utf8'));
}

/** The Merkle root (hex) of leaf hashes in order; a tree needs at least one leaf. */
export function merkleRoot(leaves: readonly Buffer[]): string {
  if (leaves.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  let level = leaves;
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Buffer;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256(Buffer.of(0x01), left, right));
    }
    level = next;
  }
  return (level[0] as Buffer).toString('hex');
}

function uint64(n: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(n));
  return bytes;
}

/** The chain hash (hex) linking a seal to the previous one. */
export function chainHash(previousChain: string, root: string, id: number, count: number): string {
  return sha256(Buffer.from(previousChain, 'hex'), Buffer.from(root, 'hex'), uint64(id), uint64(count)).toString('hex');
}
