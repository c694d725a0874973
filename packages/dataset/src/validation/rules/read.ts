/** Defensive readers for rules: a value of the wrong type reads as absent (structure reports it). */
import { pointer } from '../issue.js';
import { isCalendarDate } from '../value-checks.js';

export type Obj = Readonly<Record<string, unknown>>;

export function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
export function bool(v: unknown): boolean {
  return v === true;
}
/** The objects of an array, each with its JSON pointer. */
export function items(parent: Obj | undefined, field: string, parentPath = ''): { value: Obj; path: string }[] {
  const list = parent?.[field];
  if (!Array.isArray(list)) return [];
  const out: { value: Obj; path: string }[] = [];
  const base = pointer(parentPath, field);
  list.forEach((v, i) => {
    const o = obj(v);
    if (o) out.push({ value: o, path: `${base}/${i}` });
  });
  return out;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * A YYYY-MM-DD string that is a real calendar day, or undefined (malformed dates, 2026-02-30
 * included, are reported by structure; comparing or adding months to them would mislead the rules).
 */
export function date(v: unknown): string | undefined {
  const m = typeof v === 'string' ? isoDate.exec(v) : null;
  return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : undefined;
}

/** Adds days to a YYYY-MM-DD date (UTC calendar arithmetic). */
export function addDays(d: string, days: number): string {
  const t = Date.parse(`${d}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * A non-negative decimal as an exact integer count of 10^-scale units, so that sums of many
 * item values compare exactly with a total (no floating-point drift).
 */
export function scaled(n: number, scale: number): bigint {
  if (Number.isSafeInteger(n)) return BigInt(n) * 10n ** BigInt(scale);
  // The shortest form is how the value was written (and what value-checks counts decimals on):
  // when it has no more decimals than the scale, its digits are the exact count.
  const s = String(n);
  const dot = s.indexOf('.');
  if (dot > 0 && s.length - dot - 1 <= scale && !s.includes('e')) return BigInt(s.slice(0, dot) + s.slice(dot + 1).padEnd(scale, '0'));
  const [i, f = ''] = n.toFixed(Math.min(scale, 20)).split('.');
  return BigInt(i!) * 10n ** BigInt(scale) + BigInt((f + '0'.repeat(scale)).slice(0, scale) || '0');
}

/** Formats an exact scaled value back as a decimal string (for issue parameters). */
export function unscaled(v: bigint, scale: number): string {
  const s = v.toString().padStart(scale + 1, '0');
  const i = s.slice(0, s.length - scale);
  const f = s.slice(s.length - scale).replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/**
 * Every value at a catalogue key in a document, with its JSON pointer; `[]` segments expand over
 * array items (`goodsItems[].fobValue` yields one entry per item that has a fobValue).
 */
export function valuesAt(document: Obj, key: string): { value: unknown; path: string }[] {
  let current: { value: unknown; path: string }[] = [{ value: document, path: '' }];
  for (const segment of key.split('.')) {
    const isArray = segment.endsWith('[]');
    const field = isArray ? segment.slice(0, -2) : segment;
    const next: { value: unknown; path: string }[] = [];
    for (const { value, path } of current) {
      const v = obj(value)?.[field];
      if (v === undefined) continue;
      const p = pointer(path, field);
      if (isArray && Array.isArray(v)) v.forEach((x, i) => next.push({ value: x, path: pointer(p, i) }));
      else if (!isArray) next.push({ value: v, path: p });
    }
    current = next;
  }
  return current;
}
