/**
 * Contract: the audit log. Sealing (batches, chain, late rows), the documented hash formulas,
 * the background sealer, and tamper detection: rows and seals are altered and deleted with
 * plain SQL, as an attacker with database access would, and verification must fail.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { startAuditSealer } from '../audit/audit-sealer.js';
import { canonicalJson } from '@originlink/dataset';
import { sealAudit } from '../audit/seal-audit.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import type { Store } from '../store.js';
import { storeInternals } from '../store-internals.js';
import { withStore, type OpenContractStore } from './contract-fixtures.js';

async function appendMany(store: Store, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await store.audit.append({ at: 1000 + i, actor: 'api:ministry', action: 'certificate.submitted', subject: `cert-${i % 3}`, details: JSON.stringify({ n: i }) });
  }
}

const sha = (...parts: (Buffer | string)[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const kinds = (problems: readonly { kind: string; sealId: number }[]): string[] => problems.map((p) => `${p.kind}@${p.sealId}`).sort();

export function auditContract(open: OpenContractStore): void {
  void describe('audit log', () => {
    void it('appends without sealing and reads a subject\'s timeline oldest first', () => withStore(open, async (store) => {
      await appendMany(store, 6);
      const timeline = await store.audit.forSubject('cert-1');
      assert.deepEqual(timeline.map((r) => r.details), ['{"n":1}', '{"n":4}']);
      assert.ok(timeline.every((r) => r.sealId === null && r.actor === 'api:ministry'));
      assert.equal(await store.audit.countUnsealed(), 6);
      assert.equal(await store.audit.lastSeal(), undefined);
    }));

    void it('seals the oldest rows in batches chained from 64 zeros, and late rows go into a later seal', () => withStore(open, async (store) => {
      assert.equal(await sealAudit(store, { batchSize: 4, now: 1 }), undefined);
      await appendMany(store, 6);
      const first = await sealAudit(store, { batchSize: 4, now: 5000 });
      assert.deepEqual({ ...first, root: '', chain: '' }, { id: 1, firstSeq: 1, lastSeq: 4, count: 4, root: '', chain: '', sealedAt: 5000 });
      await appendMany(store, 1, 7);
      const second = await sealAudit(store, { batchSize: 4, now: 6000 });
      assert.equal(second?.id, 2);
      assert.deepEqual((await store.audit.sealMembers(2)).map((r) => r.seq), [5, 6, 7]);
      assert.equal(await store.audit.countUnsealed(), 0);
      assert.deepEqual(await store.audit.lastSeal(), second);
      assert.deepEqual((await store.audit.seals(0, 10)).map((s) => s.id), [1, 2]);
      assert.deepEqual((await store.audit.seals(1, 10)).map((s) => s.id), [2]);
      assert.equal((await store.audit.forSubject('cert-1'))[0]?.sealId, 1);
      const verification = await verifyAuditLog(store);
      assert.deepEqual(verification, { ok: true, sealed: 7, unsealed: 0, seals: 2, head: second?.chain, problems: [] });
    }));

    void it('hashes as documented: RFC 8785 leaves with 0x00, RFC 6962 nodes with 0x01, chain over id and count', () => withStore(open, async (store) => {
      await appendMany(store, 3);
      const seal = await sealAudit(store, { batchSize: 10, now: 1 });
      const rows = await store.audit.sealMembers(1);
      const leaves = rows.map((r) => sha(Buffer.of(0), canonicalJson({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details })));
      const [l0, l1, l2] = leaves as [Buffer, Buffer, Buffer];
      const root = sha(Buffer.of(1), sha(Buffer.of(1), l0, l1), l2);
      assert.equal(seal?.root, root.toString('hex'));
      const be64 = (n: number): Buffer => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; };
      assert.equal(seal?.chain, sha(Buffer.alloc(32), root, be64(1), be64(3)).toString('hex'));
    }));

    void it('never puts a row into two seals when sealers run at once', () => withStore(open, async (store) => {
      await appendMany(store, 25);
      const results = await Promise.allSettled([1, 2, 3].map(() => sealAudit(store, { batchSize: 10, now: 1 })));
      assert.ok(results.some((r) => r.status === 'fulfilled'));
      while ((await store.audit.countUnsealed()) > 0) await sealAudit(store, { batchSize: 10, now: 2 });
      const verification = await verifyAuditLog(store);
      assert.equal(verification.ok, true);
      assert.equal(verification.sealed, 25);
    }));

    void it('runs the sealer in the background until stopped', () => withStore(open, async (store) => {
      await appendMany(store, 12);
      const errors: unknown[] = [];
      const stop = startAuditSealer(store, { intervalMs: 5, batchSize: 5, onError: (e) => errors.push(e) });
      for (let i = 0; i < 200 && (await store.audit.countUnsealed()) > 0; i++) await sleep(5);
      await stop();
      assert.equal(await store.audit.countUnsealed(), 0);
      assert.deepEqual(errors, []);
      await appendMany(store, 1, 100);
      await sleep(30);
      assert.equal(await store.audit.countUnsealed(), 1, 'a stopped sealer seals nothing');
      assert.equal((await verifyAuditLog(store)).seals, 3);
    }));

    void describe('tamper detection', () => {
      async function sealedLog(store: Store): Promise<void> {
        await appendMany(store, 9);
        for (let i = 0; i < 3; i++) await sealAudit(store, { batchSize: 3, now: 1 });
        assert.equal((await verifyAuditLog(store)).ok, true);
      }

      void it('reports a root mismatch naming the seal when a sealed row is altered with SQL', () => withStore(open, async (store) => {
        await sealedLog(store);
        await sql`UPDATE audit_log SET details = ${'{"n":999}'} WHERE seq = 5`.execute(storeInternals(store).db);
        const verification = await verifyAuditLog(store);
        assert.equal(verification.ok, false);
        assert.deepEqual(kinds(verification.problems), ['root-mismatch@2']);
        assert.match(verification.problems[0]?.message ?? '', /seal 2/);
      }));

      void it('reports count and root mismatches when a sealed row is deleted', () => withStore(open, async (store) => {
        await sealedLog(store);
        await sql`DELETE FROM audit_log WHERE seq = 2`.execute(storeInternals(store).db);
        const verification = await verifyAuditLog(store);
        assert.deepEqual(kinds(verification.problems), ['count-mismatch@1', 'root-mismatch@1']);
        assert.equal(verification.sealed, 8);
      }));

      void it('reports an altered seal and a broken chain', () => withStore(open, async (store) => {
        await sealedLog(store);
        await sql`UPDATE audit_seals SET root = ${'ab'.repeat(32)} WHERE id = 2`.execute(storeInternals(store).db);
        assert.deepEqual(kinds((await verifyAuditLog(store)).problems), ['chain-mismatch@2', 'root-mismatch@2']);
      }));

      void it('reports a broken chain when a whole seal with its rows is removed from the middle', () => withStore(open, async (store) => {
        await sealedLog(store);
        const db = storeInternals(store).db;
        await sql`DELETE FROM audit_log WHERE seal_id = 2`.execute(db);
        await sql`DELETE FROM audit_seals WHERE id = 2`.execute(db);
        assert.deepEqual(kinds((await verifyAuditLog(store)).problems), ['chain-mismatch@3']);
      }));

      void it('reports rows that point to a missing seal', () => withStore(open, async (store) => {
        await sealedLog(store);
        await sql`UPDATE audit_log SET seal_id = 77 WHERE seq = 9`.execute(storeInternals(store).db);
        assert.deepEqual(kinds((await verifyAuditLog(store)).problems), ['count-mismatch@3', 'missing-seal@77', 'range-mismatch@3', 'root-mismatch@3']);
      }));
    });
  });
}
