/**
 * Code lists by id: membership tests (O(1), built once on first use) and labels, plus the issue code
 * each list reports. ISO 3166-1 comes from the `i18n-iso-countries` package (no copy kept here).
 */
import countries from 'i18n-iso-countries';
import type { CodeListId } from '../catalogue/entry.js';
import { entries as hsEntries } from './data/hs2022-subheadings.generated.js';
import { entries as currencyEntries } from './data/iso4217-current.generated.js';
import { entries as withdrawnCurrencyEntries } from './data/iso4217-withdrawn.generated.js';
import { entries as rec20Entries } from './data/unece-rec20.generated.js';
import { entries as rec21Entries } from './data/unece-rec21.generated.js';
import { entries as rec28Entries } from './data/unece-rec28.generated.js';
import { authorisationTypes, documentTypes, hsVersions, replacementReasons, unece19 } from './small-lists.js';

export interface CodeList {
  readonly id: CodeListId;
  readonly title: string;
  readonly source: string;
  /** Code -> label. */
  readonly codes: ReadonlyMap<string, string>;
}

type Table = readonly (readonly [string, string])[];

const definitions: Record<CodeListId, { title: string; source: string; load: () => Table }> = {
  'iso3166-alpha2': {
    title: 'ISO 3166-1 alpha-2 country codes',
    source: 'ISO 3166-1, via the npm package i18n-iso-countries',
    // The package's Node entry point registers every locale: label each code with its English name.
    load: () => Object.keys(countries.getAlpha2Codes()).sort().map((c) => [c, countries.getName(c, 'en', { select: 'official' }) ?? c] as const),
  },
  iso4217: { title: 'ISO 4217 currency codes (current)', source: 'ISO 4217, datasets/currency-codes', load: () => currencyEntries },
  'unece-rec20': { title: 'UN/ECE Recommendation 20 units of measure', source: 'UN/ECE Rec 20 Annex I, uncefact/vocab-codes', load: () => rec20Entries },
  'unece-rec21': { title: 'UN/ECE Recommendation 21 package types', source: 'UN/ECE Rec 21, uncefact/vocab-codes', load: () => rec21Entries },
  'unece-rec19': { title: 'UN/ECE Recommendation 19 modes of transport', source: 'UN/ECE Rec 19', load: () => unece19 },
  'unece-rec28': { title: 'UN/ECE Recommendation 28 types of means of transport', source: 'UN/ECE Rec 28, uncefact/vocab-codes', load: () => rec28Entries },
  'hs2022-subheading': { title: 'Harmonized System 2022 subheadings (6 digits)', source: 'WCO HS 2022, datasets/harmonized-system', load: () => hsEntries },
  'hs-version': { title: 'Harmonized System editions', source: 'OriginLink', load: () => hsVersions },
  'document-type': { title: 'Proof of origin document types (UN/EDIFACT 1001 subset)', source: 'UN/EDIFACT 1001', load: () => documentTypes },
  'replacement-reason': { title: 'Replacement reasons', source: 'OriginLink', load: () => replacementReasons },
  'exporter-authorisation-type': { title: 'Exporter authorisation types', source: 'OriginLink', load: () => authorisationTypes },
};

const loaded = new Map<CodeListId, CodeList>();

/** The code list with that id (built on first use, then cached). */
export function codeList(id: CodeListId): CodeList {
  let list = loaded.get(id);
  if (!list) {
    const d = definitions[id];
    list = { id, title: d.title, source: d.source, codes: new Map(d.load()) };
    loaded.set(id, list);
  }
  return list;
}

let withdrawn: ReadonlyMap<string, string> | undefined;
/** ISO 4217 codes that exist only as withdrawn currencies (to explain why a code is refused). */
export function withdrawnCurrencies(): ReadonlyMap<string, string> {
  return (withdrawn ??= new Map(withdrawnCurrencyEntries));
}
