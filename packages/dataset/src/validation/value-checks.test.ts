/**
 * Tests of the leaf value checks: JSON types, WCO formats (lengths in code points, fixed lengths,
 * letters and digits, control characters), patterns, dates, numbers and their digits, base64, and
 * code lists (including the HS edition and withdrawn currencies).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { element, type ElementSpec } from '../catalogue/builders.js';
import type { IssueCode } from './issue-codes.js';
import { compileValueCheck, isCalendarDate } from './value-checks.js';

type Spec = Pick<ElementSpec, 'type' | 'format'> & Partial<Pick<ElementSpec, 'codeList' | 'pattern'>>;

/** The codes one value yields for an element of that type and format. */
function codes(spec: Spec, value: unknown, parent: Record<string, unknown> = {}): IssueCode[] {
  const entry = element({ group: 'goods', key: 'test.value', name: 'Test', definition: 'Test element.', cardinality: '0..1', ...spec });
  const found: IssueCode[] = [];
  compileValueCheck(entry)(value, parent, (code) => void found.push(code));
  return found;
}

const text = (format: string, extra: Partial<Spec> = {}): Spec => ({ type: 'text', format, ...extra });

describe('value checks: text', () => {
  it('rejects a non-string', () => {
    assert.deepEqual(codes(text('an..5'), 5), ['structure.type']);
    assert.deepEqual(codes(text('an..5'), null), ['structure.type']);
  });

  it('rejects empty and blank text', () => {
    assert.deepEqual(codes(text('an..5'), ''), ['structure.empty']);
    assert.deepEqual(codes(text('an..5'), ' \t\n'), ['structure.empty']);
  });

  it('counts length in code points, not UTF-16 units', () => {
    assert.deepEqual(codes(text('an..3'), '😀😀😀'), [], 'three code points, six UTF-16 units');
    assert.deepEqual(codes(text('an..3'), '😀😀😀😀'), ['structure.too-long']);
    assert.deepEqual(codes(text('an..3'), 'abc'), []);
    assert.deepEqual(codes(text('an..3'), 'abcd'), ['structure.too-long']);
  });

  it('requires the exact length of a fixed-length format', () => {
    const a2 = { type: 'code', format: 'a2' } as const;
    assert.deepEqual(codes(a2, 'TH'), []);
    assert.deepEqual(codes(a2, 'T'), ['structure.length']);
    assert.deepEqual(codes(a2, 'THA'), ['structure.length']);
    assert.deepEqual(codes({ type: 'text', format: 'an2' }, '😀😀'), [], 'two code points');
  });

  it('allows letters only in an a format and digits only in an n format', () => {
    assert.deepEqual(codes({ type: 'code', format: 'a2' }, 'T1'), ['structure.characters']);
    assert.deepEqual(codes({ type: 'code', format: 'a2' }, 'ÜX'), ['structure.characters'], 'ASCII letters only');
    assert.deepEqual(codes({ type: 'code', format: 'n4' }, '2022'), []);
    assert.deepEqual(codes({ type: 'code', format: 'n4' }, '2O22'), ['structure.characters']);
  });

  it('refuses control characters XML cannot carry, and allows tab, line feed and carriage return', () => {
    for (const c of ['\u0000', '\u0007', '\u001B', '\u007F', '\uFFFE', '\uFFFF']) assert.deepEqual(codes(text('an..10'), `a${c}b`), ['structure.characters'], JSON.stringify(c));
    assert.deepEqual(codes(text('an..10'), 'a\tb\nc\r'), []);
  });

  it('refuses a lone surrogate (not encodable in UTF-8) and accepts a surrogate pair', () => {
    assert.deepEqual(codes(text('an..10'), 'a\uD800b'), ['structure.characters']);
    assert.deepEqual(codes(text('an..10'), 'a\uDC00'), ['structure.characters']);
    assert.deepEqual(codes(text('an..10'), 'a\uD83D\uDE00'), []);
  });

  it('applies the element pattern after the format', () => {
    const hs = { type: 'code', format: 'an..12', pattern: '^[0-9]{6}([0-9]{2}){0,3}$' } as const;
    assert.deepEqual(codes(hs, '090111'), []);
    assert.deepEqual(codes(hs, '0901.11'), ['structure.pattern']);
    assert.deepEqual(codes(hs, '0901111'), ['structure.pattern'], 'seven digits');
  });
});

