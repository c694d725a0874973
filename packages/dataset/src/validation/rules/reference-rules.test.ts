/** Tests of the reference rules: item numbers, invoice references and producer references. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificate, finding, runRule } from '../../testing/fixtures.js';
import { itemNumberRules, referenceRules } from './reference-rules.js';

const numbered = (...numbers: number[]) =>
  certificate((d) => {
    const template = d.goodsItems[0]!;
    d.goodsItems = numbers.map((itemNumber) => ({ ...template, itemNumber }));
  });

describe('item numbers', () => {
  it('accepts 1, 2, 3', () => {
    assert.deepEqual(runRule(itemNumberRules, numbered(1, 2, 3)), []);
  });

  it('rejects a number used twice, reported where it repeats', () => {
    assert.deepEqual(runRule(itemNumberRules, numbered(1, 2, 2)), [finding('rule.item-number-duplicate', '/goodsItems/2/itemNumber')]);
  });

  it('rejects a gap, reported once at the first item out of sequence', () => {
    assert.deepEqual(runRule(itemNumberRules, numbered(1, 3, 4)), [finding('rule.item-number-sequence', '/goodsItems/1/itemNumber')]);
  });

  it('rejects numbering that does not start at 1', () => {
    assert.deepEqual(runRule(itemNumberRules, numbered(0, 1)), [finding('rule.item-number-sequence', '/goodsItems/0/itemNumber')]);
  });

  it('rejects numbers out of document order', () => {
    assert.deepEqual(runRule(itemNumberRules, numbered(2, 1)), [finding('rule.item-number-sequence', '/goodsItems/0/itemNumber')]);
  });
});

describe('invoice references', () => {
  it('accepts items naming listed invoices', () => {
    assert.deepEqual(runRule(referenceRules, certificate()), []);
  });

  it('rejects an item naming an invoice that is not listed', () => {
    assert.deepEqual(runRule(referenceRules, certificate((d) => { d.goodsItems[1]!.invoiceNumber = 'INV-2'; })), [finding('rule.invoice-unresolved', '/goodsItems/1/invoiceNumber')]);
  });

  it('rejects an invoice reference when no invoice is listed at all', () => {
    const doc = certificate((d) => { delete d.invoices; delete d.goodsItems[1]!.invoiceNumber; });
    assert.deepEqual(runRule(referenceRules, doc), [finding('rule.invoice-unresolved', '/goodsItems/0/invoiceNumber')]);
  });

  it('rejects an invoice listed twice', () => {
    assert.deepEqual(runRule(referenceRules, certificate((d) => { d.invoices!.push({ number: 'INV-1' }); })), [finding('rule.invoice-duplicate', '/invoices/1/number')]);
  });
});

describe('producer references', () => {
  const withProducers = certificate((d) => {
    d.producers = [{ ref: 'P1', sameAsExporter: true }, { ref: 'P2', name: 'Chai Nat Rice Mill', address: { country: 'TH' } }];
    d.goodsItems[0]!.producerRef = 'P2';
  });

  it('accepts items naming listed producers', () => {
    assert.deepEqual(runRule(referenceRules, withProducers), []);
  });

  it('rejects an item naming a producer that is not listed', () => {
    const doc = structuredClone(withProducers);
    doc.goodsItems[1]!.producerRef = 'P3';
    assert.deepEqual(runRule(referenceRules, doc), [finding('rule.producer-unresolved', '/goodsItems/1/producerRef')]);
  });

  it('rejects a producer reference used twice', () => {
    const doc = structuredClone(withProducers);
    doc.producers!.push({ ref: 'P1', confidential: true });
    assert.deepEqual(runRule(referenceRules, doc), [finding('rule.producer-duplicate', '/producers/2/ref')]);
  });
});
