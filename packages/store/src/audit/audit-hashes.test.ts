import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { auditLeafHash, chainHash, genesisChain, merkleRoot } from './audit-hashes.js';

const sha = (...parts: Buffer[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

/** RFC 6962 section 2.1 MTH, written from the RFC's recursive definition. */
function rfc6962(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.of(1), rfc6962(leaves.slice(0, k)), rfc6962(leaves.slice(k)));
}

const leaf = (n: number): Buffer => sha(Buffer.of(0), Buffer.from(String(n)));

describe('audit hashes', () => {
  it('computes the RFC 6962 Merkle tree hash for every size from 1 to 40 leaves', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leaf(i));
      assert.equal(merkleRoot(leaves), rfc6962(leaves).toString('hex'), `n = ${n}`);
    }
  });

  it('refuses an empty tree', () => {
    assert.throws(() => merkleRoot([]), RangeError);
  });

  it('hashes a row as 0x00 followed by its RFC 8785 JSON, details kept as text', () => {
    const row = { seq: 7, at: 1_760_000_000_000, actor: 'system', action: 'message.sent', subject: 'c1', details: '{"b":1, "a":2}' };
    const expected = sha(Buffer.of(0), Buffer.from('{"action":"message.sent","actor":"system","at":1760000000000,"details":"{\\"b\\":1, \\"a\\":2}","seq":7,"subject":"c1"}'));
    assert.equal(auditLeafHash(row).toString('hex'), expected.toString('hex'));
    assert.notEqual(auditLeafHash({ ...row, details: '{"a":2,"b":1}' }).toString('hex'), expected.toString('hex'));
  });

  it('chains over the previous chain, the root, and the id and count as 64-bit big-endian integers', () => {
    const root = 'ab'.repeat(32);
    const expected = sha(Buffer.alloc(32), Buffer.from(root, 'hex'), Buffer.from('0000000000000001', 'hex'), Buffer.from('00000000000001f4', 'hex'));
    assert.equal(chainHash(genesisChain, root, 1, 500), expected.toString('hex'));
    assert.notEqual(chainHash(genesisChain, root, 2, 500), chainHash(genesisChain, root, 1, 500));
  });
});