describe('value checks: dates', () => {
  const date = { type: 'date', format: 'an..35' } as const;
  const dateTime = { type: 'datetime', format: 'an..35' } as const;

  it('accepts calendar dates, leap days included', () => {
    assert.deepEqual(codes(date, '2024-02-29'), []);
    assert.deepEqual(codes(date, '2000-02-29'), []);
  });

  it('rejects days that do not exist and other forms', () => {
    for (const v of ['2023-02-29', '1900-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-3-1', '01/03/2026', '2026-03-01T00:00:00Z']) assert.deepEqual(codes(date, v), ['structure.date'], v);
    assert.deepEqual(codes(date, 20260301), ['structure.type']);
  });

  it('accepts RFC 3339 date-times with a zone, and rejects others', () => {
    for (const v of ['2026-03-01T09:30:00+07:00', '2026-03-01T09:30:00Z', '2026-03-01T09:30:00.123-03:00']) assert.deepEqual(codes(dateTime, v), [], v);
    for (const v of ['2026-03-01T09:30:00', '2026-03-01 09:30:00Z', '2026-02-30T09:30:00Z', '2026-03-01T24:00:00Z', '2026-03-01']) assert.deepEqual(codes(dateTime, v), ['structure.datetime'], v);
  });

  it('knows the Gregorian leap years', () => {
    assert.equal(isCalendarDate(2024, 2, 29), true);
    assert.equal(isCalendarDate(2100, 2, 29), false);
    assert.equal(isCalendarDate(2400, 2, 29), true);
  });
});

describe('value checks: numbers', () => {
  const int5 = { type: 'integer', format: 'n..5' } as const;
  const weight = { type: 'decimal', format: 'n..16,6' } as const;
  const amount = { type: 'decimal', format: 'n..16,3' } as const;

  it('accepts whole numbers within the digits and rejects others', () => {
    assert.deepEqual(codes(int5, 0), []);
    assert.deepEqual(codes(int5, 99999), []);
    assert.deepEqual(codes(int5, 100000), ['structure.digits']);
    assert.deepEqual(codes(int5, 1e21), ['structure.digits'], 'String(1e21) is "1e+21", five characters');
    assert.deepEqual(codes(int5, 1.5), ['structure.integer']);
    assert.deepEqual(codes(int5, -1), ['structure.negative']);
    assert.deepEqual(codes(int5, '1'), ['structure.type']);
    assert.deepEqual(codes(int5, Infinity), ['structure.type']);
  });

  it('counts decimal places of the number as written in shortest form', () => {
    assert.deepEqual(codes(weight, 0.3), []);
    assert.deepEqual(codes(weight, 0.1 + 0.2), ['structure.fraction-digits'], '0.30000000000000004');
    assert.deepEqual(codes(weight, 0.000001), []);
    assert.deepEqual(codes(weight, 1e-7), ['structure.fraction-digits'], 'seven decimal places in exponent form');
    assert.deepEqual(codes(weight, 1.5e-6), ['structure.fraction-digits']);
    assert.deepEqual(codes(amount, 12.345), []);
    assert.deepEqual(codes(amount, 12.3456), ['structure.fraction-digits']);
  });

  it('limits the digits before the decimal point to the format length minus its decimals', () => {
    assert.deepEqual(codes(weight, 9999999999.99999), []);
    assert.deepEqual(codes(weight, 999999999.999999), []);
    assert.deepEqual(codes(weight, 12345678901), ['structure.digits']);
    assert.deepEqual(codes(weight, 1e21), ['structure.digits']);
    assert.deepEqual(codes(amount, 1234567890123), []);
    assert.deepEqual(codes(amount, 12345678901234), ['structure.digits']);
  });

  it('rejects negative decimals and non-numbers', () => {
    assert.deepEqual(codes(weight, -0.5), ['structure.negative']);
    assert.deepEqual(codes(weight, '12.5'), ['structure.type']);
    assert.deepEqual(codes(weight, Number.NaN), ['structure.type']);
  });
});

