/** Issue codes of the ALADI COD importer and its schema check. */
import type { IssueCodeSpec } from '../issue-code-spec.js';

export const aladiCodes = {
  'aladi.unmapped': { severity: 'warning', summary: 'An ALADI COD element with no place in the dataset; its value is reported, not silently dropped.' },
  'aladi.unsupported-form': { severity: 'error', summary: 'An ALADI COD form the importer does not map.' },
  'aladi.schema': { severity: 'error', summary: 'The COD document does not validate against the ALADI XSD of the version it declares.' },
  'aladi.converted': { severity: 'info', summary: 'A value was converted to the dataset\'s form (date-time to date, HS code without dots, unit name to code).' },
  'aladi.not-cod': { severity: 'error', summary: 'The XML is not an ALADI COD: the Envelope/CertOrigin/CODEH/CODExporter/COD structure is missing.' },
  'aladi.count-mismatch': { severity: 'warning', summary: 'A COD count element (GoodsQty, InvoiceQty, ProducerQty) differs from the number of elements it counts.' },
  'aladi.schema-not-checked': { severity: 'info', summary: 'The COD declares a version whose XSD is not bundled, so it was not schema-validated (only 4.1.0 is).' },
  'aladi.schema-failed': { severity: 'error', summary: 'The XSD validator could not run on the COD (an internal failure, not a finding about the document).' },
} as const satisfies Record<string, IssueCodeSpec>;
