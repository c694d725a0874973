/**
 * Code lists small enough to keep by hand, each with its source. The large lists (HS, ISO 4217,
 * UN/ECE Rec 20/21/28) are generated copies in ./data/.
 */

/** UN/ECE Recommendation 19, codes for modes of transport. */
export const unece19: readonly (readonly [string, string])[] = [
  ['0', 'Transport mode not specified'],
  ['1', 'Maritime transport'],
  ['2', 'Rail transport'],
  ['3', 'Road transport'],
  ['4', 'Air transport'],
  ['5', 'Mail'],
  ['6', 'Multimodal transport'],
  ['7', 'Fixed transport installation'],
  ['8', 'Inland water transport'],
  ['9', 'Transport mode not applicable'],
];

/** UN/EDIFACT 1001 document name codes used for proofs of origin. */
export const documentTypes: readonly (readonly [string, string])[] = [
  ['861', 'Certificate of origin'],
  ['862', 'Declaration of origin'],
  ['864', 'Preference certificate of origin'],
];

/** Harmonized System editions a goods item may be classified under. */
export const hsVersions: readonly (readonly [string, string])[] = [
  ['2007', 'HS 2007'],
  ['2012', 'HS 2012'],
  ['2017', 'HS 2017'],
  ['2022', 'HS 2022'],
];

/** Project code list: why a proof of origin was replaced. */
export const replacementReasons: readonly (readonly [string, string])[] = [
  ['lost', 'The original was lost'],
  ['damaged', 'The original was damaged'],
  ['error', 'The original contained an error'],
  ['amended', 'Data changed after issuance where the agreement requires a replacement'],
  ['other', 'Other reason, explained in the free text'],
];

/** Project code list: the kind of authorisation of an exporter making a declaration of origin. */
export const authorisationTypes: readonly (readonly [string, string])[] = [
  ['approved', 'Approved exporter (authorised by the competent authority)'],
  ['registered', 'Registered exporter (listed in a registry such as REX)'],
];

/** Document type codes of declarations of origin; every other document type is a certificate. */
export const declarationTypeCodes: ReadonlySet<string> = new Set(['862']);
