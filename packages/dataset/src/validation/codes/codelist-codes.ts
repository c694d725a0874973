/** Issue codes of code-list checks. */
import type { IssueCodeSpec } from '../issue-code-spec.js';

export const codelistCodes = {
  'codelist.country': { severity: 'error', summary: 'Not an ISO 3166-1 alpha-2 country code.' },
  'codelist.currency': { severity: 'error', summary: 'Not a current ISO 4217 currency code.' },
  'codelist.currency-withdrawn': { severity: 'error', summary: 'An ISO 4217 currency code that has been withdrawn.' },
  'codelist.unit': { severity: 'error', summary: 'Not a UN/ECE Recommendation 20 unit of measure code.' },
  'codelist.package-type': { severity: 'error', summary: 'Not a UN/ECE Recommendation 21 package type code.' },
  'codelist.transport-mode': { severity: 'error', summary: 'Not a UN/ECE Recommendation 19 mode of transport code.' },
  'codelist.transport-means': { severity: 'error', summary: 'Not a UN/ECE Recommendation 28 type of means of transport code.' },
  'codelist.hs-subheading': { severity: 'error', summary: 'The first six digits of the HS code are not an HS 2022 subheading.' },
  'codelist.hs-unchecked': { severity: 'info', summary: 'The HS code refers to an HS edition other than 2022, whose subheadings are not bundled; it was not checked.' },
  'codelist.hs-version': { severity: 'error', summary: 'Not a supported Harmonized System edition (2007, 2012, 2017, 2022).' },
  'codelist.document-type': { severity: 'error', summary: 'Not a proof-of-origin document type (861, 862, 864).' },
  'codelist.replacement-reason': { severity: 'error', summary: 'Not a replacement reason code (lost, damaged, error, amended, other).' },
  'codelist.authorisation-type': { severity: 'error', summary: 'Not an exporter authorisation type (approved, registered).' },
} as const satisfies Record<string, IssueCodeSpec>;
