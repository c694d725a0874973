/** Tests of the rules' readers: exact decimals, calendar arithmetic, dates, values at catalogue keys. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, date, items, scaled, unscaled, valuesAt } from './read.js';

describe('exact decimals', () => {
  it('scales a decimal to an exact count of 10^-scale units', () => {
    assert.equal(scaled(1380.5, 6), 1380500000n);
    assert.equal(scaled(0.1, 6), 100000n);
    assert.equal(scaled(24240, 6), 24240000000n);
    assert.equal(scaled(12.345, 3), 12345n);
    assert.equal(scaled(0.000001, 6), 1n, 'written 1e-6 in shortest form');
    assert.equal(scaled(9999999999.99999, 6), 9999999999999990n);
  });

  it('sums without floating-point drift', () => {
    assert.equal(scaled(0.1, 6) + scaled(0.2, 6), scaled(0.3, 6));
    assert.notEqual(0.1 + 0.2, 0.3);
  });

  it('rounds a value with more decimals than the scale (structure reports those)', () => {
    assert.equal(scaled(1.23456789, 6), 1234568n);
  });

  it('formats a scaled value back without trailing zeros', () => {
    assert.equal(unscaled(25620500000n, 6), '25620.5');
    assert.equal(unscaled(520n, 0), '520');
    assert.equal(unscaled(5n, 3), '0.005');
  });
});

describe('calendar arithmetic and dates', () => {
  it('adds days across months and years', () => {
    assert.equal(addDays('2026-02-27', 3), '2026-03-02');
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    assert.equal(addMonths('2026-03-02', 12), '2027-03-02');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  });

  it('reads only real calendar days as dates', () => {
    assert.equal(date('2024-02-29'), '2024-02-29');
    assert.equal(date('2026-02-30'), undefined);
    assert.equal(date('2026-3-1'), undefined);
    assert.equal(date(20260301), undefined);
  });
});

describe('values in a document', () => {
  const doc = { goodsItems: [{ fobValue: { amount: 1 } }, 'not an object', { fobValue: { amount: 2 } }, {}] };

  it('lists the objects of an array with their pointers, skipping other values', () => {
    assert.deepEqual(items(doc, 'goodsItems').map((i) => i.path), ['/goodsItems/0', '/goodsItems/2', '/goodsItems/3']);
  });

  it('expands [] segments of a catalogue key', () => {
    assert.deepEqual(valuesAt(doc, 'goodsItems[].fobValue').map((v) => v.path), ['/goodsItems/0/fobValue', '/goodsItems/2/fobValue']);
  });
});
