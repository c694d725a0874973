/** Plain decimal numbers for XML: writing without exponents, reading without silent rounding. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalString, readNumber } from './xml-number.js';

describe('decimalString', () => {
  it('writes the shortest JavaScript form, expanding exponent notation', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [1380.5, '1380.5'],
      [1e-7, '0.0000001'],
      [1.5e-7, '0.00000015'],
      [-2.5e-10, '-0.00000000025'],
      [1e21, '1000000000000000000000'],
      [1.2345e25, '12345000000000000000000000'],
      [Number('333333333.33333329'), '333333333.3333333'],
      [5e-324, `0.${'0'.repeat(323)}5`],
    ];
    for (const [n, text] of cases) assert.equal(decimalString(n), text, String(n));
  });

  it('refuses NaN and infinities', () => {
    assert.throws(() => decimalString(Number.NaN), RangeError);
    assert.throws(() => decimalString(Number.POSITIVE_INFINITY), RangeError);
  });

  it('reads back every form it writes', () => {
    for (const n of [0, 1, 0.1, 0.000001, 1e-7, 24240, 25620.5, 9999999999.99999, 0.30000000000000004, 1e21, 123456789012.345]) {
      const read = readNumber(decimalString(n), 'decimal');
      assert.deepEqual(read, { ok: true, value: n });
    }
  });
});

describe('readNumber', () => {
  it('accepts the XSD lexical forms: sign, leading zeros, trailing zeros, bare point', () => {
    assert.deepEqual(readNumber('+0012.500', 'decimal'), { ok: true, value: 12.5 });
    assert.deepEqual(readNumber('.5', 'decimal'), { ok: true, value: 0.5 });
    assert.deepEqual(readNumber('5.', 'decimal'), { ok: true, value: 5 });
    assert.deepEqual(readNumber('-0.0', 'decimal'), { ok: true, value: 0 });
    assert.ok(Object.is((readNumber('-0', 'integer') as { value: number }).value, 0), '-0 reads as 0');
    assert.deepEqual(readNumber('007', 'integer'), { ok: true, value: 7 });
    assert.deepEqual(readNumber('-3', 'integer'), { ok: true, value: -3 });
  });

  it('refuses exponents, hexadecimal, words, fractions in integers and empty text', () => {
    for (const text of ['1e3', '0x1F', 'NaN', 'Infinity', 'abc', '', '.', '1.2.3', '1,5', ' 1']) assert.equal(readNumber(text, 'decimal').ok, false, text);
    assert.equal(readNumber('1.0', 'integer').ok, false);
  });

  it('refuses a number a double cannot hold without rounding', () => {
    assert.deepEqual(readNumber('12345678901234567890', 'integer'), { ok: false, expected: 'number a 64-bit float holds without rounding' });
    assert.equal(readNumber('0.1000000000000000055511151231257827', 'decimal').ok, false);
    assert.equal(readNumber('9007199254740993', 'integer').ok, false);
    assert.equal(readNumber('9007199254740992', 'integer').ok, true);
  });
});
