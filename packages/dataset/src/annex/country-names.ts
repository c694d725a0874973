/** English country names for the annex, from the ISO 3166-1 code list (labelled with English names). */
import { codeList } from '../codelists/code-lists.js';

/** "Australia" for AU; the code itself when the list has no name for it. */
export function countryName(alpha2: string): string {
  return codeList('iso3166-alpha2').codes.get(alpha2) ?? alpha2;
}
