/**
 * Conversions of COD values to the dataset's forms: xs:dateTime to a calendar date, dotted tariff
 * codes to digits, xs:decimal and xs:boolean to JSON. A conversion that loses or changes
 * information is reported (`aladi.converted`); a value that cannot be read is reported unmapped.
 */
import { normalizeText, type CodReader } from './cod-reader.js';
import type { XmlNode } from './xml-tree.js';

const dateTime = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The calendar date of an xs:dateTime, as written: the local date at the declarant's offset, not
 * the UTC date, because that is the date printed on the form. Reported when a time of day or an
 * offset is dropped; a bare date or a midnight without offset converts without loss.
 */
export function readDate(reader: CodReader, node: XmlNode | undefined, pointer: string): string | undefined {
  if (!node) return undefined;
  const raw = normalizeText(node.text);
  const m = dateTime.exec(raw);
  if (!m) {
    reader.unmapped(node, 'not an xs:dateTime');
    return undefined;
  }
  const date = m[1]!;
  const lossless = m[2] === undefined || (m[2] === '00:00:00' && !/[1-9]/.test(m[3] ?? '') && m[4] === undefined);
  if (!lossless) reader.converted(node, pointer, raw, date);
  return date;
}

/** A tariff code without its dots (`8408.90.90` -> `84089090`); reported when dots were removed. */
export function readHsCode(reader: CodReader, node: XmlNode | undefined, pointer: string): string | undefined {
  if (!node) return undefined;
  const raw = normalizeText(node.text);
  if (raw === '') return undefined;
  const digits = raw.replace(/[.\s]/g, '');
  if (digits !== raw) reader.converted(node, pointer, raw, digits);
  return digits;
}

/** An xs:decimal as a JSON number; trailing zeros (`4500.000000`) carry no information. */
export function readDecimal(reader: CodReader, node: XmlNode | undefined): number | undefined {
  if (!node) return undefined;
  const raw = normalizeText(node.text);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) {
    reader.unmapped(node, 'not an xs:decimal');
    return undefined;
  }
  return Number(raw);
}

/** An xs:positiveInteger (order numbers, counts) as a JSON number. */
export function readInteger(reader: CodReader, node: XmlNode | undefined): number | undefined {
  if (!node) return undefined;
  const raw = normalizeText(node.text);
  if (!/^\+?\d+$/.test(raw)) {
    reader.unmapped(node, 'not an integer');
    return undefined;
  }
  return Number(raw);
}

/** An xs:boolean (`true`, `false`, `1`, `0`). */
export function readBoolean(reader: CodReader, node: XmlNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const raw = normalizeText(node.text);
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  reader.unmapped(node, 'not an xs:boolean');
  return undefined;
}

/** Upper case without accents, single spaces: the key of the name tables (units, currencies, modes). */
export function nameKey(s: string): string {
  return normalizeText(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}
