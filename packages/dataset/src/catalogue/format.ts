/**
 * WCO format strings (`a2`, `an..70`, `n..16,6`, `n3`) parsed into constraints, shared by the
 * validator and the schema generators so that both read a format the same way.
 */

export interface FormatSpec {
  /** `a` alphabetic, `an` alphanumeric (any printable text), `n` numeric. */
  readonly charset: 'a' | 'an' | 'n';
  /** Exact length (`a2`) or upper bound (`an..70`); for `n`, the number of digits. */
  readonly minLength: number;
  readonly maxLength: number;
  /** For `n..16,6`: at most 6 digits after the decimal point. */
  readonly fractionDigits: number;
}

const formatPattern = /^(an|a|n)(\.\.)?(\d+)(?:,(\d+))?$/;
const parsed = new Map<string, FormatSpec>();

/** Parses a WCO format; throws on a malformed one (a catalogue error, caught by the catalogue test). */
export function parseFormat(format: string): FormatSpec {
  let spec = parsed.get(format);
  if (spec) return spec;
  const m = formatPattern.exec(format);
  if (!m) throw new SyntaxError(`malformed WCO format "${format}"`);
  const max = Number(m[3]);
  spec = {
    charset: m[1] as FormatSpec['charset'],
    minLength: m[2] ? 1 : max,
    maxLength: max,
    fractionDigits: m[4] ? Number(m[4]) : 0,
  };
  parsed.set(format, spec);
  return spec;
}
