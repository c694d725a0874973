/**
 * The ALADI COD codec: importing a Certificado de Origen Digital into a dataset draft, and
 * validating it against the bundled ALADI XSD (4.1.0). The public surface of src/codecs/aladi.
 */
export { importAladiCod, type AladiImport, type AladiImportOptions } from './import-cod.js';
export { validateAladiSchema, checkedCodVersions } from './schema-validate.js';
export { supportedAladiForms, type AladiForm } from './envelope.js';
export { aladiAgreementCodes } from './agreements.js';
export { legalReferenceCode } from './map-origin-rule.js';
export type { EcoDocumentDraft, Draft } from './draft.js';
