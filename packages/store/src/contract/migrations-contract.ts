/**
 * Contract: migrations (idempotent, concurrent, refused when a file changed) and the schema
 * check behind the doctor; plus the store's own lifecycle (ping, close, misuse inside a
 * transaction).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { checkSchema } from '../migrations/check-schema.js';
import { migrate } from '../migrations/migrate.js';
import { MigrationError, type MigrationErrorCode } from '../migrations/migration-error.js';
import { storeInternals } from '../store-internals.js';
import type { NewCertificate } from '../repos/certificate-repo.js';
import type { Store } from '../store.js';
import { newCertificate, rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

const refusedWith = (code: MigrationErrorCode) => (error: unknown): boolean => {
  assert.ok(error instanceof MigrationError, `expected a MigrationError, got ${String(error)}`);
  assert.equal(error.code, code);
  return true;
};

/** Inserts a certificate and its first item with the columns of schema 0001 only (as an old version did). */
async function insertAt0001(store: Store, c: NewCertificate): Promise<void> {
  const db = storeInternals(store).db;
  await db.insertInto('certificates').values({
    id: c.id, direction: c.direction, source: c.source, number: c.number, issuing_country: c.issuingCountry,
    importing_country: c.importingCountry, partner_country: c.partnerCountry, agreement: c.agreement, profile_id: c.profileId,
    type_code: c.typeCode, issue_date: c.issueDate, exporter_name: c.exporterName, importer_name: c.importerName,
    consignee_name: c.consigneeName, exporter_search: c.exporterName.toLowerCase(), importer_search: '', document_digest: c.documentDigest,
    status: c.status, message_id: c.messageId, created_at: c.createdAt, updated_at: c.createdAt, document: c.document,
  }).execute();
  const item = c.items[0];
  assert.ok(item);
  await db.insertInto('certificate_items').values({
    certificate_id: c.id, item_number: item.itemNumber, hs_code: item.hsCode, description: item.description,
    quantity: item.quantity, unit_code: item.unitCode, invoice_number: item.invoiceNumber,
  }).execute();
}

