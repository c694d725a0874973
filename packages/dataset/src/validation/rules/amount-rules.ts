/**
 * Amounts and totals: every amount carries its currency (and a currency its amount); the totals
 * agree with the sums over the goods items, compared exactly in scaled integers.
 */
import type { Catalogue } from '../../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../../catalogue/tree.js';
import type { IssueCode } from '../issue-codes.js';
import { items, num, obj, scaled, str, unscaled, valuesAt, type Obj } from './read.js';
import type { Rule, RuleContext } from './rule.js';

const amountKeys = new WeakMap<Catalogue, string[]>();

/** Keys of the catalogue's amount classes (those with `amount` and `currency` children). */
function amountClasses(catalogue: Catalogue): string[] {
  let keys = amountKeys.get(catalogue);
  if (!keys) {
    const found: string[] = [];
    const walk = (nodes: readonly TreeNode[], prefix: string): void => {
      for (const n of nodes) {
        if (!('children' in n)) continue;
        const key = `${prefix}${n.field}${n.isArray ? '[]' : ''}`;
        const fields = new Set(n.children.map((c) => c.field));
        if (fields.has('amount') && fields.has('currency')) found.push(key);
        walk(n.children, `${key}.`);
      }
    };
    walk(catalogueTree(catalogue).children, '');
    keys = found;
    amountKeys.set(catalogue, keys);
  }
  return keys;
}

export const currencyRules: Rule = {
  name: 'currency with every amount',
  codes: ['rule.currency-missing', 'rule.amount-missing'],
  check(ctx) {
    for (const key of amountClasses(ctx.catalogue)) {
      for (const { value, path } of valuesAt(ctx.document, key)) {
        const o = obj(value);
        if (!o) continue;
        const hasAmount = o['amount'] !== undefined;
        const hasCurrency = o['currency'] !== undefined;
        if (hasAmount && !hasCurrency) ctx.report('rule.currency-missing', `${path}/currency`, { element: key });
        if (hasCurrency && !hasAmount) ctx.report('rule.amount-missing', `${path}/amount`, { element: key });
      }
    }
  },
};

/**
 * Whether a value can be summed exactly: `scaled` needs toFixed's positional form (below 1e21), and
 * a negative value is already a structure error. Out of range, the comparison is skipped, not thrown.
 */
function summable(n: number): boolean {
  return n >= 0 && n < 1e21;
}

/**
 * Sums one quantity over the items and compares it with the total, when the total is given and
 * every item has the quantity in the same unit (otherwise the comparison is reported as skipped).
 */
function compareSum(ctx: RuleContext, list: { value: Obj; path: string }[], read: (item: Obj) => { n: number; unit: string } | undefined, total: { n: number; unit: string } | undefined, scale: number, code: IssueCode, totalPath: string): void {
  if (!total || !summable(total.n)) return;
  let sum = 0n;
  for (const { value } of list) {
    const v = read(value);
    if (!v || !summable(v.n)) return;
    if (v.unit !== total.unit) {
      ctx.report('rule.total-mixed-units', totalPath, { total: total.unit, item: v.unit });
      return;
    }
    sum += scaled(v.n, scale);
  }
  const expected = scaled(total.n, scale);
  if (sum !== expected) ctx.report(code, totalPath, { total: unscaled(expected, scale), sum: unscaled(sum, scale), unit: total.unit });
}

export const totalsRules: Rule = {
  name: 'totals consistent with items',
  codes: ['rule.total-items', 'rule.total-packages', 'rule.total-gross-weight', 'rule.total-fob', 'rule.total-mixed-units'],
  check(ctx) {
    const totals = obj(ctx.document['totals']);
    if (!totals) return;
    const list = items(ctx.document, 'goodsItems');
    const itemCount = num(totals['itemCount']);
    if (itemCount !== undefined && itemCount !== list.length) ctx.report('rule.total-items', '/totals/itemCount', { total: itemCount, items: list.length });

    const packages = num(totals['packageCount']);
    compareSum(ctx, list, (i) => {
      const q = num(obj(i['packages'])?.['quantity']);
      return q === undefined ? undefined : { n: q, unit: 'packages' };
    }, packages === undefined ? undefined : { n: packages, unit: 'packages' }, 0, 'rule.total-packages', '/totals/packageCount');

    const measure = (o: Obj | undefined): { n: number; unit: string } | undefined => {
      const n = num(o?.['value']);
      const unit = str(o?.['unitCode']);
      return n === undefined || unit === undefined ? undefined : { n, unit };
    };
    compareSum(ctx, list, (i) => measure(obj(i['grossWeight'])), measure(obj(totals['grossWeight'])), 6, 'rule.total-gross-weight', '/totals/grossWeight/value');

    const money = (o: Obj | undefined): { n: number; unit: string } | undefined => {
      const n = num(o?.['amount']);
      const unit = str(o?.['currency']);
      return n === undefined || unit === undefined ? undefined : { n, unit };
    };
    compareSum(ctx, list, (i) => money(obj(i['fobValue'])), money(obj(totals['fobValue'])), 3, 'rule.total-fob', '/totals/fobValue/amount');
  },
};
