/**
 * Mapping between certificate rows (snake_case tables) and the repository types: shared by the
 * certificate repository's insert, reads and amendments so that every write fills the same
 * searchable columns the same way.
 */
import type { Insertable, Selectable } from 'kysely';
import type {
  CertificateDirection, CertificateItemRow, CertificateLifecycle, CertificateRow, CertificateSource,
  CertificateVersionRow, NewCertificate, VerificationStatus,
} from '../repos/certificate-repo.js';
import type { CertificateItemsTable, CertificatesTable, CertificateVersionsTable } from '../schema/database.js';
import { foldForSearch, foldNames } from './search-text.js';

export function toCertificateRow(r: Selectable<CertificatesTable>): CertificateRow {
  return {
    id: r.id, direction: r.direction as CertificateDirection, source: r.source as CertificateSource, number: r.number,
    issuingCountry: r.issuing_country, importingCountry: r.importing_country, partnerCountry: r.partner_country,
    agreement: r.agreement, profileId: r.profile_id, typeCode: r.type_code, issueDate: r.issue_date,
    exporterName: r.exporter_name, importerName: r.importer_name, consigneeName: r.consignee_name,
    document: r.document, documentDigest: r.document_digest, status: r.status,
    messageId: r.message_id, createdAt: r.created_at, updatedAt: r.updated_at,
    version: r.version, lifecycle: r.lifecycle as CertificateLifecycle, replacedById: r.replaced_by_id,
    replacesId: r.replaces_id, cancelledAt: r.cancelled_at, cancelReason: r.cancel_reason,
    verificationStatus: r.verification_status as VerificationStatus | null,
  };
}

export function toItemRow(r: Selectable<CertificateItemsTable>): CertificateItemRow {
  return {
    itemNumber: r.item_number, hsCode: r.hs_code, description: r.description, quantity: r.quantity,
    unitCode: r.unit_code, invoiceNumber: r.invoice_number, usableMicro: r.usable_micro,
    usableUnit: r.usable_unit, usedMicro: r.used_micro,
  };
}

export function toVersionRow(r: Selectable<CertificateVersionsTable>): CertificateVersionRow {
  return {
    certificateId: r.certificate_id, version: r.version, document: r.document, documentDigest: r.document_digest,
    messageId: r.message_id, createdAt: r.created_at,
  };
}

/** The columns a document determines (what an amendment replaces); not id, direction, source or times. */
export function documentColumns(c: NewCertificate) {
  return {
    number: c.number, issuing_country: c.issuingCountry, importing_country: c.importingCountry,
    partner_country: c.partnerCountry, agreement: c.agreement, profile_id: c.profileId, type_code: c.typeCode,
    issue_date: c.issueDate, exporter_name: c.exporterName, importer_name: c.importerName, consignee_name: c.consigneeName,
    exporter_search: foldForSearch(c.exporterName), importer_search: foldNames([c.importerName, c.consigneeName]),
    document_digest: c.documentDigest, status: c.status, message_id: c.messageId, document: c.document,
  } satisfies Partial<Insertable<CertificatesTable>>;
}

/** Item rows to insert (used_micro takes its default, 0). */
export function itemValues(certificateId: string, items: NewCertificate['items']): Insertable<CertificateItemsTable>[] {
  return items.map((i) => ({
    certificate_id: certificateId, item_number: i.itemNumber, hs_code: i.hsCode, description: i.description,
    quantity: i.quantity, unit_code: i.unitCode, invoice_number: i.invoiceNumber,
    usable_micro: i.usableMicro, usable_unit: i.usableUnit,
  }));
}

/** The history row of one version. */
export function versionValues(c: NewCertificate, version: number): Insertable<CertificateVersionsTable> {
  return {
    certificate_id: c.id, version, document_digest: c.documentDigest, message_id: c.messageId,
    created_at: c.createdAt, document: c.document,
  };
}
