/** English messages of the codelist issue codes (see ../codes/codelist-codes.ts). */
import type { codelistCodes } from '../codes/codelist-codes.js';
import { p, q, type Render } from './render.js';

export const codelistMessages: Record<keyof typeof codelistCodes, Render> = {
  'codelist.country': (x) => `${q(x['value'])} in ${p(x, 'element')} is not an ISO 3166-1 alpha-2 country code.`,
  'codelist.currency': (x) => `${q(x['value'])} in ${p(x, 'element')} is not an ISO 4217 currency code.`,
  'codelist.currency-withdrawn': (x) => `${q(x['value'])} in ${p(x, 'element')} is a withdrawn ISO 4217 currency; use the current code.`,
  'codelist.unit': (x) => `${q(x['value'])} in ${p(x, 'element')} is not a UN/ECE Recommendation 20 unit code (e.g. KGM, LTR, C62).`,
  'codelist.package-type': (x) => `${q(x['value'])} in ${p(x, 'element')} is not a UN/ECE Recommendation 21 package type code (e.g. CT, PK, BG).`,
  'codelist.transport-mode': (x) => `${q(x['value'])} in ${p(x, 'element')} is not a UN/ECE Recommendation 19 mode of transport (1 sea, 2 rail, 3 road, 4 air, ...).`,
  'codelist.transport-means': (x) => `${q(x['value'])} in ${p(x, 'element')} is not a UN/ECE Recommendation 28 means of transport type.`,
  'codelist.hs-subheading': (x) => `HS code ${q(x['value'])}: ${p(x, 'subheading')} is not an HS 2022 subheading.`,
  'codelist.hs-unchecked': (x) => `HS code ${q(x['value'])} refers to HS ${p(x, 'version')}; only HS 2022 subheadings are checked.`,
  'codelist.hs-version': (x) => `${q(x['value'])} is not a supported HS edition (2007, 2012, 2017, 2022).`,
  'codelist.document-type': (x) => `${q(x['value'])} is not a proof-of-origin document type (861 certificate, 864 preference certificate, 862 declaration).`,
  'codelist.replacement-reason': (x) => `${q(x['value'])} is not a replacement reason (lost, damaged, error, amended, other).`,
  'codelist.authorisation-type': (x) => `${q(x['value'])} is not an exporter authorisation type (approved, registered).`,
};
