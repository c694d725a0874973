/**
 * Small constructors for catalogue entries, so that the catalogue parts read as data and repeated
 * structures (parties, addresses, measures, amounts) are declared once.
 */
import type { Cardinality, ClassEntry, ElementEntry, Group, IdProvenance } from './entry.js';

type Defaults = 'kind' | 'since' | 'idProvenance' | 'xmlName';
export type ElementSpec = Omit<ElementEntry, Defaults> & Partial<Pick<ElementEntry, 'since' | 'idProvenance' | 'xmlName'>>;
export type ClassSpec = Omit<ClassEntry, Defaults> & Partial<Pick<ClassEntry, 'since' | 'idProvenance' | 'xmlName'>>;

/** `goodsItems[].hsCode` -> `HsCode`; the default XML name of an entry. */
export function defaultXmlName(key: string): string {
  const last = key.split('.').pop()!.replace('[]', '');
  return last.charAt(0).toUpperCase() + last.slice(1);
}

function provenance(wcoId: string | undefined, given: IdProvenance | undefined): IdProvenance {
  return given ?? (wcoId === undefined ? 'unassigned' : 'wco-dm-3.6');
}

/** A leaf element; ID provenance defaults to `wco-dm-3.6` when a WCO ID is given, else `unassigned`. */
export function element(spec: ElementSpec): ElementEntry {
  return {
    ...spec,
    kind: 'element',
    since: spec.since ?? '1.0.0',
    idProvenance: provenance(spec.wcoId, spec.idProvenance),
    xmlName: spec.xmlName ?? defaultXmlName(spec.key),
  };
}

/** An aggregate (class). */
export function aggregate(spec: ClassSpec): ClassEntry {
  return {
    ...spec,
    kind: 'class',
    since: spec.since ?? '1.0.0',
    idProvenance: provenance(spec.wcoId, spec.idProvenance),
    xmlName: spec.xmlName ?? defaultXmlName(spec.key),
  };
}

export interface PartySpec {
  readonly key: string;
  readonly xmlName: string;
  readonly name: string;
  readonly definition: string;
  readonly originDefinition?: string;
  readonly cardinality: Cardinality;
  readonly group: Group;
  /** WCO DM IDs of the party's name and identifier. */
  readonly nameId: string;
  readonly idId: string;
  readonly idProvenance: IdProvenance;
  readonly since?: ElementEntry['since'];
  readonly kinds?: ElementEntry['kinds'];
  /** Whether the name is mandatory when the party is present (default true). */
  readonly nameRequired?: boolean;
}

/**
 * A party: identifier, name, postal address and contact, with the WCO DM party and address IDs
 * (address line 239, city 241, country 242, sub-division 243, postcode 245; contact 246, 240).
 */
export function party(p: PartySpec): (ClassEntry | ElementEntry)[] {
  const common = { group: p.group, ...(p.since ? { since: p.since } : {}), ...(p.kinds ? { kinds: p.kinds } : {}) };
  const k = p.key;
  return [
    aggregate({ ...common, key: k, name: p.name, definition: p.definition, ...(p.originDefinition ? { originDefinition: p.originDefinition } : {}), cardinality: p.cardinality, xmlName: p.xmlName }),
    element({ ...common, key: `${k}.id`, name: `${p.name} identifier`, definition: `Identifier of the ${p.name.toLowerCase()} (company registration, tax or trader number).`, wcoId: p.idId, idProvenance: p.idProvenance, type: 'text', format: 'an..17', cardinality: '0..1', xmlName: 'ID' }),
    // WCO DM 3.6 has an..70; ALADI COD business names run to 256 characters (dataset 1.1.0).
    element({ ...common, key: `${k}.name`, name: `${p.name} name`, definition: `Name of the ${p.name.toLowerCase()}.`, originDefinition: 'Widened from the WCO DM an..70 to an..256 so that ALADI COD business names (up to 256 characters) are carried whole.', wcoId: p.nameId, idProvenance: p.idProvenance, type: 'text', format: 'an..256', cardinality: p.nameRequired === false ? '0..1' : '1..1', xmlName: 'Name', changes: [{ version: '1.1.0', field: 'format', from: 'an..70' }] }),
    ...address(`${k}.address`, p.name, common),
    aggregate({ ...common, key: `${k}.contact`, name: `${p.name} contact`, definition: `Person or department to contact at the ${p.name.toLowerCase()}.`, cardinality: '0..1', xmlName: 'Contact' }),
    element({ ...common, key: `${k}.contact.name`, name: `${p.name} contact name`, definition: 'Name of the department or employee to contact.', wcoId: '246', type: 'text', format: 'an..70', cardinality: '0..1', xmlName: 'Name' }),
    element({ ...common, key: `${k}.contact.phone`, name: `${p.name} telephone`, definition: 'Telephone number of the contact (communication number, type TE).', wcoId: '240', type: 'text', format: 'an..50', cardinality: '0..1', xmlName: 'TelephoneID' }),
    element({ ...common, key: `${k}.contact.email`, name: `${p.name} e-mail`, definition: 'E-mail address of the contact (communication number, type EM).', wcoId: '240', type: 'text', format: 'an..256', pattern: '^[^@\\s]+@[^@\\s]+$', cardinality: '0..1', xmlName: 'EmailID' }),
  ];
}

