/**
 * Assembles the dataset draft of one COD form from the part mappers. Every form of schema 4.1.0 is
 * a selection of the same blocks (Exporter, Producers, Subscriber, Invoices, GoodsList, Importer,
 * Consignee, Transport, Comments, third-party blocks, Declaration), so this one function maps them.
 */
import type { Header, Transport } from '../../types.generated.js';
import { agreementCode } from './agreements.js';
import { normalizeText, type CodReader } from './cod-reader.js';
import { prune, type Draft, type EcoDocumentDraft } from './draft.js';
import type { CodParts } from './envelope.js';
import { readCertifyingPart } from './map-certification.js';
import { readComments } from './map-comments.js';
import { readDeclaration } from './map-declaration.js';
import { readGoods } from './map-goods.js';
import { readInvoices } from './map-invoices.js';
import { originRuleNotes, originRuleRemarks } from './map-origin-rule.js';
import { readParty, readProducers } from './map-parties.js';
import { readThirdParty, thirdPartyBlocks, type ThirdParty } from './map-third-party.js';
import { transportModeCode } from './name-tables.js';
import type { XmlNode } from './xml-tree.js';

/** The UN/EDIFACT 1001 code of a certificate of origin. */
const certificateOfOrigin = '861';

/** The agreement acronym, mapped through the table; the dataset code, or undefined. */
export function readAgreement(reader: CodReader, cod: XmlNode): string | undefined {
  const acronym = reader.text(reader.child(cod, 'Agreement'), 'AgreementAcronym');
  if (!acronym) return undefined;
  const code = agreementCode(acronym.value);
  if (code === undefined) reader.unmapped(acronym.node, 'acronym not in the agreement table');
  else reader.converted(acronym.node, '/header/agreementCode', acronym.value, code);
  return code;
}

export interface MapOptions {
  readonly agreement: string | undefined;
  /** The criterion code of origin rules given as a legal citation (default LEGAL-REF). */
  readonly citationCriterionCode: string | undefined;
}

export function mapForm(reader: CodReader, parts: CodParts, form: { node: XmlNode; name: string }, options: MapOptions): EcoDocumentDraft {
  const f = form.node;
  const certifying = readCertifyingPart(reader, parts.codeh);
  const exporter = readParty(reader, reader.child(f, 'Exporter'), 'Exporter');
  const producers = readProducers(reader, f);
  const importer = readParty(reader, reader.child(f, 'Importer'), 'Importer');
  const consignee = readParty(reader, reader.child(f, 'Consignee'), 'Consignee');
  const { invoices, numbersByOrder } = readInvoices(reader, f);
  const comments = readComments(reader, f);
  const notes = originRuleNotes(options.citationCriterionCode);
  const goodsItems = readGoods(reader, f, { invoiceNumbersByOrder: numbersByOrder, currency: comments.currency }, notes);
  const declaration = readDeclaration(reader, parts.cod, f);

  const [first, ...others] = thirdPartyBlocks(f, comments.comments);
  const third: ThirdParty | undefined = first ? readThirdParty(reader, first, invoices.length) : undefined;
  for (const b of others) reader.unmapped(b, 'the dataset has one third-party operator');
  if (third?.invoice) invoices.push(third.invoice);

  const transportNode = reader.child(f, 'Transport');
  const destination = reader.value(transportNode, 'TransportCountryDestination');
  applyToItems(reader, goodsItems, declaration.originCountry, 'originCountry');
  applyToItems(reader, goodsItems, comments.hsVersion, 'hsVersion');
  if (comments.currency?.node && !goodsItems.some((g) => g.fobValue)) reader.unmapped(comments.currency.node, 'no goods value to apply it to');

  const header = prune<Draft<Header>>({
    ...certifying.header,
    typeCode: certificateOfOrigin,
    formType: form.name,
    agreementCode: options.agreement,
    issuingCountry: certifying.country ?? exporter?.address?.country,
    importingCountry: destination ?? importer?.address?.country ?? consignee?.address?.country,
    validFrom: declaration.validFrom,
    validUntil: declaration.validUntil,
  });
  const remarks = [...comments.remarks, ...originRuleRemarks(notes)];
  return prune<EcoDocumentDraft>({
    header,
    exporter,
    producers,
    importer,
    consignee,
    thirdPartyOperator: third?.operator,
    transport: readTransport(reader, transportNode),
    goodsItems,
    invoices: invoices.length > 0 ? invoices : undefined,
    exporterDeclaration: declaration.declaration,
    certification: certifying.certification,
    specialCases: third?.invoicing === undefined ? undefined : { thirdPartyInvoicing: third.invoicing },
    remarks: remarks.length > 0 ? remarks.join('\n') : undefined,
  }) ?? {};
}

/** Port of loading and means of transport; "Terrestre" and other unlisted means stay unmapped. */
function readTransport(reader: CodReader, node: XmlNode | undefined): Draft<Transport> | undefined {
  const means = reader.text(node, 'TransportMeans');
  const modeCode = means ? transportModeCode(means.value) : undefined;
  if (means && modeCode === undefined) reader.unmapped(means.node, 'no single UN/ECE Rec 19 mode for this name');
  if (means && modeCode !== undefined && modeCode !== means.value) reader.converted(means.node, '/transport/modeCode', means.value, modeCode);
  const port = reader.value(node, 'TransportPortOfLoading');
  return prune<Draft<Transport>>({ modeCode, loadingPlace: port === undefined ? undefined : { name: port } });
}

/** Copies a document-wide value (origin country, HS edition) into every goods item, reported once. */
function applyToItems(reader: CodReader, items: NonNullable<EcoDocumentDraft['goodsItems']>, source: { node: XmlNode; value: string } | undefined, field: 'originCountry' | 'hsVersion'): void {
  if (!source) return;
  if (items.length === 0) {
    reader.unmapped(source.node, 'no goods items to apply it to');
    return;
  }
  for (const item of items) item[field] = source.value;
  reader.converted(source.node, `/goodsItems/0/${field}`, normalizeText(source.node.text), `${source.value} on every goods item`);
}
