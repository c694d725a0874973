/**
 * Checks of one leaf value against its catalogue element: JSON type, WCO format, pattern and code
 * list. Built once per element (closures), so validating a document does no format parsing.
 */
import type { ElementEntry } from '../catalogue/entry.js';
import { parseFormat } from '../catalogue/format.js';
import { codeList, withdrawnCurrencies } from '../codelists/code-lists.js';
import type { IssueCode } from './issue-codes.js';
import type { IssueParams } from './issue.js';

/** Reports an issue at the value's path. */
export type Report = (code: IssueCode, params: IssueParams) => void;
/** Checks a value; `parent` is the object holding it (code lists may depend on a sibling). */
export type ValueCheck = (value: unknown, parent: Readonly<Record<string, unknown>>, report: Report) => void;

// XML 1.0 cannot carry these, and no customs form needs them; TAB, LF and CR are allowed. With the
// `u` flag a surrogate pair is one code point, so the D800-DFFF range matches only a lone surrogate,
// which UTF-8 cannot encode either.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF]/u;
// `\s` is exactly the white space String.prototype.trim removes; testing for `\S` allocates nothing.
const notBlank = /\S/;
const lettersOnly = /^[A-Za-z]+$/;
const digitsOnly = /^[0-9]+$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when y-m-d is a real calendar day. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** Length in Unicode code points (WCO lengths count characters, not UTF-16 units). */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Digits before and after the decimal point of a finite number, as written in shortest form. */
function digitCounts(n: number): { int: number; frac: number } {
  const s = Math.abs(n).toString();
  if (s.includes('e')) {
    // 1e-7 or 1e21: expand through toFixed/BigInt-free arithmetic on the exponent.
    const [mant, expText] = s.split('e');
    const exp = Number(expText);
    const [mi, mf = ''] = mant!.split('.');
    return exp < 0 ? { int: 1, frac: mf.length - exp } : { int: mi!.length + exp, frac: Math.max(0, mf.length - exp) };
  }
  const dot = s.indexOf('.');
  if (dot < 0) return { int: s.length, frac: 0 };
  return { int: dot, frac: s.length - dot - 1 };
}

function codeListCheck(e: ElementEntry): ValueCheck | undefined {
  if (!e.codeList) return undefined;
  const codes = codeList(e.codeList).codes;
  const element = e.key;
  switch (e.codeList) {
    case 'hs2022-subheading':
      // HS subheadings are only bundled for HS 2022; other editions are reported as unchecked.
      return (v, parent, report) => {
        const version = parent['hsVersion'];
        if (typeof v !== 'string') return;
        // A malformed version (a number, an object) is reported by its own check; quote it as JSON here.
        if (version !== undefined && version !== '2022') return report('codelist.hs-unchecked', { element, value: v, version: typeof version === 'string' ? version : JSON.stringify(version) });
        if (!codes.has(v.slice(0, 6))) report('codelist.hs-subheading', { element, value: v, subheading: v.slice(0, 6) });
      };
    case 'iso4217':
      return (v, _p, report) => {
        if (typeof v !== 'string' || codes.has(v)) return;
        report(withdrawnCurrencies().has(v) ? 'codelist.currency-withdrawn' : 'codelist.currency', { element, value: v });
      };
    default: {
      const code = codeListIssue[e.codeList];
      return (v, _p, report) => {
        if (typeof v === 'string' && !codes.has(v)) report(code, { element, value: v });
      };
    }
  }
}

const codeListIssue = {
  'iso3166-alpha2': 'codelist.country',
  'unece-rec20': 'codelist.unit',
  'unece-rec21': 'codelist.package-type',
  'unece-rec19': 'codelist.transport-mode',
  'unece-rec28': 'codelist.transport-means',
  'hs-version': 'codelist.hs-version',
  'document-type': 'codelist.document-type',
  'replacement-reason': 'codelist.replacement-reason',
  'exporter-authorisation-type': 'codelist.authorisation-type',
} as const satisfies Record<Exclude<ElementEntry['codeList'] & string, 'hs2022-subheading' | 'iso4217'>, IssueCode>;

