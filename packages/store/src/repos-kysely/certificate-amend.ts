/**
 * Amending a certificate: the amended document becomes current and joins the history, in one
 * transaction. The version moves forward by compare-and-set (of two concurrent amendments to the
 * same version, one fails), and items are upserted by item number so that the quantity already
 * used by claims survives the amendment, even when a claim runs concurrently on another instance.
 */
import type { NewCertificate } from '../repos/certificate-repo.js';
import { StoreError } from '../store-error.js';
import { documentColumns, itemValues, versionValues } from './certificate-rows.js';
import { affected, atomically, chunks, type Db } from './kysely-helpers.js';

export async function amendCertificate(db: Db, id: string, amended: NewCertificate & { readonly version: number }, at: number): Promise<void> {
  if (amended.id !== id) throw new StoreError('constraint', `amendment of ${id} carries the id ${amended.id}`);
  if (!Number.isSafeInteger(amended.version) || amended.version < 2) {
    throw new StoreError('constraint', `an amendment's version must be an integer above 1, not ${amended.version}`);
  }
  await atomically(db, async (tx) => {
    // Versions may skip (an amendment we never saw) but never go back or repeat.
    const moved = await tx.updateTable('certificates')
      .set({ ...documentColumns(amended), version: amended.version, updated_at: at })
      .where('id', '=', id).where('version', '<', amended.version).executeTakeFirst();
    if (affected(moved) !== 1) {
      const exists = await tx.selectFrom('certificates').select('version').where('id', '=', id).executeTakeFirst();
      throw new StoreError('constraint', exists
        ? `certificate ${id} is already at version ${exists.version}, not below ${amended.version}`
        : `no certificate ${id} to amend`);
    }
    await tx.insertInto('certificate_versions').values(versionValues(amended, amended.version)).execute();
    for (const chunk of chunks(itemValues(id, amended.items), 100)) {
      await tx.insertInto('certificate_items').values(chunk)
        .onConflict((oc) => oc.columns(['certificate_id', 'item_number']).doUpdateSet((eb) => ({
          hs_code: eb.ref('excluded.hs_code'), description: eb.ref('excluded.description'),
          quantity: eb.ref('excluded.quantity'), unit_code: eb.ref('excluded.unit_code'),
          invoice_number: eb.ref('excluded.invoice_number'), usable_micro: eb.ref('excluded.usable_micro'),
          usable_unit: eb.ref('excluded.usable_unit'),
        }))).execute();
    }
    const kept = amended.items.map((i) => i.itemNumber);
    let removed = tx.deleteFrom('certificate_items').where('certificate_id', '=', id);
    if (kept.length > 0) removed = removed.where('item_number', 'not in', kept);
    await removed.execute();
  });
}
