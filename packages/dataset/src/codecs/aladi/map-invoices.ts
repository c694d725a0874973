/**
 * Invoices: `Invoices > Invoice (InvoiceOrderNo, InvoiceNo, InvoiceDate)`. The order number is the
 * key goods items use (`GoodsInvoiceOrderNo`) to name their invoice; the dataset links by invoice
 * number, so the importer resolves it. An invoice without a number (allowed by some forms) cannot
 * be a dataset invoice and is reported unmapped.
 */
import type { Invoice } from '../../types.generated.js';
import type { CodReader } from './cod-reader.js';
import type { Draft } from './draft.js';
import { checkCount } from './map-parties.js';
import { readDate } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export interface Invoices {
  readonly invoices: Draft<Invoice>[];
  /** `InvoiceOrderNo` -> `InvoiceNo`. */
  readonly numbersByOrder: ReadonlyMap<string, string>;
}

export function readInvoices(reader: CodReader, form: XmlNode): Invoices {
  const list = reader.child(form, 'Invoices');
  const nodes = reader.children(list, 'Invoice');
  checkCount(reader, list, 'InvoiceQty', nodes.length);
  const invoices: Draft<Invoice>[] = [];
  const numbersByOrder = new Map<string, string>();
  for (const node of nodes) {
    const number = node.children.find((c) => c.local === 'InvoiceNo');
    if (!number || number.text.trim() === '') {
      reader.unmapped(node, 'an invoice without InvoiceNo has no place in the dataset');
      continue;
    }
    const index = invoices.length;
    const value = reader.value(node, 'InvoiceNo')!;
    const order = reader.value(node, 'InvoiceOrderNo');
    if (order !== undefined) numbersByOrder.set(orderKey(order), value);
    const date = readDate(reader, reader.child(node, 'InvoiceDate'), `/invoices/${index}/date`);
    invoices.push(date === undefined ? { number: value } : { number: value, date });
  }
  return { invoices, numbersByOrder };
}

/** Order numbers are xs:positiveInteger: `01` and `1` are the same order number. */
export function orderKey(order: string): string {
  return order.replace(/^\+?0*(?=\d)/, '');
}
