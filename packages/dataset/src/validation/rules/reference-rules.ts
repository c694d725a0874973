/**
 * Internal references: item numbers unique and consecutive from 1; each item's invoice number names
 * an invoice of the document, its producer reference a producer; no duplicate invoices or producers.
 */
import { items, num, str } from './read.js';
import type { Rule, RuleContext } from './rule.js';

export const itemNumberRules: Rule = {
  name: 'item numbers',
  codes: ['rule.item-number-duplicate', 'rule.item-number-sequence'],
  check(ctx) {
    const seen = new Map<number, string>();
    let duplicates = false;
    const list = items(ctx.document, 'goodsItems');
    for (const { value, path } of list) {
      const n = num(value['itemNumber']);
      if (n === undefined) continue;
      const first = seen.get(n);
      if (first !== undefined) {
        duplicates = true;
        ctx.report('rule.item-number-duplicate', `${path}/itemNumber`, { itemNumber: n, firstAt: first });
      } else seen.set(n, `${path}/itemNumber`);
    }
    if (duplicates) return;
    for (let i = 0; i < list.length; i++) {
      const { value, path } = list[i]!;
      const n = num(value['itemNumber']);
      if (n !== undefined && n !== i + 1) {
        ctx.report('rule.item-number-sequence', `${path}/itemNumber`, { expected: i + 1, actual: n });
        return;
      }
    }
  },
};

function uniqueKeys(ctx: RuleContext, field: string, key: string, duplicateCode: 'rule.invoice-duplicate' | 'rule.producer-duplicate'): Set<string> {
  const keys = new Set<string>();
  for (const { value, path } of items(ctx.document, field)) {
    const k = str(value[key]);
    if (k === undefined) continue;
    if (keys.has(k)) ctx.report(duplicateCode, `${path}/${key}`, { value: k });
    keys.add(k);
  }
  return keys;
}

export const referenceRules: Rule = {
  name: 'invoice and producer references',
  codes: ['rule.invoice-unresolved', 'rule.invoice-duplicate', 'rule.producer-unresolved', 'rule.producer-duplicate'],
  check(ctx) {
    const invoices = uniqueKeys(ctx, 'invoices', 'number', 'rule.invoice-duplicate');
    const producers = uniqueKeys(ctx, 'producers', 'ref', 'rule.producer-duplicate');
    for (const { value, path } of items(ctx.document, 'goodsItems')) {
      const invoice = str(value['invoiceNumber']);
      if (invoice !== undefined && !invoices.has(invoice)) ctx.report('rule.invoice-unresolved', `${path}/invoiceNumber`, { value: invoice, known: [...invoices].join(', ') || '(none)' });
      const producer = str(value['producerRef']);
      if (producer !== undefined && !producers.has(producer)) ctx.report('rule.producer-unresolved', `${path}/producerRef`, { value: producer, known: [...producers].join(', ') || '(none)' });
    }
  },
};