/** A postal address; the country is mandatory whenever an address is given. */
export function address(key: string, owner: string, common: Pick<ElementSpec, 'group'> & Partial<Pick<ElementSpec, 'since' | 'kinds'>>): (ClassEntry | ElementEntry)[] {
  const o = owner.toLowerCase();
  return [
    aggregate({ ...common, key, name: `${owner} address`, definition: `Postal address of the ${o}.`, cardinality: '0..1', xmlName: 'Address' }),
    element({ ...common, key: `${key}.line`, name: 'Street and number / P.O. box', definition: 'Specification of the postal delivery point such as street and number or post office box.', wcoId: '239', type: 'text', format: 'an..256', cardinality: '0..1', xmlName: 'Line' }),
    element({ ...common, key: `${key}.city`, name: 'City name', definition: 'Name of a city.', originDefinition: 'Widened from the WCO DM an..35 to an..50 for ALADI COD city names (dataset 1.1.0).', wcoId: '241', type: 'text', format: 'an..50', cardinality: '0..1', xmlName: 'CityName', changes: [{ version: '1.1.0', field: 'format', from: 'an..35' }] }),
    element({ ...common, key: `${key}.postcode`, name: 'Postcode', definition: 'Code specifying a postal zone or address.', wcoId: '245', type: 'text', format: 'an..9', cardinality: '0..1', xmlName: 'PostcodeID' }),
    element({ ...common, key: `${key}.subdivision`, name: 'Country sub-entity name', definition: 'Name of a country sub-entity (province, state).', wcoId: '243', type: 'text', format: 'an..35', cardinality: '0..1', xmlName: 'CountrySubDivisionName' }),
    element({ ...common, key: `${key}.country`, name: 'Country, coded', definition: 'Identification of the name of the country or other geographical entity as specified in ISO 3166 and UN/ECE Rec 3.', wcoId: '242', type: 'code', format: 'a2', codeList: 'iso3166-alpha2', cardinality: '1..1', xmlName: 'CountryCode' }),
  ];
}

/** A measured quantity (value + UN/ECE Rec 20 unit). */
export function measure(key: string, spec: { name: string; definition: string; originDefinition?: string; wcoId?: string; idProvenance?: IdProvenance; group: Group; cardinality: Cardinality; xmlName: string; since?: ElementEntry['since'] }): (ClassEntry | ElementEntry)[] {
  const { wcoId, idProvenance, originDefinition, ...rest } = spec;
  return [
    aggregate({ ...rest, key, ...(originDefinition ? { originDefinition } : {}) }),
    element({ group: spec.group, key: `${key}.value`, name: `${spec.name} value`, definition: spec.definition, ...(wcoId ? { wcoId } : {}), ...(idProvenance ? { idProvenance } : {}), type: 'decimal', format: 'n..16,6', cardinality: '1..1', xmlName: 'Value' }),
    element({ group: spec.group, key: `${key}.unitCode`, name: `${spec.name} unit`, definition: 'Unit of measure, coded (UN/ECE Recommendation 20 common code).', type: 'code', format: 'an..3', codeList: 'unece-rec20', cardinality: '1..1', xmlName: 'UnitCode' }),
  ];
}

/** An amount with its ISO 4217 currency. Both optional structurally: rule `rule.currency-missing` pairs them. */
export function amount(key: string, spec: { name: string; definition: string; originDefinition?: string; wcoId?: string; idProvenance?: IdProvenance; group: Group; cardinality: Cardinality; xmlName: string; since?: ElementEntry['since'] }): (ClassEntry | ElementEntry)[] {
  const { wcoId, idProvenance, originDefinition, ...rest } = spec;
  return [
    aggregate({ ...rest, key, ...(originDefinition ? { originDefinition } : {}) }),
    element({ group: spec.group, key: `${key}.amount`, name: `${spec.name} amount`, definition: spec.definition, ...(wcoId ? { wcoId } : {}), ...(idProvenance ? { idProvenance } : {}), type: 'decimal', format: 'n..16,3', cardinality: '0..1', xmlName: 'Amount' }),
    element({ group: spec.group, key: `${key}.currency`, name: `${spec.name} currency`, definition: 'Currency, coded (ISO 4217 alphabetic code).', wcoId: '135', type: 'code', format: 'a3', codeList: 'iso4217', cardinality: '0..1', xmlName: 'CurrencyCode' }),
  ];
}
