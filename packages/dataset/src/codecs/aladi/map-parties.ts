/**
 * Parties: Exporter, Importer, Consignee and Producers. Every COD party uses the same element
 * names after its prefix (`ExporterCountry`, `ImporterBusinessName`, `ProducerTaxIdentification`),
 * so one reader maps them all. Fax and URL have no place in the dataset and are left for the
 * unmapped sweep.
 */
import type { Exporter, Producer } from '../../types.generated.js';
import { normalizeText, type CodReader } from './cod-reader.js';
import { prune, type Draft } from './draft.js';
import { readInteger } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export type PartyDraft = Draft<Exporter>;
export type ProducerDraft = Draft<Producer>;

/** Reads the `{prefix}…` elements of a party: name, tax id, address, telephone, e-mail. */
export function readParty(reader: CodReader, node: XmlNode | undefined, prefix: string): PartyDraft | undefined {
  if (!node) return undefined;
  let city = reader.value(node, `${prefix}City`);
  // A14 has a mandatory Locality and an optional City: the locality stands in for a missing city;
  // beside a city it stays unmapped (the dataset has no locality).
  const locality = node.children.find((c) => c.local === `${prefix}Locality`);
  if (locality && city === undefined) {
    reader.take(locality);
    city = normalizeText(locality.text) || undefined;
  }
  return prune<PartyDraft>({
    id: reader.value(node, `${prefix}TaxIdentification`),
    name: reader.value(node, `${prefix}BusinessName`),
    address: prune<NonNullable<PartyDraft['address']>>({ line: reader.value(node, `${prefix}Address`), city, country: reader.value(node, `${prefix}Country`) }),
    contact: prune<NonNullable<PartyDraft['contact']>>({ phone: reader.value(node, `${prefix}Telephone`), email: reader.value(node, `${prefix}Email`) }),
  });
}

/** Checks a declared count (`GoodsQty`, `InvoiceQty`, `ProducerQty`) against the elements present. */
export function checkCount(reader: CodReader, parent: XmlNode | undefined, local: string, actual: number): void {
  const node = reader.child(parent, local);
  const declared = readInteger(reader, node);
  if (node && declared !== undefined && declared !== actual) {
    reader.report({ code: 'aladi.count-mismatch', path: '', params: { element: node.path, declared, actual } });
  }
}

/**
 * Producers (forms A33, A60, A67). `ProducerOrderNo` becomes the producer reference the goods quote
 * (`GoodsProducerOrderNo`); where the form leaves it out, the position is used and reported.
 */
export function readProducers(reader: CodReader, form: XmlNode): ProducerDraft[] | undefined {
  const list = reader.child(form, 'Producers');
  if (!list) return undefined;
  const producers = reader.children(list, 'Producer');
  checkCount(reader, list, 'ProducerQty', producers.length);
  return producers.map((p, i) => {
    const order = reader.text(p, 'ProducerOrderNo');
    const ref = order?.value ?? String(i + 1);
    if (!order) reader.converted(p, `/producers/${i}/ref`, '(no ProducerOrderNo)', ref);
    return {
      ref,
      ...prune<ProducerDraft>({ sameAsExporter: flag(reader, p, 'ProducerExporter', 'MISMO', 'DIFERENTE'), confidential: flag(reader, p, 'ProducerConfidenciality', 'CONFIDENCIAL', 'NO CONFIDENCIAL') }),
      ...readParty(reader, p, 'Producer'),
    };
  });
}

/** A two-valued enumeration read as a boolean; any other value is reported unmapped. */
function flag(reader: CodReader, parent: XmlNode, local: string, yes: string, no: string): boolean | undefined {
  const t = reader.text(parent, local);
  if (!t) return undefined;
  if (t.value.toUpperCase() === yes) return true;
  if (t.value.toUpperCase() === no) return false;
  reader.unmapped(t.node, `expected ${yes} or ${no}`);
  return undefined;
}
