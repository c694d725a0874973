/**
 * Goods: `GoodsList > Goods`. Order number, tariff code (dots removed), name, quantity and unit,
 * FOB value, the origin rule, second-line instances, the invoice and the producer an item refers
 * to. Serial numbers, the RVC method, per-item sworn declarations and advance rulings have no
 * place in the dataset and are left for the unmapped sweep.
 */
import type { GoodsItem } from '../../types.generated.js';
import type { CodReader } from './cod-reader.js';
import { prune, type Draft } from './draft.js';
import { orderKey } from './map-invoices.js';
import { readOriginRule, type OriginRuleNotes } from './map-origin-rule.js';
import { checkCount } from './map-parties.js';
import { unitCode } from './name-tables.js';
import { readDecimal, readHsCode, readInteger } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

export type GoodsItemDraft = Draft<GoodsItem>;

export interface GoodsContext {
  readonly invoiceNumbersByOrder: ReadonlyMap<string, string>;
  /** The currency of every value, and whether the importer assumed it (no LocalCurrency). */
  readonly currency: { readonly code: string; readonly assumed: boolean } | undefined;
}

/** Reads every goods item; origin-rule texts that only fit the remarks are collected in `notes`. */
export function readGoods(reader: CodReader, form: XmlNode, ctx: GoodsContext, notes: OriginRuleNotes): GoodsItemDraft[] {
  const list = reader.child(form, 'GoodsList');
  const goods = reader.children(list, 'Goods');
  checkCount(reader, list, 'GoodsQty', goods.length);
  let currencyReported = false;
  return goods.map((g, i) => {
    const at = `/goodsItems/${i}`;
    const fob = readDecimal(reader, reader.child(g, 'GoodsItemFOB') ?? reader.child(g, 'GoodsItemValue'));
    if (fob !== undefined && ctx.currency?.assumed && !currencyReported) {
      // ALADI certificate forms state FOB values in US dollars; 4.1.0 CODs carry no currency element.
      reader.report({ code: 'aladi.converted', path: `${at}/fobValue/currency`, params: { element: g.path, from: '(no LocalCurrency)', to: ctx.currency.code } });
      currencyReported = true;
    }
    return prune<GoodsItemDraft>({
      itemNumber: readInteger(reader, reader.child(g, 'GoodsOrderNo')),
      description: reader.value(g, 'GoodsItemName'),
      hsCode: readHsCode(reader, reader.child(g, 'GoodsItemCode'), `${at}/hsCode`),
      originCriterion: readOriginRule(reader, g, at, notes),
      quantity: readQuantity(reader, g, `${at}/quantity/unitCode`),
      fobValue: fob === undefined ? undefined : prune({ amount: fob, currency: ctx.currency?.code }),
      invoiceNumber: invoiceOf(reader, g, ctx),
      producerRef: reader.value(g, 'GoodsProducerOrderNo'),
    }) ?? {};
  });
}

/** `GoodsItemWeightAmount` in `GoodsItemMeasureUnit` ("net weight or quantity" on the forms). */
function readQuantity(reader: CodReader, g: XmlNode, unitPointer: string): GoodsItemDraft['quantity'] {
  const amountNode = reader.child(g, 'GoodsItemWeightAmount');
  const unit = reader.text(g, 'GoodsItemMeasureUnit');
  const value = readDecimal(reader, amountNode);
  const code = unit ? unitCode(unit.value) : undefined;
  if (value !== undefined && code !== undefined) {
    if (unit && code !== unit.value) reader.converted(unit.node, unitPointer, unit.value, code);
    return { value, unitCode: code };
  }
  // A quantity needs both halves: whichever half is there is reported, not kept alone.
  if (unit) reader.unmapped(unit.node, code === undefined ? 'not a known unit name or UN/ECE Rec 20 code' : 'no readable GoodsItemWeightAmount');
  if (amountNode && value !== undefined) reader.unmapped(amountNode, unit ? `its unit ${unit.value} could not be mapped` : 'no unit');
  return undefined;
}

/** The invoice number an item's `GoodsInvoiceOrderNo` names. */
function invoiceOf(reader: CodReader, g: XmlNode, ctx: GoodsContext): string | undefined {
  const order = reader.text(g, 'GoodsInvoiceOrderNo');
  if (!order) return undefined;
  const number = ctx.invoiceNumbersByOrder.get(orderKey(order.value));
  if (number === undefined) reader.unmapped(order.node, 'no invoice with that InvoiceOrderNo and an InvoiceNo');
  return number;
}
