/**
 * Test support: fast-check arbitraries of single leaf values that pass the structural checks of
 * their catalogue element (type, WCO format, pattern, code list). Text mixes ASCII, XML specials,
 * white space (CR included), non-ASCII and astral characters, to exercise the codecs.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import type { DocumentKind, ElementEntry } from '../catalogue/entry.js';
import { parseFormat } from '../catalogue/format.js';
import { codeList } from '../codelists/code-lists.js';
import { declarationTypeCodes } from '../codelists/small-lists.js';
import type { RawIssue } from '../validation/issue.js';
import { compileValueCheck } from '../validation/value-checks.js';

/** Longest generated text, in characters: long enough to matter, short enough to run fast. */
const maxGeneratedLength = 24;

// A lone surrogate passes the validator but can be carried by neither XML nor canonical JSON.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const unrepresentable = /[\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/u;

const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const digits = [...'0123456789'];
const textCharacter = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...letters, ...digits, ...' .,-/()#:;+*=_@!?[]{}%$') },
  { weight: 2, arbitrary: fc.constantFrom('<', '>', '&', "'", '"', ']') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\r', ' ') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ñ', 'ü', 'ß', 'Ø', '中', '国', 'ä', 'ก', 'ع', 'Ж', '€', '\u00A0', '\u2028') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝄞', '𠀋') },
);

/** True when `value` passes the element's structural check (parent: no hsVersion, so HS 2022). */
export function passesValueCheck(e: ElementEntry, value: unknown): boolean {
  const issues: Pick<RawIssue, 'code'>[] = [];
  compileValueCheck(e)(value, {}, (code) => issues.push({ code }));
  return issues.length === 0;
}

function textArbitrary(e: ElementEntry): fc.Arbitrary<string> {
  const fmt = parseFormat(e.format);
  const maxLength = Math.min(fmt.maxLength, Math.max(fmt.minLength, maxGeneratedLength));
  const unit = fmt.charset === 'a' ? fc.constantFrom(...letters) : fmt.charset === 'n' ? fc.constantFrom(...digits) : textCharacter;
  // One array item is one code point, so the array length bounds the WCO length.
  const text = fc.array(unit, { minLength: fmt.minLength, maxLength }).map((units) => units.join(''));
  return text.filter((s) => passesValueCheck(e, s));
}

function codeArbitrary(e: ElementEntry, kind: DocumentKind): fc.Arbitrary<string> {
  const id = e.codeList!;
  let codes = [...codeList(id).codes.keys()];
  // The document kind follows from the type code: a declaration is 862, a certificate anything else.
  if (id === 'document-type') codes = codes.filter((c) => declarationTypeCodes.has(c) === (kind === 'declaration'));
  if (id === 'hs2022-subheading') {
    const national = fc.constantFrom('', '', '00', '1090', '109010');
    return fc.tuple(fc.constantFrom(...codes), national).map(([h, n]) => h + n).filter((s) => passesValueCheck(e, s));
  }
  const valid = codes.filter((c) => passesValueCheck(e, c));
  if (valid.length === 0) throw new Error(`no code of ${id} fits ${e.key} (${e.format})`);
  return fc.constantFrom(...valid);
}

const dayMs = 86_400_000;
const firstDay = Date.UTC(1950, 0, 1) / dayMs;
const lastDay = Date.UTC(2099, 11, 31) / dayMs;

function decimalArbitrary(e: ElementEntry): fc.Arbitrary<number> {
  const fmt = parseFormat(e.format);
  const intMax = 10 ** (fmt.maxLength - fmt.fractionDigits) - 1;
  const full = fc.tuple(fc.integer({ min: 0, max: intMax }), fc.integer({ min: 0, max: fmt.fractionDigits }), fc.integer({ min: 0, max: 10 ** fmt.fractionDigits - 1 })).map(([int, places, frac]) => {
    const text = places === 0 ? String(int) : `${int}.${String(frac % 10 ** places).padStart(places, '0')}`;
    const n = Number(text);
    // Keep only values whose shortest JavaScript form is the text (no binary rounding artefacts).
    return String(n).includes('e') || passesValueCheck(e, n) ? n : int;
  });
  return fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 0.001, 0.000001, 12.345, 1380.5), full).filter((n) => passesValueCheck(e, n));
}

/** An arbitrary valid value of a leaf element, for a document of the given kind. */
export function arbitraryLeaf(e: ElementEntry, kind: DocumentKind): fc.Arbitrary<unknown> {
  const fmt = parseFormat(e.format);
  if (e.codeList) return codeArbitrary(e, kind);
  switch (e.type) {
    case 'text':
    case 'code':
      // fast-check can generate from a regex; the filter adds the length and character rules.
      return e.pattern ? fc.stringMatching(new RegExp(e.pattern, 'u')).filter((s) => !unrepresentable.test(s) && passesValueCheck(e, s)) : textArbitrary(e);
    case 'date':
      return fc.integer({ min: firstDay, max: lastDay }).map((d) => new Date(d * dayMs).toISOString().slice(0, 10));
    case 'datetime':
      return fc.integer({ min: firstDay * dayMs, max: lastDay * dayMs }).map((ms) => new Date(ms).toISOString());
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(fc.integer({ min: 0, max: Math.min(99, 10 ** fmt.maxLength - 1) }), fc.integer({ min: 0, max: 10 ** fmt.maxLength - 1 }));
    case 'decimal':
      return decimalArbitrary(e);
    case 'binary':
      return fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64'));
  }
}
