/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): the one byte sequence of a document that
 * is signed and hashed, whatever the key order or number spelling of the JSON it came from.
 * Serialisation is the `canonicalize` package; this module first checks that the value is plain JSON,
 * so that a value JSON cannot carry fails loudly instead of being dropped or turned into `null`.
 */
import canonicalize from 'canonicalize';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Frame {
  readonly value: unknown;
  /** The frame holding this value and this value's key or index in it: the JSON pointer is built only on failure. */
  readonly parent: Frame | undefined;
  readonly token: string | number;
  /** Set on the marker frame that closes a container (for cycle detection). */
  readonly closes?: object;
}

function pathOf(frame: Frame | undefined): string {
  const tokens: string[] = [];
  for (let f = frame; f?.parent; f = f.parent) tokens.push(typeof f.token === 'number' ? String(f.token) : f.token.replace(/~/g, '~0').replace(/\//g, '~1'));
  return tokens.reverse().map((t) => `/${t}`).join('');
}

function fail(at: Frame | undefined, what: string): never {
  throw new TypeError(`canonicalJson: the value at "${pathOf(at)}" is ${what}, which JSON cannot represent`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws a TypeError naming the JSON pointer of the first value that is not plain JSON. */
function assertPlainJson(root: unknown): void {
  // An explicit stack: documents from outside may nest deeply, and this must not overflow.
  const stack: Frame[] = [{ value: root, parent: undefined, token: '' }];
  const open = new Set<object>();
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.closes) {
      open.delete(frame.closes);
      continue;
    }
    const value = frame.value;
    switch (typeof value) {
      case 'boolean':
        continue;
      case 'string':
        if (loneSurrogate.test(value)) fail(frame, 'a string with a lone surrogate');
        continue;
      case 'number':
        if (!Number.isFinite(value)) fail(frame, String(value));
        continue;
      case 'object':
        break;
      default:
        fail(frame, typeof value);
    }
    if (value === null) continue;
    if (open.has(value)) fail(frame, 'a circular reference');
    open.add(value);
    stack.push({ value: undefined, parent: frame.parent, token: frame.token, closes: value });
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        // A hole or an undefined item: JSON.stringify would write null, which is not what was meant.
        if (!(i in value) || value[i] === undefined) fail({ value: undefined, parent: frame, token: i }, 'undefined');
        stack.push({ value: value[i], parent: frame, token: i });
      }
      continue;
    }
    if (!isPlainObject(value)) fail(frame, `an instance of ${value.constructor?.name ?? 'a class'}`);
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      if (loneSurrogate.test(key)) fail({ value: item, parent: frame, token: key }, 'a key with a lone surrogate');
      // An undefined property is an absent one (as in JSON.stringify and exactOptionalPropertyTypes).
      if (item !== undefined) stack.push({ value: item, parent: frame, token: key });
    }
  }
}

/**
 * The RFC 8785 canonical form of a JSON value: object keys sorted by UTF-16 code units, no
 * whitespace, numbers in ECMAScript shortest form (`1e+21`, `1e-7`, `-0` as `0`).
 * Throws a TypeError (a programming error, not bad input) for anything that is not plain JSON:
 * undefined (except as an object property value, which counts as absent), NaN and infinities,
 * functions, symbols, bigints, class instances such as Date or Map, cycles, and lone surrogates.
 */
export function canonicalJson(value: unknown): string {
  assertPlainJson(value);
  const text = canonicalize(value);
  if (text === undefined) fail(undefined, 'undefined');
  return text;
}

/** The UTF-8 bytes of {@link canonicalJson}: what is signed and hashed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