export function migrationsContract(open: OpenContractStore): void {
  void describe('migrations', () => {
    void it('applies nothing the second time', () => withStore(open, async (store) => {
      const again = await store.migrate();
      assert.deepEqual(again.applied, []);
      assert.equal(again.current, '0002_lifecycle');
      assert.deepEqual(await store.migrate(), again);
    }));

    void it('migrates a new database when two stores open it at once', async () => {
      const empty = await open({ migrate: false });
      try {
        const internals = storeInternals(empty);
        const [a, b] = await Promise.all([internals.openAgain({ migrate: true }), internals.openAgain({ migrate: true })]);
        const reports = await Promise.all([a.migrate(), b.migrate()]);
        assert.ok(reports.every((r) => r.current === '0002_lifecycle'));
        await a.certificates.insert(newCertificate({ id: 'from-a', number: 'A' }));
        assert.ok(await b.certificates.get('from-a'));
        await Promise.all([a.close(), b.close()]);
        const applied = await internals.appliedMigrations();
        assert.deepEqual(applied.map((m) => m.version), [1, 2]);
      } finally {
        await empty.close();
      }
    });

    void it('upgrades a database at 0001 with certificates to 0002: they keep working, with version 1 in their history', async () => {
      const old = await open({ migrate: false });
      try {
        const internals = storeInternals(old);
        assert.deepEqual((await internals.migrateTo(1)).applied, ['0001_initial']);
        await insertAt0001(old, newCertificate());
        assert.deepEqual(await old.migrate(), { applied: ['0002_lifecycle'], current: '0002_lifecycle' });
        const row = await old.certificates.get('cert-1');
        assert.deepEqual([row?.version, row?.lifecycle, row?.verificationStatus, row?.replacedById, row?.cancelledAt], [1, 'active', null, null, null]);
        assert.deepEqual((await old.certificates.items('cert-1')).map((i) => [i.itemNumber, i.quantity, i.usableMicro, i.usedMicro]), [[1, 1200.5, null, 0]]);
        assert.deepEqual((await old.certificates.versions('cert-1')).map((v) => [v.version, v.document, v.messageId]), [[1, row?.document, 'msg-cert-1']]);
        assert.equal(await old.certificates.useQuantity('cert-1', 1, 1, 0), false, 'no usable measure was recorded before 0002');
        assert.deepEqual((await old.certificates.search({ lifecycle: 'active' }, 5)).items.map((c) => c.id), ['cert-1']);
        await old.certificates.setLifecycle('cert-1', { lifecycle: 'cancelled', cancelReason: 'test' }, 5);
        await old.certificates.insert(newCertificate({ id: 'cert-2', number: 'N-2' }));
        assert.deepEqual(await checkSchema(old), []);
      } finally {
        await old.close();
      }
    });

    void it('refuses to migrate or open when an applied migration\'s checksum changed', () => withStore(open, async (store) => {
      const internals = storeInternals(store);
      await sql`UPDATE schema_migrations SET checksum = ${'0'.repeat(64)} WHERE version = 1`.execute(internals.db);
      await assert.rejects(store.migrate(), refusedWith('checksum-mismatch'));
      await assert.rejects(internals.openAgain({ migrate: true }), refusedWith('checksum-mismatch'));
      assert.deepEqual((await checkSchema(store)).map((d) => `${d.kind} ${d.object}`), ['checksum-mismatch 0001_initial']);
    }));

    void it('lists pending migrations on a dry run without applying them, then applies them', async () => {
      const empty = await open({ migrate: false });
      try {
        assert.deepEqual(await migrate(empty, { dryRun: true }), { dryRun: true, applied: [], pending: ['0001_initial', '0002_lifecycle'], current: undefined });
        assert.deepEqual(await storeInternals(empty).appliedMigrations(), []);
        assert.ok((await checkSchema(empty)).some((d) => d.kind === 'missing-table'), 'a dry run creates no table');
        assert.deepEqual(await migrate(empty), { dryRun: false, applied: ['0001_initial', '0002_lifecycle'], pending: [], current: '0002_lifecycle' });
        assert.deepEqual(await migrate(empty, { dryRun: true }), { dryRun: true, applied: [], pending: [], current: '0002_lifecycle' });
        assert.deepEqual(await checkSchema(empty), []);
      } finally {
        await empty.close();
      }
    });

    void it('refuses on a dry run what a real run would refuse', () => withStore(open, async (store) => {
      await sql`UPDATE schema_migrations SET checksum = ${'0'.repeat(64)} WHERE version = 1`.execute(storeInternals(store).db);
      await assert.rejects(migrate(store, { dryRun: true }), refusedWith('checksum-mismatch'));
    }));

    void it('refuses a database migrated by a newer version', () => withStore(open, async (store) => {
      await sql`INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, ${'9999_future'}, ${'x'}, 0)`.execute(storeInternals(store).db);
      await assert.rejects(store.migrate(), refusedWith('unknown-migration'));
    }));

    void it('finds no difference on a migrated database, and reports a dropped index', () => withStore(open, async (store) => {
      assert.deepEqual(await checkSchema(store), []);
      await sql`DROP INDEX audit_log_subject_idx`.execute(storeInternals(store).db);
      assert.deepEqual((await checkSchema(store)).map((d) => `${d.kind} ${d.object}`), ['missing-index audit_log_subject_idx']);
    }));

    void it('reports an added column and an unexpected table', () => withStore(open, async (store) => {
      const db = storeInternals(store).db;
      await sql`ALTER TABLE partners ADD COLUMN notes TEXT`.execute(db);
      await sql`CREATE TABLE scratch (x INTEGER)`.execute(db);
      assert.deepEqual((await checkSchema(store)).map((d) => `${d.kind} ${d.object}`).sort(), ['unexpected-column partners.notes', 'unexpected-table scratch']);
    }));

    void it('reports pending migrations and missing tables on an unmigrated database', async () => {
      const empty = await open({ migrate: false });
      try {
        const differences = await checkSchema(empty);
        assert.ok(differences.some((d) => d.kind === 'pending-migration' && d.object === '0001_initial'));
        assert.ok(differences.some((d) => d.kind === 'missing-table' && d.object === 'certificates'));
      } finally {
        await empty.close();
      }
    });
  });

  void describe('store lifecycle', () => {
    void it('answers a ping, and refuses work after close as a connection error', async () => {
      const store = await open();
      await store.ping();
      await store.close();
      await rejectsWith(store.ping(), 'connection');
      await rejectsWith(store.certificates.get('x'), 'connection');
      await store.close();
    });

    void it('rejects at once, instead of waiting forever, when the store is used inside its own transaction', () => withStore(open, async (store) => {
      await rejectsWith(store.transaction(async () => {
        await store.certificates.get('x');
      }), 'unknown');
      await rejectsWith(store.transaction(() => store.transaction(() => Promise.resolve())), 'unknown');
      await store.certificates.insert(newCertificate());
      assert.ok(await store.certificates.get('cert-1'));
    }));
  });
}
