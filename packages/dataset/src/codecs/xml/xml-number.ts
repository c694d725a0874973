/**
 * Numbers in XML: the writer's plain decimal form (XSD decimals have no exponent notation) and the
 * reader's strict parse, which refuses a number it could not keep without rounding.
 */

const exponentForm = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/**
 * The shortest JavaScript decimal form of a finite number, never in exponent notation:
 * 1e-7 -> "0.0000001", 1e21 -> "1000000000000000000000", -0 -> "0".
 */
export function decimalString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`decimalString: ${n} is not a finite number`);
  const s = String(n);
  const m = exponentForm.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// The lexical spaces of xs:integer and xs:decimal (no exponent, no hexadecimal, no Infinity).
const integerLexical = /^([+-]?)([0-9]+)$/;
const decimalLexical = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/;

export type NumberRead = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly expected: string };

/**
 * Reads an integer or decimal as XSD writes them (`+5`, `007`, `.5`, `5.` included). A value whose
 * nearest double would print differently (more significant digits than a double holds) is refused:
 * silently rounding a weight or an amount on a customs document is worse than an error.
 */
export function readNumber(text: string, kind: 'integer' | 'decimal'): NumberRead {
  const m = (kind === 'integer' ? integerLexical : decimalLexical).exec(text);
  const [, sign = '', int = '', frac = ''] = m ?? [];
  if (!m || (int === '' && frac === '')) return { ok: false, expected: kind === 'integer' ? 'whole number' : 'decimal number' };
  const intDigits = int.replace(/^0+/, '') || '0';
  const fracDigits = frac.replace(/0+$/, '');
  const magnitude = fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
  const normal = sign === '-' && magnitude !== '0' ? `-${magnitude}` : magnitude;
  const value = Number(normal);
  if (decimalString(value) !== normal) return { ok: false, expected: 'number a 64-bit float holds without rounding' };
  return { ok: true, value };
}
