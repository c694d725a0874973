/** Tests of the amount rules: a currency with every amount, and totals equal to the sums of the items. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificate, finding, runRule } from '../../testing/fixtures.js';
import { currencyRules, totalsRules } from './amount-rules.js';

describe('currency with every amount', () => {
  it('accepts amounts with their currencies', () => {
    assert.deepEqual(runRule(currencyRules, certificate((d) => { d.totals = { fobValue: { amount: 1800, currency: 'USD' } }; })), []);
  });

  it('rejects an item amount without its currency', () => {
    assert.deepEqual(runRule(currencyRules, certificate((d) => { delete d.goodsItems[1]!.fobValue!.currency; })), [finding('rule.currency-missing', '/goodsItems/1/fobValue/currency')]);
  });

  it('rejects a total currency without its amount', () => {
    assert.deepEqual(runRule(currencyRules, certificate((d) => { d.totals = { fobValue: { currency: 'USD' } }; })), [finding('rule.amount-missing', '/totals/fobValue/amount')]);
  });

  it('finds the amount classes in the catalogue, so a new amount is covered without changing the rule', () => {
    const doc = certificate((d) => { d.goodsItems[0]!.fobValue = { currency: 'USD' }; d.totals = { fobValue: { amount: 1 } }; });
    assert.deepEqual(runRule(currencyRules, doc), [finding('rule.amount-missing', '/goodsItems/0/fobValue/amount'), finding('rule.currency-missing', '/totals/fobValue/currency')]);
  });
});

describe('totals consistent with the items', () => {
  const withTotals = (totals: NonNullable<ReturnType<typeof certificate>['totals']>) => certificate((d) => { d.totals = totals; });

  it('accepts totals equal to the sums', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ itemCount: 2, packageCount: 120, grossWeight: { value: 5260.5, unitCode: 'KGM' } })), []);
  });

  it('rejects a wrong item count', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ itemCount: 3 })), [finding('rule.total-items', '/totals/itemCount')]);
  });

  it('rejects a wrong package count', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ packageCount: 121 })), [finding('rule.total-packages', '/totals/packageCount')]);
  });

  it('rejects a wrong total gross weight, even by a millionth', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ grossWeight: { value: 5260.500001, unitCode: 'KGM' } })), [finding('rule.total-gross-weight', '/totals/grossWeight/value')]);
  });

  it('compares decimals exactly: items of 0.1 and 0.2 kg make a total of 0.3 kg', () => {
    const doc = certificate((d) => {
      d.goodsItems[0]!.grossWeight = { value: 0.1, unitCode: 'KGM' };
      d.goodsItems[1]!.grossWeight = { value: 0.2, unitCode: 'KGM' };
      d.totals = { grossWeight: { value: 0.3, unitCode: 'KGM' } };
    });
    assert.deepEqual(runRule(totalsRules, doc), []);
  });

  it('rejects a wrong total FOB value', () => {
    const doc = certificate((d) => { d.goodsItems[0]!.fobValue = { amount: 2500.25, currency: 'USD' }; d.totals = { fobValue: { amount: 4300.2, currency: 'USD' } }; });
    assert.deepEqual(runRule(totalsRules, doc), [finding('rule.total-fob', '/totals/fobValue/amount')]);
    const right = certificate((d) => { d.goodsItems[0]!.fobValue = { amount: 2500.25, currency: 'USD' }; d.totals = { fobValue: { amount: 4300.25, currency: 'USD' } }; });
    assert.deepEqual(runRule(totalsRules, right), []);
  });

  it('warns, without comparing, when an item is in another unit than the total', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ grossWeight: { value: 5.2605, unitCode: 'TNE' } })), [finding('rule.total-mixed-units', '/totals/grossWeight/value')]);
  });

  it('skips a sum when an item does not give the value', () => {
    assert.deepEqual(runRule(totalsRules, withTotals({ fobValue: { amount: 1, currency: 'USD' } })), [], 'item 1 has no FOB value');
  });

  it('skips, rather than throws on, values too large to sum exactly (structure reports them)', () => {
    const doc = certificate((d) => { d.goodsItems[0]!.grossWeight!.value = 1e21; d.totals = { grossWeight: { value: 1e21, unitCode: 'KGM' } }; });
    assert.deepEqual(runRule(totalsRules, doc), []);
    assert.deepEqual(runRule(totalsRules, withTotals({ grossWeight: { value: 1e22, unitCode: 'KGM' } })), []);
  });
});
