/**
 * Canonical JSON against the published examples of RFC 8785 (sections 3.2.2, 3.2.3 and Appendix B),
 * and its refusal of values JSON cannot carry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalBytes, canonicalJson } from './canonical-json.js';

/** A binary64 value from its IEEE 754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson', () => {
  it('serialises the RFC 8785 section 3.2.2 example exactly', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    assert.equal(canonicalJson(JSON.parse(input)), expected);
  });

  it('encodes the section 3.2.2 example as the UTF-8 bytes the RFC lists', () => {
    const hex = `7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    const expected = Uint8Array.from(hex.trim().split(/\s+/), (b) => Number.parseInt(b, 16));
    // The RFC's literal, parsed at runtime (it has more digits than a double keeps, which is the point).
    const value = { numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 1e-27], string: '€$\u000f\nA\'B"\\\\"/', literals: [null, true, false] };
    assert.deepEqual(canonicalBytes(value), expected);
  });

  it('sorts keys by UTF-16 code units, including non-ASCII and astral keys (section 3.2.3)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the keys from the text: a parsed object would enumerate the integer-like key "1" first.
    const textOrder = [...canonicalJson(value).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    assert.deepEqual(textOrder, ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('sorts nested object keys too and keeps array order', () => {
    assert.equal(canonicalJson({ b: [3, 1, { z: 1, a: 2 }], a: { d: null, c: 'x' } }), '{"a":{"c":"x","d":null},"b":[3,1,{"a":2,"z":1}]}');
  });

  it('writes numbers as ECMAScript does (RFC 8785 Appendix B)', () => {
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of cases) assert.equal(canonicalJson(fromBits(bits)), text, `bits ${bits}`);
  });

  it('writes 1e21, 1e-7, -0 and 333333333.33333329 in their canonical forms', () => {
    assert.equal(canonicalJson([1e21, 1e-7, -0, Number('333333333.33333329'), 1e20]), '[1e+21,1e-7,0,333333333.3333333,100000000000000000000]');
  });

  it('escapes strings minimally: control characters as \\u00xx, non-ASCII as UTF-8', () => {
    assert.equal(canonicalJson('\u0000\u001f\t"\\é😀\u2028'), '"\\u0000\\u001f\\t\\"\\\\é😀\u2028"');
  });

  it('treats an undefined property value as an absent property', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
  });

  it('throws a TypeError naming the path of a value JSON cannot carry', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /at ""/],
      [{ a: [1, Number.NaN] }, /"\/a\/1" is NaN/],
      [{ a: Number.POSITIVE_INFINITY }, /"\/a" is Infinity/],
      [{ f: () => 1 }, /"\/f" is function/],
      [{ s: Symbol('x') }, /"\/s" is symbol/],
      [{ n: 10n }, /"\/n" is bigint/],
      [[1, undefined], /"\/1" is undefined/],
      // eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
      [[1, , 3], /"\/1" is undefined/],
      [{ d: new Date(0) }, /"\/d" is an instance of Date/],
      [{ m: new Map() }, /an instance of Map/],
      [{ 'a/b': '\ud800' }, /"\/a~1b" is a string with a lone surrogate/],
      [{ '\udc00': 1 }, /a key with a lone surrogate/],
    ];
    for (const [value, message] of bad) assert.throws(() => canonicalJson(value), (e: unknown) => e instanceof TypeError && message.test(e.message));
  });

  it('refuses a cycle but accepts a shared (acyclic) reference', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = { back: cyclic };
    assert.throws(() => canonicalJson(cyclic), /"\/self\/back" is a circular reference/);
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    assert.equal(canonicalJson(bare), '{"a":1,"b":2}');
  });

  it('handles nesting far deeper than the call stack allows', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(canonicalJson(deep).length, 200_001);
  });
});
