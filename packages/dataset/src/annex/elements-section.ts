/**
 * Section D of the annex, the data elements: every catalogue entry the profile uses with its WCO DM
 * ID, format and cardinality as the profile uses it; the entries not used; and the origin criteria
 * with their percentage and FOB value requirements.
 */
import type { Catalogue } from '../catalogue/entry.js';
import type { Profile } from '../profiles/profile-schema.js';
import { code, paragraph, section, table, type Section, type Text } from './annex-model.js';
import { exclusion, type UsedEntry } from '../profiles/used-elements.js';

const dash = '-';

/** One row of the element table. */
function elementRow({ entry, cardinality, usage }: UsedEntry): Text[] {
  return [
    code(entry.key),
    entry.name,
    entry.wcoId ?? dash,
    entry.idProvenance,
    entry.kind === 'element' ? entry.format : 'class',
    cardinality,
    usage,
    entry.kind === 'element' && entry.codeList ? code(entry.codeList) : dash,
    entry.originDefinition ?? entry.definition,
  ];
}

function issuanceAfterShipment(profile: Profile, used: readonly UsedEntry[]): string {
  const { graceDays, maxMonths } = profile.retroactive;
  const retroactive = maxMonths > 0 && used.some((u) => u.entry.key === 'specialCases.issuedRetroactively');
  return retroactive
    ? `Issuance after shipment: within ${graceDays} days of departure, otherwise marked "issued retroactively" and at most ${maxMonths} months after departure.`
    : `Issuance after shipment: within ${graceDays} days of departure; retroactive issuance is not provided for.`;
}

export function elementsSection(profile: Profile, catalogue: Catalogue, used: readonly UsedEntry[]): Section {
  const elementTable = section('element-table', 'D.1 Data elements in use', [
    paragraph('Every dataset element this agreement uses, in document order. The cardinality is relative to the parent element and as the agreement uses it: "required by the agreement" marks an element the dataset leaves optional. The definition is the origin-specific one where the dataset has it, otherwise the generic (WCO DM) one.'),
    table('elements', ['Key', 'Name', 'WCO DM ID', 'ID provenance', 'Format', 'Cardinality', 'Usage', 'Code list', 'Definition'], used.map(elementRow), `Data elements (dataset ${catalogue.version})`),
  ]);

  const notUsedRows = catalogue.entries
    .filter((e) => e.removedIn === undefined && profile.elements.notUsed.includes(e.key))
    .map((e): Text[] => [code(e.key), e.name, exclusion(profile, e) ?? '']);
  const notUsed = section('elements-not-used', 'D.2 Elements not used', [
    paragraph('Elements (with everything under them) that the agreement does not use; a proof that contains one is rejected with structure.not-used. Elements that do not apply to the document kind are left out as well.'),
    table('elements-not-used', ['Key', 'Name', 'Why'], notUsedRows, 'Elements not used'),
  ]);

  const criteria = profile.originCriteria.map((c): Text[] => [
    code(c.code),
    c.description ?? dash,
    c.percentage === 'required' ? 'required (whole percent, rounded down)' : c.percentage === 'optional' ? 'optional' : 'not given',
    c.fobRequired ? 'required' : 'not required',
  ]);
  const origin = section('origin-criteria', 'D.3 Origin criteria', [
    table('origin-criteria', ['Criterion', 'Description', 'Percentage', 'FOB value'], criteria, 'Origin criteria'),
    paragraph('Second-line criteria: ', ...(profile.additionalCriteria?.length ? profile.additionalCriteria.flatMap((c, i) => (i === 0 ? [code(c)] : [', ', code(c)])) : ['none']), '.'),
    paragraph(`HS codes: ${profile.hsDigits ? `${profile.hsDigits.join(' or ')} digits` : '6 to 12 digits'}, the first six an HS 2022 subheading unless the item names another HS edition.`),
    paragraph(`Validity: ${profile.validity.days === undefined ? `${profile.validity.months} months` : `${profile.validity.days} days`} from the issue date. ${issuanceAfterShipment(profile, used)}`),
  ]);

  return section('data-elements', 'D. Data elements', [], [elementTable, notUsed, origin]);
}