/** Builds the check of one element. */
export function compileValueCheck(e: ElementEntry): ValueCheck {
  const element = e.key;
  const fmt = parseFormat(e.format);
  const pattern = e.pattern ? new RegExp(e.pattern, 'u') : undefined;
  const listCheck = codeListCheck(e);

  const stringChecks = (v: string, report: Report): boolean => {
    if (!notBlank.test(v)) {
      report('structure.empty', { element });
      return false;
    }
    if (controlChars.test(v)) {
      report('structure.characters', { element, format: e.format });
      return false;
    }
    const len = v.length <= fmt.maxLength && fmt.minLength === 1 ? v.length : codePointLength(v);
    if (fmt.minLength === fmt.maxLength && len !== fmt.maxLength) {
      report('structure.length', { element, length: fmt.maxLength, actual: len });
      return false;
    }
    if (len > fmt.maxLength) {
      report('structure.too-long', { element, max: fmt.maxLength, length: len });
      return false;
    }
    if (fmt.charset === 'a' && !lettersOnly.test(v)) {
      report('structure.characters', { element, format: e.format });
      return false;
    }
    if (fmt.charset === 'n' && !digitsOnly.test(v)) {
      report('structure.characters', { element, format: e.format });
      return false;
    }
    if (pattern && !pattern.test(v)) {
      report('structure.pattern', { element, pattern: e.pattern! });
      return false;
    }
    return true;
  };

  const wrongType = (expected: string) => (v: unknown, report: Report) => report('structure.type', { element, expected, actual: typeOf(v) });

  switch (e.type) {
    case 'text':
    case 'code': {
      const bad = wrongType('string');
      return (v, parent, report) => {
        if (typeof v !== 'string') return bad(v, report);
        if (stringChecks(v, report) && listCheck) listCheck(v, parent, report);
      };
    }
    case 'date': {
      const bad = wrongType('string');
      return (v, _p, report) => {
        if (typeof v !== 'string') return bad(v, report);
        const m = isoDate.exec(v);
        if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) report('structure.date', { element, value: v });
      };
    }
    case 'datetime': {
      const bad = wrongType('string');
      return (v, _p, report) => {
        if (typeof v !== 'string') return bad(v, report);
        const m = rfc3339.exec(v);
        if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) report('structure.datetime', { element, value: v });
      };
    }
    case 'boolean': {
      const bad = wrongType('boolean');
      return (v, _p, report) => {
        if (typeof v !== 'boolean') bad(v, report);
      };
    }
    case 'integer': {
      const bad = wrongType('number');
      return (v, _p, report) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return bad(v, report);
        if (!Number.isInteger(v)) return report('structure.integer', { element, value: v });
        if (v < 0) return report('structure.negative', { element, value: v });
        // Compared numerically: String(1e21) is "1e+21", five characters for a 22-digit number.
        if (v >= 10 ** fmt.maxLength) report('structure.digits', { element, max: fmt.maxLength, value: v });
      };
    }
    case 'decimal': {
      const bad = wrongType('number');
      const maxInt = fmt.maxLength - fmt.fractionDigits;
      return (v, _p, report) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return bad(v, report);
        if (v < 0) return report('structure.negative', { element, value: v });
        const { int, frac } = digitCounts(v);
        if (frac > fmt.fractionDigits) return report('structure.fraction-digits', { element, max: fmt.fractionDigits, value: v });
        if (int > maxInt) report('structure.digits', { element, max: maxInt, value: v });
      };
    }
    case 'binary': {
      const bad = wrongType('string');
      return (v, _p, report) => {
        if (typeof v !== 'string') return bad(v, report);
        // The base64 pattern accepts "", which is no content at all.
        if (v === '') return report('structure.empty', { element });
        if (v.length > fmt.maxLength) return report('structure.too-long', { element, max: fmt.maxLength, length: v.length });
        if (!base64.test(v)) report('structure.base64', { element });
      };
    }
  }
}