describe('value checks: booleans and binary', () => {
  it('accepts only JSON booleans', () => {
    const flag = { type: 'boolean', format: 'n1' } as const;
    assert.deepEqual(codes(flag, true), []);
    assert.deepEqual(codes(flag, false), []);
    assert.deepEqual(codes(flag, 'true'), ['structure.type']);
    assert.deepEqual(codes(flag, 1), ['structure.type']);
  });

  it('accepts base64 and rejects other text, empty content and content over the limit', () => {
    const bin = { type: 'binary', format: 'an..8' } as const;
    assert.deepEqual(codes(bin, 'aGVsbG8='), []);
    assert.deepEqual(codes(bin, 'aGVsbG8'), ['structure.base64'], 'missing padding');
    assert.deepEqual(codes(bin, 'aGVs bA='), ['structure.base64'], 'white space');
    assert.deepEqual(codes(bin, ''), ['structure.empty']);
    assert.deepEqual(codes(bin, 'aGVsbG8hIQ=='), ['structure.too-long']);
    assert.deepEqual(codes(bin, 42), ['structure.type']);
  });
});

describe('value checks: code lists', () => {
  const list = (codeList: NonNullable<Spec['codeList']>, format: string): Spec => ({ type: 'code', format, codeList });

  it('checks each code list with its own issue code', () => {
    const cases: [Spec, string, string, IssueCode][] = [
      [list('iso3166-alpha2', 'a2'), 'TH', 'XX', 'codelist.country'],
      [list('iso4217', 'a3'), 'USD', 'XYZ', 'codelist.currency'],
      [list('unece-rec20', 'an..3'), 'KGM', 'KG', 'codelist.unit'],
      [list('unece-rec21', 'an..2'), 'CT', 'XX', 'codelist.package-type'],
      [list('unece-rec19', 'an..2'), '4', 'X', 'codelist.transport-mode'],
      [list('unece-rec28', 'an..4'), '1511', '9999', 'codelist.transport-means'],
      [list('hs-version', 'n4'), '2017', '2010', 'codelist.hs-version'],
      [list('document-type', 'an..3'), '861', '863', 'codelist.document-type'],
      [list('replacement-reason', 'an..10'), 'lost', 'stolen', 'codelist.replacement-reason'],
      [list('exporter-authorisation-type', 'an..10'), 'approved', 'certified', 'codelist.authorisation-type'],
    ];
    for (const [spec, good, bad, code] of cases) {
      assert.deepEqual(codes(spec, good), [], `${spec.codeList} ${good}`);
      assert.deepEqual(codes(spec, bad), [code], `${spec.codeList} ${bad}`);
    }
  });

  it('tells a withdrawn currency from an unknown one', () => {
    assert.deepEqual(codes(list('iso4217', 'a3'), 'DEM'), ['codelist.currency-withdrawn']);
  });

  it('checks the HS subheading for HS 2022 or no edition, and reports other editions as unchecked', () => {
    const hs = list('hs2022-subheading', 'an..12');
    assert.deepEqual(codes(hs, '85414300'), [], 'HS 2022 subheading 8541.43, national digits after it');
    assert.deepEqual(codes(hs, '854140', { hsVersion: '2022' }), ['codelist.hs-subheading'], '8541.40 was split in HS 2022');
    assert.deepEqual(codes(hs, '854140', { hsVersion: '2017' }), ['codelist.hs-unchecked']);
  });

  it('does not look a code up when its format is already wrong', () => {
    assert.deepEqual(codes(list('iso3166-alpha2', 'a2'), 'T'), ['structure.length']);
  });
});
