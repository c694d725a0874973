/**
 * The e-CO maximum dataset, current version. This list is the single source of truth: the
 * TypeScript types, JSON Schema, XSD, reference documentation and annex tables are generated from it
 * (`npm run gen`), and `npm run gen:check` fails CI when a generated file is stale.
 */
import type { Catalogue, DatasetVersion } from './entry.js';
import { certificationEntries, exporterDeclarationEntries, invoiceEntries } from './parts/documents.js';
import { goodsEntries, totalsEntries } from './parts/goods.js';
import { headerEntries } from './parts/header.js';
import { partyEntries } from './parts/parties.js';
import { replacementEntries, specialCaseEntries } from './parts/special-cases.js';
import { attachmentEntries, remarksEntries, selfDeclarationEntries } from './parts/annexes.js';
import { transportEntries } from './parts/transport.js';

/** Every released dataset version, oldest first. The last one is the current catalogue. */
export const datasetVersions = ['1.0.0', '1.1.0'] as const satisfies readonly DatasetVersion[];
export const currentDatasetVersion = datasetVersions[datasetVersions.length - 1]!;

/** The current catalogue, entries in document order (the order of the XML sequence). */
export const catalogue: Catalogue = {
  version: currentDatasetVersion,
  entries: [
    ...headerEntries,
    ...partyEntries,
    ...transportEntries,
    ...goodsEntries,
    ...totalsEntries,
    ...invoiceEntries,
    ...exporterDeclarationEntries,
    ...certificationEntries,
    ...specialCaseEntries,
    ...replacementEntries,
    ...selfDeclarationEntries,
    ...remarksEntries,
    ...attachmentEntries,
  ],
};
