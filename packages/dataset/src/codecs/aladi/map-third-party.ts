/**
 * Third-party operations: `ThirdOpComments` and `Op3cComments` (operation through a third country)
 * both describe an operator other than the exporter who invoices the goods. The statement becomes
 * the third-party invoicing flag, the operator the third-party operator, and the operator's invoice
 * number and date an invoice issued by it.
 */
import type { Invoice } from '../../types.generated.js';
import type { CodReader } from './cod-reader.js';
import { prune, type Draft } from './draft.js';
import type { PartyDraft } from './map-parties.js';
import { readBoolean, readDate } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export interface ThirdParty {
  readonly invoicing: boolean | undefined;
  readonly operator: PartyDraft | undefined;
  readonly invoice: Draft<Invoice> | undefined;
}

/** The third-party blocks of a form: under Comments, and (form A60) directly under the form. */
export function thirdPartyBlocks(form: XmlNode, comments: XmlNode | undefined): XmlNode[] {
  return [...(comments?.children ?? []), ...form.children].filter((c) => c.local === 'ThirdOpComments' || c.local === 'Op3cComments');
}

/** Reads one block; `invoiceIndex` is where its invoice will sit in `invoices`. */
export function readThirdParty(reader: CodReader, block: XmlNode, invoiceIndex: number): ThirdParty {
  reader.take(block);
  const prefix = block.local === 'Op3cComments' ? 'Op3c' : 'ThirdOp';
  const operator = prune<PartyDraft>({
    name: reader.value(block, `${prefix}BusinessName`),
    address: prune<NonNullable<PartyDraft['address']>>({
      line: reader.value(block, `${prefix}Address`),
      city: reader.value(block, `${prefix}City`),
      country: reader.value(block, `${prefix}Country`),
    }),
  });
  const number = reader.value(block, `${prefix}InvoiceNo`);
  const date = readDate(reader, reader.child(block, `${prefix}InvoiceDate`), `/invoices/${invoiceIndex}/date`);
  const invoice = number === undefined && date === undefined ? undefined : prune<Draft<Invoice>>({ number, date, issuerName: operator?.name, issuerCountry: operator?.address?.country });
  return { invoicing: readBoolean(reader, reader.child(block, `${prefix}Statement`)), operator, invoice };
}
